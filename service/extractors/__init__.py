"""Extractors by name, so configuration picks one (`CHORUS_EXTRACTOR`, `Options.extractor`).

Imports are lazy: sumy pulls in NLTK, which the default coverage extractor does not need.
"""

from __future__ import annotations

from importlib import import_module

from service.extractors.base import Budget, Extractor

# name -> "module:factory"
EXTRACTORS: dict[str, str] = {
    "coverage": "service.extractors.coverage:CoverageExtractor",
    "lexrank": "service.extractors.lexrank:lexrank",
    "textrank": "service.extractors.textrank:textrank",
    "lsa": "service.extractors.lsa:lsa",
}


def check_extractor(name: str) -> None:
    """A ValueError naming the choices where `name` is no extractor."""
    if name not in EXTRACTORS:
        raise ValueError(f"unknown extractor {name!r}; choose one of {', '.join(EXTRACTORS)}")


def get_extractor(name: str) -> Extractor:
    check_extractor(name)
    module, factory = EXTRACTORS[name].split(":")
    return getattr(import_module(module), factory)()


__all__ = ["EXTRACTORS", "Budget", "Extractor", "check_extractor", "get_extractor"]
