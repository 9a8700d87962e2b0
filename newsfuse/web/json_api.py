"""The JSON API under `/api/`: the same data functions as the pages, returned as JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from pydantic import BaseModel, Field

from newsfuse.web.data import article_detail, list_stories, skipped_inputs, story_detail
from newsfuse.web.params import LibraryDep, QueryDep, WritesDep
from newsfuse.web.responses import ERRORS
from newsfuse.web.uploads import ingest_upload, ingest_url

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

JSONObject = dict[str, Any]


class UrlIngest(BaseModel):
    """A URL to fetch and ingest (an article page or a feed)."""

    url: str = Field(max_length=4000, description="http(s) URL; private and loopback targets are refused")


@router.get("/stories", summary="Stories, newest first, filtered")
def api_stories(lib: LibraryDep, query: QueryDep) -> JSONObject:
    """Story summaries (title, date span, outlets, top entities, lede) matching the filters."""
    return list_stories(lib, query)


@router.get("/stories/{story_id:path}", summary="One story: the contract's story object")
def api_story(story_id: str, lib: LibraryDep) -> JSONObject:
    """The story object of `newsfuse brief --json`, plus `sources` and each citation's `quote`."""
    return story_detail(lib, story_id)


@router.get("/articles/{article_id:path}", summary="One article, with its links to claims")
def api_article(article_id: str, lib: LibraryDep) -> JSONObject:
    """The cleaned article (text, removed boilerplate, metadata), its story and linked spans."""
    return article_detail(lib, article_id)


@router.get("/skipped", summary="Inputs that ingest had to skip, with the reasons")
def api_skipped(lib: LibraryDep) -> JSONObject:
    """Every skipped input (source and reason), oldest first."""
    return skipped_inputs(lib)


@router.post("/ingest/upload", summary="Ingest an uploaded file, then cluster and brief")
def api_upload(request: Request, lib: LibraryDep, access: WritesDep, file: Annotated[UploadFile, File()],
               token: Annotated[str | None, Form()] = None) -> JSONObject:
    """Needs the server's token (X-Newsfuse-Token header or `token` field) unless it is loopback-only."""
    access.check(request, token)
    return ingest_upload(lib, request.app.state.upload_dir, file.filename or "", file.file,
                         allow_private=request.app.state.allow_private)


@router.post("/ingest/url", summary="Fetch and ingest a URL, then cluster and brief")
def api_url(request: Request, lib: LibraryDep, access: WritesDep, body: UrlIngest) -> JSONObject:
    """Needs the server's token (X-Newsfuse-Token header) unless it is loopback-only."""
    access.check(request, None)
    return ingest_url(lib, body.url, allow_private=request.app.state.allow_private)
