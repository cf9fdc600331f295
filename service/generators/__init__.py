"""Generators behind one protocol, and the slot that loads the configured one once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from service.generators.base import Generator
from service.settings import NO_MODEL, Settings

log = logging.getLogger(__name__)


class GeneratorSlot:
    """Holds the rewrite model: loaded once on first need (or in a server's lifespan).

    Loading never raises: when weights cannot be had (no network, bad path) the slot
    remembers why, and the pipeline answers extractively with that reason as a warning.
    """

    def __init__(self, loader: Callable[[], Generator] | None, name: str):
        self._loader = loader
        self.name = name
        self.generator: Generator | None = None
        self.error: str | None = None if loader else "no rewrite model is configured"
        self._lock = threading.Lock()
        self._tried = loader is None

    @classmethod
    def from_settings(cls, settings: Settings) -> GeneratorSlot:
        if settings.model == NO_MODEL:
            return cls(None, NO_MODEL)

        def load() -> Generator:
            from service.generators.transformers import TransformersGenerator

            return TransformersGenerator.from_settings(settings)

        return cls(load, settings.model)

    @classmethod
    def holding(cls, generator: Generator) -> GeneratorSlot:
        slot = cls(None, generator.version)
        slot.generator, slot.error = generator, None
        return slot

    def load(self) -> None:
        with self._lock:
            if self._tried:
                return
            self._tried = True
            try:
                self.generator = self._loader()  # type: ignore[misc]
            except Exception as exc:  # any failure to load means "no model", never a crash
                self.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                log.warning("rewrite model %s unavailable: %s", self.name, self.error)

    @property
    def available(self) -> bool:
        return self.generator is not None

    @property
    def version(self) -> str:
        return self.generator.version if self.generator else f"none ({self.name})"


__all__ = ["Generator", "GeneratorSlot"]
