"""The one error shape, `{"error": {"status": ..., "message": ...}}`, and the handlers that map every
failure to it: newsfuse errors by their `http_status`, HTTP errors, request validation errors.

JSON for `/api/` paths and for clients that do not ask for HTML; browsers get the same status and
message on an HTML page.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from newsfuse.errors import NewsfuseError


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status and a message a user can act on."""

    status: int
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((400, "Bad request"), (404, "Not found"), (422, "Invalid parameters"),
                         (500, "Server error"))
}


def error_body(status: int, message: str) -> dict[str, dict[str, object]]:
    """The error shape as a dict."""
    return {"error": {"status": status, "message": message}}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    """Route every newsfuse, HTTP and validation error to the one error shape."""

    def render(request: Request, status: int, message: str) -> Response:
        if _wants_html(request):
            return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                              status_code=status)
        return JSONResponse(error_body(status, message), status_code=status)

    async def on_newsfuse(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsfuseError)
        return render(request, exc.http_status, str(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        response = render(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return render(request, 422, _validation_message(exc))

    app.add_exception_handler(NewsfuseError, on_newsfuse)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
