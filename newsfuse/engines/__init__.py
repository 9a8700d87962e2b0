"""Engines run the stages: `local` in this process (the default), `ray` on a Ray cluster.

`make_engine` picks one by name for the CLI and the web; Ray is imported only when asked for, so
the default install does not need it.
"""

from __future__ import annotations

from newsfuse.engines.local import LocalEngine, Track, no_progress
from newsfuse.errors import UsageError

ENGINES = ("local", "ray")
RAY_MISSING = "--engine ray needs the ray extra: pip install 'newsfuse[ray]'"

# What the `ray` extra installs that engines/ray.py imports: missing, the extra is missing.
RAY_EXTRA_MODULES = frozenset({"ray", "pyarrow"})


def make_engine(
    name: str, *, address: str | None = None, track: Track = no_progress, workers: int | None = None,
) -> LocalEngine:
    """The engine called `name` ("local" or "ray"); `address` (a Ray cluster) and `workers` (CPUs
    of a local Ray) only apply to "ray"."""
    if name == "local":
        if address:
            raise UsageError("--ray-address needs --engine ray")
        return LocalEngine(track)
    if name == "ray":
        try:
            from newsfuse.engines.ray import RayEngine
        except ModuleNotFoundError as err:
            if (err.name or "").split(".")[0] not in RAY_EXTRA_MODULES:
                raise
            raise UsageError(RAY_MISSING) from err
        return RayEngine(address=address, workers=workers, track=track)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
