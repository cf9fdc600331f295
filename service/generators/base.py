"""The one seam to a text-generation backend (like httpx's BaseTransport)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Generator(Protocol):
    #: Identifies model and weights; part of cache keys.
    version: str
    #: Tokens the model may read, prompt included; prompts are built to fit.
    max_input_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def generate(self, prompts: Sequence[str]) -> list[str]:
        """One completion per prompt, with fixed decoding settings."""
        ...
