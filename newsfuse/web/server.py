"""`newsfuse serve`: run the web app with uvicorn, with a write token when it is reachable from
other machines."""

from __future__ import annotations

import secrets
from pathlib import Path

import uvicorn

from newsfuse.web.app import create_app
from newsfuse.web.security import is_loopback_host


def write_token(host: str) -> str | None:
    """A fresh write token for a server bound to `host`, or None when it binds to loopback only."""
    return None if is_loopback_host(host) else secrets.token_urlsafe(24)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at `db` on `host`:`port` until interrupted; print the write token when the
    address is not loopback-only (uploads and URL ingest then need it)."""
    token = write_token(host)
    app = create_app(db, token=token)
    if token is not None:
        print(f"newsfuse: write token (needed to add articles from the web): {token}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
