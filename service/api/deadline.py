"""A deadline on reading a request body, so a client that trickles its body cannot hold a
connection and a worker for ever (uvicorn has no body read timeout)."""

from __future__ import annotations

import asyncio
import time

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.plugins.problem_details import ProblemDetailsException
from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send


# A large feed on a slow uplink must still get through: each 16 KiB that arrives (128 kbit/s)
# buys a second more, one byte now and then next to nothing.
_SLOWEST_BYTES_PER_SECOND = 16 * 1024


class BodyDeadlineMiddleware(ASGIMiddleware):
    """408 when the body has not arrived `seconds` after the request began, plus a second for
    each 16 KiB received. The deadline is the body's, not one read's, so a client that sends
    a byte now and then cannot hold the connection."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        deadline = time.monotonic() + self.seconds
        body_done = False

        async def receive_by_deadline() -> ReceiveMessage:
            nonlocal body_done, deadline
            # Once the body is in, a later read waits for a disconnect, which has no deadline.
            if body_done:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise ProblemDetailsException(
                    status_code=408,
                    title="Request timeout",
                    detail=f"the request body did not arrive within {self.seconds:g} seconds "
                    f"and a second for each {_SLOWEST_BYTES_PER_SECOND // 1024} KiB sent",
                    headers={"Connection": "close"},
                ) from None
            if message["type"] == "http.request":
                deadline += len(message["body"]) / _SLOWEST_BYTES_PER_SECOND
                body_done = not message.get("more_body", False)
            else:
                body_done = True
            return message

        await next_app(scope, receive_by_deadline, send)
