"""`make_engine`: the engine by name; Ray is needed only for "ray" and its absence is a usage error."""

from __future__ import annotations

import sys

import pytest

from newsfuse.engines import RAY_MISSING, make_engine
from newsfuse.engines.local import LocalEngine
from newsfuse.errors import UsageError


def test_local_is_the_embedded_engine() -> None:
    assert type(make_engine("local", address=None)) is LocalEngine


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="local, ray"):
        make_engine("spark", address=None)


def test_ray_address_needs_the_ray_engine() -> None:
    with pytest.raises(UsageError, match="--engine ray"):
        make_engine("local", address="ray://head:10001")


def test_ray_without_the_extra_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if ray were not installed
    monkeypatch.delitem(sys.modules, "newsfuse.engines.ray", raising=False)
    with pytest.raises(UsageError) as caught:
        make_engine("ray", address=None)
    assert str(caught.value) == RAY_MISSING
    assert caught.value.exit_status == 2
