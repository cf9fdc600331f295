"""Route handlers: the editors' page, /summarize, /health and /ready."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from litestar import Response, get, head, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body

from service.api.briefs import BriefService
from service.api.errors import problem_spec
from service.api.schemas import (
    REQUEST_EXAMPLES,
    RESPONSE_EXAMPLE,
    Health,
    Readiness,
    SummarizeRequest,
    SummarizeResponse,
)

STATIC_DIR = files("service.api") / "static"
_INDEX_HTML = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
# The page loads its script and style from /static only, so injected markup could not run.
PAGE_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
}


def provide_briefs(state: State) -> BriefService:
    return state.briefs  # type: ignore[no-any-return]  # set in the lifespan


@get(
    "/",
    include_in_schema=False,
    media_type=MediaType.HTML,
    response_headers=PAGE_SECURITY_HEADERS,
    sync_to_thread=False,
)
def index() -> str:
    return _INDEX_HTML


@get("/health", summary="The process is up", tags=["operations"], sync_to_thread=False)
def health() -> Health:
    return Health()


# Uptime checks and load balancers often probe with HEAD.
@head("/health", summary="The process is up (no body)", tags=["operations"], sync_to_thread=False)
def health_head() -> None:
    return None


@get(
    "/ready",
    summary="The pipeline and model are loaded",
    tags=["operations"],
    responses={503: ResponseSpec(data_container=Readiness, description="Still loading the model")},
)
async def ready(briefs: NamedDependency[BriefService]) -> Response[Readiness]:
    readiness = Readiness(
        status="ready" if briefs.ready else "loading",
        model=briefs.model_version,
        model_available=briefs.model_available,
    )
    return Response(readiness, status_code=200 if briefs.ready else 503)


@post(
    "/summarize",
    summary="One attributed brief from several reports of one story",
    description=(
        'Returns `{"briefs": [Brief]}`. With `options.format` set to `markdown`, `md`, `text` '
        "or `html`, `rendered` holds each brief rendered in that format. With `group: true` a mixed "
        "batch is split into stories, one brief each, and `singletons` lists the articles of no story. "
        "Identical requests are answered from a cache (`X-Cache: hit`)."
    ),
    tags=["briefs"],
    status_code=200,
    responses={
        200: ResponseSpec(data_container=SummarizeResponse, description="The brief(s)", examples=[RESPONSE_EXAMPLE]),
        400: problem_spec("Malformed JSON or an empty body"),
        413: problem_spec("The body is over the size limit"),
        422: problem_spec("The request breaks the schema, or the reports cannot be summarized"),
        503: problem_spec(
            "Queue full, time limit reached or the model the brief needs still loading; "
            "retry after `Retry-After` seconds"
        ),
    },
)
async def summarize(
    data: Annotated[SummarizeRequest, Body(examples=REQUEST_EXAMPLES)], briefs: NamedDependency[BriefService]
) -> Response[SummarizeResponse]:
    body, cached = await briefs.summarize(data)
    # The body is already encoded (and cached as bytes); Litestar sends bytes as they are.
    return Response(body, media_type=MediaType.JSON, headers={"X-Cache": "hit" if cached else "miss"})  # type: ignore[arg-type]
