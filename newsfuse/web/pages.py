"""The HTML pages: the stories list, a story, an article, and the ingest forms.  Each page calls the
same data function as its `/api/` twin and hands the result to a template."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from newsfuse.web.data import article_detail, list_stories, skipped_inputs, story_detail
from newsfuse.web.graph import layout
from newsfuse.web.params import LibraryDep, QueryDep, WritesDep
from newsfuse.web.uploads import ingest_upload, ingest_url
from newsfuse.web.views import (
    CONTRADICTS,
    claim_matrix,
    event_evidence,
    event_rows,
    segments,
    source_labels,
    timeline,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, name: str, context: dict[str, Any]) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context)


@router.get("/")
def stories_page(request: Request, lib: LibraryDep, query: QueryDep) -> Response:
    """The stories list with its search box and filters."""
    return _page(request, "stories.html", {"data": list_stories(lib, query), "query": query})


@router.get("/stories/{story_id:path}")
def story_page(request: Request, story_id: str, lib: LibraryDep) -> Response:
    """A story: brief with citation chips, event, discrepancies, claims matrix, unique facts,
    provenance graph and sources."""
    story = story_detail(lib, story_id)
    labels = source_labels(story)
    sources = story.get("sources") or {}
    discrepancies = [(d, timeline(d, sources) if d.get("evolving") else None)
                     for d in story.get("discrepancies") or ()]
    event = story.get("event") or {}
    matrix = claim_matrix(story)
    shared = [r for r in matrix if r.support > 1 or CONTRADICTS in r.cells]
    return _page(request, "story.html", {
        "story": story, "labels": labels, "shared_claims": shared,
        "single_claims": [r for r in matrix if r not in shared], "graph": layout(story, labels),
        "discrepancies": discrepancies, "event_rows": event_rows(event), "evidence": event_evidence(event),
    })


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, lib: LibraryDep) -> Response:
    """An article: metadata, cleaned text with spans linked to claims, removed boilerplate apart."""
    article = article_detail(lib, article_id)
    return _page(request, "article.html", {"article": article, "paragraphs": segments(article)})


@router.get("/ingest")
def ingest_page(request: Request, lib: LibraryDep, access: WritesDep) -> Response:
    """The upload and URL forms, and the inputs skipped so far."""
    return _page(request, "ingest.html", {
        "skipped": skipped_inputs(lib)["skipped"],
        "form_token": access.form_token if access.token is None else "",
        "max_mb": request.app.state.max_upload / 1_000_000,
    })


@router.post("/ingest/upload")
def upload_form(request: Request, lib: LibraryDep, access: WritesDep, file: Annotated[UploadFile, File()],
                token: Annotated[str | None, Form()] = None) -> Response:
    """Ingest the uploaded file, cluster and brief; show the report."""
    access.check(request, token)
    report = ingest_upload(lib, request.app.state.upload_dir, file.filename or "", file.file,
                           allow_private=request.app.state.allow_private)
    return _page(request, "ingested.html", {"report": report, "what": file.filename or "upload"})


@router.post("/ingest/url")
def url_form(request: Request, lib: LibraryDep, access: WritesDep, url: Annotated[str, Form(max_length=4000)],
             token: Annotated[str | None, Form()] = None) -> Response:
    """Fetch and ingest the URL, cluster and brief; show the report."""
    access.check(request, token)
    report = ingest_url(lib, url, allow_private=request.app.state.allow_private)
    return _page(request, "ingested.html", {"report": report, "what": url})
