"""The web UI and JSON API over a stored run: `create_app(db, token=...)` and `serve(db, host, port)`."""

from __future__ import annotations

from newsfuse.web.app import create_app
from newsfuse.web.server import serve

__all__ = ["create_app", "serve"]
