"""Pipeline stages: each one a small module with one job over the shared `Cluster`."""

from __future__ import annotations

from typing import Protocol

from service.cluster import Cluster


class Stage(Protocol):
    name: str

    def __call__(self, cluster: Cluster) -> Cluster: ...
