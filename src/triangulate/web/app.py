"""The FastAPI application: error handling and the two routers (site and API)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.web import api, pages
from triangulate.web.security import Guard
from triangulate.web.state import State
from triangulate.web.templates import STATIC, render

logger = logging.getLogger(__name__)
ENVELOPE = 64 * 1024
"""Room for a request's envelope (JSON quoting, multipart headers) above the ingest limit."""


def create_app(db: str | None = None, token: str | None = None,
               max_bytes: int | None = None, settings: Settings = DEFAULTS) -> FastAPI:
    """The web app over the store at ``db``; writes need ``token`` (none: writes refused);
    uploads are read and the store cross-checked with the ``settings``; a request body is
    refused over ``max_bytes`` (by default the settings' size limit and a multipart
    envelope)."""
    store = Store(db)
    app_state = State(store, token, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        app_state.jobs.close()
        store.close()

    app = FastAPI(title="Triangulate", version="1", lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url="/api/v1/openapi.json",
                  description="Sourced, cross-checked records of war reporting.")
    app.state.triangulate = app_state
    app.add_middleware(Guard, max_bytes=max_bytes or settings.max_bytes + ENVELOPE)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(Exception, server_error)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None, detail: Any = None) -> Response:
    """JSON on the API, a page on the site; never a traceback."""
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "message": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status, headers=headers)


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    message = error.detail if isinstance(error.detail, str) else "request refused"
    return error_response(request, error.status_code, message, dict(error.headers or {}))


async def invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")}
                for e in error.errors()]
    summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
    return error_response(request, 422, f"invalid request: {summary}", detail=problems)


async def server_error(request: Request, error: Exception) -> Response:
    logger.exception("error serving %s", request.url.path, exc_info=error)
    return error_response(request, 500, "internal error: the server could not answer this "
                                        "request (the log has the details)")
