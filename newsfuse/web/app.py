"""The FastAPI application: pages and JSON API over one stored run, with the security guard.

`create_app(db, token=...)` builds it; `newsfuse.web.serve` runs it with uvicorn.  With `token`
None the server is meant to bind to loopback only: writes then need no token, and requests that do
not name a loopback host are refused.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsfuse import __version__
from newsfuse.web import json_api, pages
from newsfuse.web.data import day_of
from newsfuse.web.library import Library
from newsfuse.web.responses import install_error_handlers
from newsfuse.web.security import Guard, WriteAccess, http_url
from newsfuse.web.views import number

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 25_000_000

DESCRIPTION = """The stories of a newsfuse store: each one a cited brief, the claims and which
outlets state them, the discrepancies between outlets, unique facts, provenance and the event.
Every error has the shape `{"error": {"status": ..., "message": ...}}`."""


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["http_url"] = http_url
    env.filters["day"] = day_of
    env.filters["idpath"] = lambda value: quote(str(value), safe="")
    env.filters["num"] = number
    return Jinja2Templates(env=env)


def create_app(db: str | Path, *, token: str | None = None, max_upload: int = MAX_UPLOAD,
               allow_private: bool = False) -> FastAPI:
    """The web app serving the store at `db` (created if missing).

    `token` guards the write endpoints (None: loopback only, no token needed); `max_upload` caps a
    request body in bytes; `allow_private` lets URL ingest reach private addresses (off by default).
    """
    upload_dir = Path(tempfile.mkdtemp(prefix="newsfuse-uploads-"))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        shutil.rmtree(upload_dir, ignore_errors=True)

    app = FastAPI(title="newsfuse", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    templates = _templates()
    app.state.library = Library(db)
    app.state.writes = WriteAccess(token)
    app.state.templates = templates
    app.state.upload_dir = upload_dir
    app.state.allow_private = allow_private
    app.state.max_upload = max_upload
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(json_api.router)
    app.include_router(pages.router)
    install_error_handlers(app, templates)
    app.add_middleware(Guard, max_body=max_upload, loopback_only=token is None)
    return app
