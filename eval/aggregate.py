"""Means over clusters with seeded bootstrap intervals, and paired system comparisons.

rouge-score's BootstrapAggregator draws unseeded resamples, so its intervals move between
runs (ROUGE-1.5.5 seeds each resample itself, so its own are repeatable); every draw here
comes from `numpy.random.default_rng(seed)`, fresh per call, so a number does not depend on
what was computed before it.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import numpy as np


class Interval(msgspec.Struct, frozen=True):
    """The plain mean over clusters and a percentile bootstrap interval around it."""

    mean: float
    low: float
    high: float


class Comparison(msgspec.Struct, frozen=True):
    """System minus baseline, paired by cluster: bootstrap interval of the mean difference and
    the two-sided p-value of a sign-flip permutation test."""

    difference: Interval
    p_value: float


class Aggregator(msgspec.Struct, frozen=True):
    seed: int = 0
    samples: int = 1000
    confidence: float = 0.95

    def interval(self, values: Sequence[float]) -> Interval:
        data = np.asarray(values, dtype=float)
        if data.size == 0:
            raise ValueError("no values to aggregate")
        rng = np.random.default_rng(self.seed)
        means = data[rng.integers(0, data.size, size=(self.samples, data.size))].mean(axis=1)
        tail = (1 - self.confidence) / 2 * 100
        low, high = np.percentile(means, [tail, 100 - tail])
        return Interval(mean=float(data.mean()), low=float(low), high=float(high))

    def compare(self, system: Sequence[float], baseline: Sequence[float]) -> Comparison:
        differences = np.asarray(system, dtype=float) - np.asarray(baseline, dtype=float)
        rng = np.random.default_rng(self.seed)
        signs = rng.choice((-1.0, 1.0), size=(self.samples, differences.size))
        observed = abs(differences.mean())
        flipped = np.abs((signs * differences).mean(axis=1))
        # Counting the observed labelling among the permutations keeps p above zero.
        p_value = (1 + int(np.sum(flipped >= observed - 1e-12))) / (self.samples + 1)
        return Comparison(difference=self.interval(differences), p_value=p_value)
