"""Jinja2 templates (autoescaping on) and the one function that renders a page."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.responses import Response

from triangulate.report import views
from triangulate.report.terminal import plural
from triangulate.web.security import CSRF_COOKIE, CSRF_FIELD, csrf_token

STATIC = Path(__file__).parent / "static"


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def with_query(path: str, params: Mapping[str, object]) -> str:
    """``path`` with the parameters that hold a value."""
    kept = {k: str(v) for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


_ENV = Environment(loader=PackageLoader("triangulate.web", "templates"),
                   autoescape=select_autoescape(["html"], default=True))
_ENV.filters.update(figure=views.figure, amount=views.amount, estimate=views.estimate,
                    measure_label=views.label, plural=plural,
                    article_title=views.title_of)
_ENV.globals.update(article_url=article_url, with_query=with_query, outlet_name=views.outlet_name,
                    web_link=views.web_link,
                    status_words=views.STATUS_WORDS, csrf_field=CSRF_FIELD)
TEMPLATES = Jinja2Templates(env=_ENV)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200,
           headers: Mapping[str, str] | None = None) -> Response:
    """The page, with the browser's CSRF token in the context and in its cookie."""
    token = csrf_token(request)
    response = TEMPLATES.TemplateResponse(request, name, {**context, "csrf": token},
                                          status_code=status_code, headers=headers)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response
