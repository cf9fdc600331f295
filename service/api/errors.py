"""Every error as RFC 9457 problem details (`application/problem+json`) that says what is wrong."""

from __future__ import annotations

import logging
import math
import traceback
from http import HTTPStatus
from typing import Any

from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.plugins.problem_details import (
    ProblemDetailsConfig,
    ProblemDetailsException,
    ProblemDetailsPlugin,
)

from service.api.schemas import Problem
from service.errors import InputError

log = logging.getLogger(__name__)

# The request id is on the log line (see logs.py), so the caller can quote it.
_INTERNAL_DETAIL = "the server failed on this request; it is logged"


class ServiceBusy(ProblemDetailsException):
    """503 with Retry-After: the queue is full, the request ran out of time, or the model is loading."""

    def __init__(self, detail: str, retry_after: float):
        super().__init__(
            status_code=HTTPStatus.SERVICE_UNAVAILABLE,
            title="Service busy",
            detail=detail,
            headers={"Retry-After": str(max(1, math.ceil(retry_after)))},
        )


class JobFailed(ProblemDetailsException):
    """500 for callers of a job that failed. The job logs its failure once, whoever waits on
    it (`BriefService`), so this is not logged again for each caller."""

    def __init__(self) -> None:
        super().__init__(status_code=500, title="Internal error", detail=_INTERNAL_DETAIL)


def _problem(status: int, title: str, detail: str, **extra: Any) -> ProblemDetailsException:
    return ProblemDetailsException(status_code=status, title=title, detail=detail, extra=extra or None)


def _validation_problem(exc: ValidationException) -> ProblemDetailsException:
    errors: list[dict[str, Any]] = exc.extra if isinstance(exc.extra, list) else []
    if any(error.get("key") == "data" and error.get("message") == "'data'" for error in errors):
        return _problem(400, "Empty body", "send a JSON object with an `articles` list")
    for error in errors:
        # Litestar names the whole body `data`; callers know it as the body.
        if error.get("key") == "data":
            error["key"] = "body"
    detail = "; ".join(f"{e.get('key')}: {e.get('message')}" for e in errors) or str(exc.detail)
    return _problem(422, "Invalid request", detail, errors=errors)


def _http_problem(exc: HTTPException, body_limits: dict[str, int]) -> ProblemDetailsException:
    if isinstance(exc, ValidationException):
        return _validation_problem(exc)
    if isinstance(exc.__cause__, SerializationException):
        return _problem(400, "Malformed JSON", str(exc.detail))
    status = HTTPStatus(exc.status_code)
    detail = str(exc.detail)
    if status is HTTPStatus.REQUEST_ENTITY_TOO_LARGE:
        # The limit is per route, and the handler is not told which route refused the body.
        limits = ", ".join(f"{route} takes up to {size} bytes" for route, size in body_limits.items())
        detail = f"the request body is over this endpoint's size limit ({limits})"
    problem = _problem(status, status.phrase, detail)
    problem.headers = exc.headers
    return problem


def _input_problem(exc: InputError) -> ProblemDetailsException:
    return _problem(422, "Unusable input", str(exc))


def _internal_problem(exc: Exception) -> ProblemDetailsException:
    if isinstance(exc, RecursionError) and _raised_decoding_json(exc):
        # msgspec gives up on a body nested past Python's recursion limit ("[[[[…]]]]"):
        # the body is at fault, and Litestar does not wrap this error as it does a syntax error.
        return _problem(400, "Malformed JSON", "JSON is nested too deeply")
    if isinstance(exc, UnicodeDecodeError) and _raised_decoding_json(exc):
        # Nor does it wrap bytes that are not UTF-8 (msgspec raises UnicodeDecodeError, not DecodeError).
        return _problem(400, "Malformed JSON", "the body is not valid UTF-8; send JSON encoded as UTF-8")
    log.exception("unhandled error", exc_info=exc)
    return _problem(500, "Internal error", _INTERNAL_DETAIL)


def _raised_decoding_json(exc: BaseException) -> bool:
    frames = traceback.walk_tb(exc.__traceback__)
    return any(frame.f_code.co_name == "decode_json" and "litestar" in frame.f_code.co_filename for frame, _ in frames)


def problem_details_plugin(body_limits: dict[str, int]) -> ProblemDetailsPlugin:
    """Problem details for every error; `body_limits` (route to bytes) words the 413."""
    return ProblemDetailsPlugin(
        ProblemDetailsConfig(
            exception_to_problem_detail_map={
                HTTPException: lambda exc: _http_problem(exc, body_limits),
                InputError: _input_problem,
                Exception: _internal_problem,
            }
        )
    )


def problem_spec(description: str) -> ResponseSpec:
    """An OpenAPI response documented as `application/problem+json`."""
    return ResponseSpec(
        data_container=Problem,
        description=description,
        media_type="application/problem+json",
        generate_examples=False,
    )
