"""Property-based fuzzing of the running server from its own OpenAPI schema (schemathesis).

Valid and invalid requests generated from the schema go to a real `chorus serve`: none may
get a 5xx, and every response must be one the schema declares, in the declared shape.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from server_process import ChorusServer

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = [
    ("/summarize", "POST"),
    ("/health", "GET"),
    ("/health", "HEAD"),
    ("/ready", "GET"),
    ("/stories/jobs", "POST"),
    ("/stories/jobs/{job_id}", "GET"),
]
# Invalid input only exists where there is input.
CASES = [
    ("/summarize", "POST", GenerationMode.POSITIVE, 40),
    ("/summarize", "POST", GenerationMode.NEGATIVE, 40),
    ("/health", "GET", GenerationMode.POSITIVE, 5),
    ("/health", "HEAD", GenerationMode.POSITIVE, 5),
    ("/ready", "GET", GenerationMode.POSITIVE, 5),
    ("/stories/jobs", "POST", GenerationMode.POSITIVE, 10),
    ("/stories/jobs", "POST", GenerationMode.NEGATIVE, 20),
    ("/stories/jobs/{job_id}", "GET", GenerationMode.POSITIVE, 10),
]


@pytest.fixture(scope="module")
def server() -> Iterator[ChorusServer]:
    with ChorusServer(env={"CHORUS_REQUEST_TIMEOUT": "10"}) as server:
        yield server


@pytest.fixture(scope="module")
def api_schema(server: ChorusServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server.url}/schema/openapi.json")


def test_the_fuzzed_operations_are_all_there_are(api_schema: schemathesis.BaseSchema) -> None:
    paths = api_schema.raw_schema["paths"]
    found = {(path, method.upper()) for path, operations in paths.items() for method in operations}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize(("path", "method", "mode", "examples"), CASES)
def test_every_response_is_declared_and_never_5xx(
    api_schema: schemathesis.BaseSchema,
    server: ChorusServer,
    path: str,
    method: str,
    mode: GenerationMode,
    examples: int,
) -> None:
    @given(case=api_schema[path][method].as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(base_url=server.url, checks=CHECKS, timeout=30)

    check()
