"""A generator for tests: answers with a function of the prompt, counts words as tokens."""

from __future__ import annotations

from collections.abc import Callable, Sequence


class FakeGenerator:
    def __init__(self, respond: Callable[[str], str], *, max_input_tokens: int = 512, version: str = "fake"):
        self.respond = respond
        self.max_input_tokens = max_input_tokens
        self.version = version
        self.prompts: list[str] = []

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def generate(self, prompts: Sequence[str]) -> list[str]:
        self.prompts.extend(prompts)
        return [self.respond(p) for p in prompts]
