"""The site's pages: the story, groups, figures, quotes, outlets, tensions, articles, and the
upload form (CSRF-protected, token required) with its job page."""

from __future__ import annotations

from typing import Annotated, Any, get_args

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from triangulate.measures import MEASURES
from triangulate.report import views as report_views
from triangulate.types import Status
from triangulate.web import views
from triangulate.web.api import DerivedId, Offset, StateDep, found, submit
from triangulate.web.data import (
    ARTICLE_ID,
    ArticleFilter,
    GroupFilter,
    QuoteFilter,
    groups_by_size,
    paginate,
)
from triangulate.web.intake import from_file, from_json
from triangulate.web.security import check_csrf, check_token
from triangulate.web.templates import render

router = APIRouter(include_in_schema=False)
PAGE = 25
KEY_FIGURES = 12
SPEAKERS = 30  # the most quoted, listed beside the quotes
STATUSES: tuple[Status, ...] = get_args(Status)
Blank = Annotated[str | None, Query(max_length=200)]  # a form's empty field is ""


def day(value: str | None) -> str | None:
    """A date filter as typed: YYYY-MM-DD, else 422."""
    if not value:
        return None
    if report_views.parse_date(value) is None:
        raise HTTPException(422, f"not a date (YYYY-MM-DD): {value!r}")
    return value


def choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise HTTPException(422, f"unknown {name} {value!r}: use one of {', '.join(allowed)}")
    return value


@router.get("/")
def story(app: StateDep, request: Request) -> Response:
    snap = app.snapshot
    return render(request, "story.html", {
        "snap": snap, "outlets": report_views.outlets(snap.analysis),
        "key": groups_by_size(snap)[:KEY_FIGURES],
        "date_span": report_views.date_span(snap.analysis)})


@router.get("/groups")
def groups(app: StateDep, request: Request, measure: Blank = None, subject: Blank = None,
           status: Blank = None, outlet: Blank = None, since: Blank = None,
           until: Blank = None, event: Blank = None, offset: Offset = 0) -> Response:
    snap = app.snapshot
    keep = GroupFilter(choice(measure, MEASURES, "measure"), subject or None,
                       choice(status, STATUSES, "status"), outlet or None, day(since),
                       day(until), event or None)
    page = paginate(((i, g) for i, g in enumerate(snap.analysis.groups)
                     if keep.keeps(snap, g)), PAGE, offset)
    colors = views.outlet_colors(snap)
    return render(request, "groups.html", {
        "page": page, "shown": [views.group_view(snap, i, colors) for i, _ in page.items],
        "filters": keep, "measures": MEASURES, "statuses": STATUSES,
        "query": dict(request.query_params)})


@router.get("/groups/{group_id}")
def group(app: StateDep, request: Request, group_id: DerivedId) -> Response:
    snap = app.snapshot
    index = found(snap.group_index.get(group_id), "group", group_id)
    return render(request, "group.html", {
        "view": views.group_view(snap, index, views.outlet_colors(snap))})


@router.get("/figures/{claim_id}")
def figure(app: StateDep, request: Request, claim_id: DerivedId) -> Response:
    snap = app.snapshot
    index = found(snap.claim_index.get(claim_id), "figure", claim_id)
    claim = snap.analysis.claims[index]
    article, text = views.focused_text(snap, claim)
    group_index = snap.group_of_claim.get(index)
    return render(request, "figure.html", {
        "claim": claim, "claim_id": claim_id, "article": article,
        "text": text,
        "chain": views.source_chain(snap, claim),
        "group": None if group_index is None else views.group_view(
            snap, group_index, views.outlet_colors(snap))})


@router.get("/quotes")
def quotes(app: StateDep, request: Request, speaker: Blank = None, q: Blank = None,
           offset: Offset = 0) -> Response:
    snap = app.snapshot
    keep = QuoteFilter(speaker or None, q or None)
    page = paginate(((i, x) for i, x in enumerate(snap.analysis.quotes) if keep.keeps(x)),
                    PAGE * 2, offset)
    speakers = [(s.name, s.role, len(s.quotes)) for s in report_views.speakers(snap.analysis)
                if s.name != report_views.UNATTRIBUTED][:SPEAKERS]
    return render(request, "quotes.html", {
        "page": page, "snap": snap, "filters": keep, "query": dict(request.query_params),
        "speakers": speakers})


