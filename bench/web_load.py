"""Load on the web API: concurrent requests to `/api/stories/{id}` on a real uvicorn server bound
to 127.0.0.1, serving a stored run of the seeds.

Bounded: a fixed number of requests, each with a timeout, and an overall deadline; the server is a
subprocess that is stopped at the end whatever happens.  Reports errors and p50/p99 latency.

    .venv/bin/python -m bench.web_load [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
REQUESTS = 200
REQUEST_TIMEOUT = 30.0
START_TIMEOUT = 60.0


def _store(folder: Path) -> tuple[Path, str]:
    """A stored run of the seeds and the id of its largest story."""
    from newsfuse import api

    db = folder / "seeds.duckdb"
    api.ingest([str(p) for p in sorted(SEEDS.glob("*.txt"))], db)
    doc = api.brief_store(db)
    story = max(doc["stories"], key=lambda s: len(s["articles"]))
    return db, story["id"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/api/stories", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer within {START_TIMEOUT:.0f} s")


async def _get(port: int, path: str) -> tuple[int, bytes]:
    """One GET on a fresh connection: the status and the body.

    A bare asyncio exchange rather than an HTTP client library: on a two-core machine the client's
    own per-request work would otherwise be most of what the benchmark measures.
    """
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    length = int(headers.get("content-length", len(body)))
    if len(body) != length:
        raise ConnectionError(f"short body: {len(body)} of {length} bytes")
    return int(lines[0].split()[1]), body


async def _fire(port: int, path: str, requests: int, story: str) -> tuple[list[float], list[str], float]:
    """Send `requests` GETs at once; the latencies (s) of the good ones, the errors, the wall time."""
    latencies: list[float] = []
    errors: list[str] = []

    async def one() -> None:
        t0 = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(_get(port, path), REQUEST_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            errors.append(type(err).__name__)
            return
        if status != 200 or json.loads(body).get("id") != story:
            errors.append(f"status {status}")
            return
        latencies.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(requests)))
    return latencies, errors, time.perf_counter() - t0


def _ms(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q * len(sorted_values)) - 1))
    return round(sorted_values[k] * 1000, 1)


def run(requests: int = REQUESTS) -> dict:
    """Serve a stored run of the seeds and send `requests` concurrent requests for one story."""
    with tempfile.TemporaryDirectory(prefix="newsfuse-load-") as tmp:
        folder = Path(tmp)
        db, story = _store(folder)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        log = folder / "server.log"
        code = f"from newsfuse.web import serve; serve({str(db)!r}, '127.0.0.1', {port})"
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=out, stderr=out)
        try:
            _wait_ready(base, proc, log)
            path = f"/api/stories/{story}"
            t0 = time.perf_counter()
            httpx.get(base + path, timeout=REQUEST_TIMEOUT).raise_for_status()
            first_ms = round((time.perf_counter() - t0) * 1000, 1)
            latencies, errors, wall = asyncio.run(_fire(port, path, requests, story))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    latencies.sort()
    return {
        "requests": requests,
        "concurrency": requests,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "first_request_ms": first_ms,
        "p50_ms": _ms(latencies, 0.50),
        "p99_ms": _ms(latencies, 0.99),
        "max_ms": _ms(latencies, 1.0),
        "wall_s": round(wall, 3),
        "requests_per_s": round(requests / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=REQUESTS, help="concurrent requests (default 200)")
    result = run(parser.parse_args().requests)
    print(json.dumps(result, indent=2))
    if result["errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
