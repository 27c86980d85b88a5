"""The REST API under /api/v1: lists with filters and pagination, single items by id, and
``POST /api/v1/articles``, which reads articles in the background as a job."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse

from triangulate.measures import MEASURES
from triangulate.report import views
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Status
from triangulate.web.data import (
    ARTICLE_ID,
    DERIVED_ID,
    ArticleFilter,
    ClaimFilter,
    GroupFilter,
    QuoteFilter,
    Snapshot,
    paginate,
)
from triangulate.web.intake import Intake, from_file, from_json
from triangulate.web.jobs import Job
from triangulate.web.records import (
    API,
    article_record,
    claim_record,
    group_record,
    listing,
    quote_record,
    tension_record,
)
from triangulate.web.security import bearer, check_token
from triangulate.web.state import State, state

router = APIRouter(prefix=API, tags=["api"])
T = TypeVar("T")
StateDep = Annotated[State, Depends(state)]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
DerivedId = Annotated[str, Path(pattern=DERIVED_ID.pattern, description=(
    "An item's id: stored for claims and quotes, derived for groups and tensions."))]
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID.pattern)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")]
MeasureQuery = Annotated[str | None, Query(pattern="^(" + "|".join(MEASURES) + ")$")]
StatusQuery = Annotated[Status | None, Query()]
UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
        "published": {"type": "string", "format": "date"}, "url": {"type": "string"},
        "language": {"type": "string"}}}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary"}, "title": {"type": "string"},
        "outlet": {"type": "string"}, "url": {"type": "string"}}}}}}}


def listed(request: Request, items: Sequence[T], keeps: Callable[[int, T], bool],
           record: Callable[[int, T], dict[str, Any]], limit: int,
           offset: int) -> dict[str, Any]:
    """One page of the items ``keeps`` keeps (by place and item), as records with links to
    the pages beside it under the same filters."""
    page = paginate(((i, x) for i, x in enumerate(items) if keeps(i, x)), limit, offset)
    return listing(page, [record(i, x) for i, x in page.items], request.url.path,
                   dict(request.query_params))


def found(item: T | None, kind: str, item_id: str) -> T:
    """The item looked up by id (an index, an article, a job), else 404."""
    if item is None:
        raise HTTPException(404, f"no {kind} with id {item_id!r}")
    return item


@router.get("/articles", summary="Articles, filtered by outlet, dates and words")
def list_articles(app: StateDep, request: Request, outlet: Text = None, since: Day = None,
                  until: Day = None, q: Text = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
    snap = app.snapshot
    keep = ArticleFilter(outlet, since, until, q)
    return listed(request, snap.analysis.articles, lambda _, a: keep.keeps(a),
                  lambda _, a: article_record(snap, a), limit, offset)


@router.get("/articles/{article_id}", summary="One article with its text")
def get_article(app: StateDep, article_id: ArticleId) -> dict[str, Any]:
    snap = app.snapshot
    article = found(snap.articles.get(article_id), "article", article_id)
    return {**article_record(snap, article, with_text=True),
            "quotes": [snap.quote_ids[i] for i in snap.quotes_of.get(article_id, [])],
            "claims": [snap.claim_ids[i] for i in snap.claims_of.get(article_id, [])]}


@router.get("/claims", summary="Figures, filtered by measure, article, outlet and status")
def list_claims(app: StateDep, request: Request, measure: MeasureQuery = None,
                article: Text = None, outlet: Text = None, status: StatusQuery = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    snap = app.snapshot
    keep = ClaimFilter(measure, article, outlet, status)
    return listed(request, snap.analysis.claims, lambda i, c: keep.keeps(snap, i, c),
                  lambda i, _: claim_record(snap, i), limit, offset)


@router.get("/claims/{claim_id}", summary="One figure")
def get_claim(app: StateDep, claim_id: DerivedId) -> dict[str, Any]:
    snap = app.snapshot
    return claim_record(snap, found(snap.claim_index.get(claim_id), "claim", claim_id))


@router.get("/quotes", summary="Quotes, filtered by speaker, words and article")
def list_quotes(app: StateDep, request: Request, speaker: Text = None, q: Text = None,
                article: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    snap = app.snapshot
    keep = QuoteFilter(speaker, q, article)
    return listed(request, snap.analysis.quotes, lambda _, x: keep.keeps(x),
                  lambda i, _: quote_record(snap, i), limit, offset)


@router.get("/quotes/{quote_id}", summary="One quote")
def get_quote(app: StateDep, quote_id: DerivedId) -> dict[str, Any]:
    snap = app.snapshot
    return quote_record(snap, found(snap.quote_index.get(quote_id), "quote", quote_id))


@router.get("/groups", summary="Groups of figures, filtered by event, measure, subject, "
                               "status, outlet and dates")
def list_groups(app: StateDep, request: Request, measure: MeasureQuery = None,
                subject: Text = None, status: StatusQuery = None, outlet: Text = None,
                since: Day = None, until: Day = None, event: Text = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
    snap = app.snapshot
    keep = GroupFilter(measure, subject, status, outlet, since, until, event)
    return listed(request, snap.analysis.groups, lambda _, g: keep.keeps(snap, g),
                  lambda i, _: group_record(snap, i), limit, offset)


@router.get("/groups/{group_id}", summary="One group with its figures")
def get_group(app: StateDep, group_id: DerivedId) -> dict[str, Any]:
    snap = app.snapshot
    index = found(snap.group_index.get(group_id), "group", group_id)
    return {**group_record(snap, index),
            "figures": [claim_record(snap, snap.claim_index[claim_id])
                        for claim_id in snap.analysis.groups[index].claims]}


@router.get("/tensions", summary="Statements that contradict each other")
def list_tensions(app: StateDep, request: Request, article: Text = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
    snap = app.snapshot
    return listed(request, snap.analysis.tensions,
                  lambda _, t: not article or article in (t.a.article, t.b.article),
                  lambda i, _: tension_record(snap, i), limit, offset)


@router.get("/tensions/{tension_id}", summary="One tension")
def get_tension(app: StateDep, tension_id: DerivedId) -> dict[str, Any]:
    snap = app.snapshot
    return tension_record(snap, found(snap.tension_index.get(tension_id), "tension",
                                      tension_id))


@router.get("/outlets", summary="Outlets with their articles, dates and framing counts")
def list_outlets(app: StateDep, request: Request, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    return listed(request, outlet_records(app.snapshot), lambda _, r: True,
                  lambda _, r: r, limit, offset)


def outlet_records(snap: Snapshot) -> list[dict[str, Any]]:
    outlets = {o.name: o for o in views.outlets(snap.analysis)}

    def counts(name: str) -> dict[str, int]:
        return views.merged([snap.analysis.framing(a.id) for a in outlets[name].articles]
                            ).counts()

    return [{"outlet": row.outlet, "articles": len(outlets[row.outlet].articles),
             "dates": outlets[row.outlet].dates, "framing": counts(row.outlet),
             "loaded": row.loaded[:20], "scare_quotes": row.scare_quotes[:20],
             "hedges": row.hedges[:20]}
            for row in views.framing_by_outlet(snap.analysis)]


@router.post("/articles", status_code=202, openapi_extra=UPLOAD_BODY,
             summary="Add articles (JSON with text, or a file of any format ingest reads); "
                     "they are read in the background and the cross-check re-run")
async def post_article(app: StateDep, request: Request) -> JSONResponse:
    check_token(app.token, bearer(request))
    intake = await read_upload(request, app.jobs.settings)
    job = submit(app, intake)
    return JSONResponse(job_record(job), status_code=202,
                        headers={"Location": f"{API}/jobs/{job.id}"})


async def read_upload(request: Request, settings: Settings = DEFAULTS) -> Intake:
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        async with request.form() as form:  # closes the spooled upload files after
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise HTTPException(422, "a multipart upload needs a 'file' field")
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            return from_file(upload.filename or "upload.txt", await upload.read(), fields,
                             settings)
    if kind.startswith("application/json"):
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise HTTPException(400, f"malformed JSON: {error}") from error
        return from_json(body, settings)
    raise HTTPException(415, "send application/json or multipart/form-data")


def submit(app: State, intake: Intake) -> Job:
    articles, problems = intake
    if not articles:
        reasons = "; ".join(str(p) for p in problems) or "no article found"
        raise HTTPException(422, f"no article could be read: {reasons}")
    return app.jobs.submit(articles, problems)


def job_record(job: Job) -> dict[str, Any]:
    return {"id": job.id, "status": job.status, "submitted": job.submitted,
            "finished": job.finished, "articles": job.articles, "problems": job.problems,
            "error": job.error, "links": {"self": f"{API}/jobs/{job.id}",
                                          "page": f"/jobs/{job.id}"}}


@router.get("/jobs/{job_id}", summary="A job's progress")
def get_job(app: StateDep, job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]
            ) -> dict[str, Any]:
    return job_record(found(app.jobs.get(job_id), "job", job_id))