@router.get("/quotes/{quote_id}")
def quote(app: StateDep, request: Request, quote_id: DerivedId) -> Response:
    snap = app.snapshot
    index = found(snap.quote_index.get(quote_id), "quote", quote_id)
    item = snap.analysis.quotes[index]
    article, text = views.focused_text(snap, item)
    return render(request, "quote.html", {"quote": item, "article": article, "text": text})


@router.get("/outlets")
def outlets(app: StateDep, request: Request) -> Response:
    snap = app.snapshot
    listed = {o.name: o for o in report_views.outlets(snap.analysis)}
    return render(request, "outlets.html", {
        "rows": report_views.framing_by_outlet(snap.analysis), "listed": listed})


@router.get("/tensions")
def tensions(app: StateDep, request: Request, offset: Offset = 0) -> Response:
    snap = app.snapshot
    page = paginate(enumerate(snap.analysis.tensions), PAGE, offset)
    return render(request, "tensions.html", {"page": page, "snap": snap,
                                             "query": dict(request.query_params)})


@router.get("/articles")
def articles(app: StateDep, request: Request, outlet: Blank = None, since: Blank = None,
             until: Blank = None, q: Blank = None, offset: Offset = 0) -> Response:
    snap = app.snapshot
    keep = ArticleFilter(outlet or None, day(since), day(until), q or None)
    page = paginate(((i, a) for i, a in enumerate(snap.analysis.articles) if keep.keeps(a)),
                    PAGE * 2, offset)
    return render(request, "articles.html", {
        "page": page, "filters": keep, "query": dict(request.query_params)})


@router.get("/articles/{article_id}")
def article(app: StateDep, request: Request,
            article_id: Annotated[str, Path(pattern=ARTICLE_ID.pattern)]) -> Response:
    snap = app.snapshot
    item = found(snap.articles.get(article_id), "article", article_id)
    return render(request, "article.html", {
        "article": item, "text": views.marked_text(snap, item),
        "figures": [(snap.claim_ids[i], snap.analysis.claims[i])
                    for i in snap.claims_of.get(article_id, [])],
        "quotes": [(snap.quote_ids[i], snap.analysis.quotes[i])
                   for i in snap.quotes_of.get(article_id, [])],
        "counts": report_views.framing_counts(snap.analysis.framing(article_id))})


@router.get("/upload")
def upload_form(app: StateDep, request: Request) -> Response:
    return render(request, "upload.html", {"writes": app.token is not None})


@router.post("/upload")
async def upload(app: StateDep, request: Request, csrf: Annotated[str, Form()] = "",
                 token: Annotated[str, Form()] = "", text: Annotated[str, Form()] = "",
                 title: Annotated[str, Form()] = "", outlet: Annotated[str, Form()] = "",
                 published: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
                 file: UploadFile | None = None) -> Response:
    check_csrf(request, csrf)
    check_token(app.token, token)
    fields = {"title": title, "outlet": outlet, "published": published, "url": url}
    if file is not None and file.filename:
        intake = from_file(file.filename, await file.read(), fields, app.jobs.settings)
    else:
        intake = from_json({"text": text, **{k: v for k, v in fields.items() if v}},
                           app.jobs.settings)
    job = submit(app, intake)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job(app: StateDep, request: Request,
        job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]) -> Response:
    found_job = found(app.jobs.get(job_id), "job", job_id)
    # the status before the snapshot: a job publishes its snapshot, then says it is done, so
    # a job seen done has its figures in the snapshot read after (read before, it could be
    # the one before the job's, and the page would show a finished job with no figures)
    done = found_job.status == "done"
    snap = app.snapshot
    figures: list[tuple[str, Any]] = [
        (snap.claim_ids[i], snap.analysis.claims[i])
        for article_id in (found_job.articles if done else [])
        for i in snap.claims_of.get(article_id, [])]
    return render(request, "job.html", {"job": found_job, "figures": figures, "snap": snap})
