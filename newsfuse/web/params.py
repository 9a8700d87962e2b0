"""Request parameters shared by the pages and the JSON API: the store, the stories-list filters, and
the write-access check."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from newsfuse.errors import UsageError
from newsfuse.web.data import PAGE_SIZE, StoryQuery
from newsfuse.web.library import Library
from newsfuse.web.security import WriteAccess

# The dependencies are async so that FastAPI runs them on the event loop, not in a worker thread.


async def library(request: Request) -> Library:
    """The app's store reader."""
    return request.app.state.library


async def writes(request: Request) -> WriteAccess:
    """The app's write-access policy."""
    return request.app.state.writes


def _date(name: str, value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{name} must be a date like 2015-11-01, got {value!r}") from None


async def story_query(
    q: Annotated[str, Query(max_length=500, description="words that must all appear")] = "",
    outlet: Annotated[str, Query(max_length=300, description="only stories this outlet reports")] = "",
    since: Annotated[str, Query(description="only stories with an article on or after (YYYY-MM-DD)")] = "",
    until: Annotated[str, Query(description="only stories with an article on or before (YYYY-MM-DD)")] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoryQuery:
    """The stories-list filters from the query string (empty fields mean no filter)."""
    return StoryQuery(q=q.strip(), outlet=outlet.strip() or None, since=_date("since", since),
                      until=_date("until", until), limit=limit, offset=offset)


LibraryDep = Annotated[Library, Depends(library)]
WritesDep = Annotated[WriteAccess, Depends(writes)]
QueryDep = Annotated[StoryQuery, Depends(story_query)]
