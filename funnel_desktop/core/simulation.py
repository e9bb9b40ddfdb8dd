"""How sure the forecast is: P10 / P50 / P90 of revenue per month by simulating open deals.

Each run lets every open deal win with its effective probability (its own, else its stage's)
and books its amount in its expected-close month; deals whose expected close date has passed
land in the current month, deals without a date in an ``undated`` bucket, deals beyond the
horizon in a ``later`` bucket. Over many runs the spread of the totals is the band: P10 (one
run in ten ends below it), P50 (the median) and P90. Deterministic for a fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .dates import add_months, month_key
from .errors import ValidationError
from .stats import weighted_minor
from .values import FunnelData, StageKind

#: Rule shown beside the band (English source; the UI translates).
RULE = ("Each of {runs} simulated runs lets every open deal win with its probability and books "
        "its amount in its expected-close month (overdue deals in the current month). P10, P50 "
        "and P90 are the 10th, 50th and 90th percentiles of the runs' revenue.")

DEFAULT_RUNS = 2000
MAX_RUNS = 100_000
LATER, UNDATED = "later", "undated"
_CHUNK_ELEMENTS = 1 << 22  # draws of one block (a random stream's unit; see simulate)
_MATMUL_ELEMENTS = 1 << 19  # wins multiplied at once (4 MB as float64)


@dataclass(frozen=True, slots=True)
class BandBucket:
    """One month (``YYYY-MM``), ``later``, ``undated`` or ``total``: deals landing in it, their
    expected (weighted) value and the simulated percentiles, in minor units."""

    key: str
    count: int
    weighted: int
    p10: int
    p50: int
    p90: int


@dataclass(frozen=True, slots=True)
class ForecastBand:
    """Months from the as-of month on (gaps filled), then ``later`` and ``undated`` if any
    deal lands there; ``total`` is the percentile of each run's total, not a sum of rows."""

    as_of: date
    runs: int
    seed: int
    buckets: list[BandBucket]
    total: BandBucket

    def bucket(self, key: str) -> BandBucket | None:
        for b in self.buckets:
            if b.key == key:
                return b
        return None


def simulate(amounts: np.ndarray, probabilities: np.ndarray, buckets: np.ndarray,
             n_buckets: int, *, runs: int = DEFAULT_RUNS, seed: int = 0) -> np.ndarray:
    """Revenue per run and bucket, shape (runs, n_buckets), float64 minor units (exact
    integers: sums stay far below 2**53).

    ``amounts`` minor units, ``probabilities`` in [0, 1], ``buckets`` the bucket index of each
    deal. A deal wins in a run when a uniform 16-bit draw falls below its probability (so a
    probability is resolved to 1/65,536; 0 never wins, 1 always does). Runs are drawn in
    blocks, read a few rows at a time, so memory stays near 8 MB whatever the size;
    ``np.random.default_rng(seed)`` makes it deterministic.
    """
    if not 1 <= runs <= MAX_RUNS:
        raise ValidationError("runs_invalid", "runs", value=str(runs), maximum=MAX_RUNS)
    n = len(amounts)
    out = np.zeros((runs, n_buckets), dtype=np.float64)
    if n == 0 or n_buckets == 0:
        return out
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 0.0, 1.0)
    won_amount = np.where(p > 0, amounts, 0.0)  # p = 0 never counts
    # win when draw <= limit, with limit = round(p × 65536) − 1 (p = 1 → 65535: always)
    limit = (np.clip(np.round(p * 65536), 1, 65536) - 1).astype(np.uint16)
    # the deals grouped by bucket: each run's bucket sums are sums over runs of columns
    # (each deal is in one bucket: no multiplying by the zeros of a deals × buckets layout)
    order = np.argsort(buckets, kind="stable")
    grouped = np.asarray(buckets)[order]
    firsts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    present = grouped[firsts]
    won_amount, limit = won_amount[order], limit[order]
    rng = np.random.default_rng(seed)
    block = max(1, _CHUNK_ELEMENTS // n)
    # A block's draws are read a few (an even number of) rows at a time: ``rng.bytes`` of
    # lengths that are multiples of 4 continue one stream, so the draws are the block's
    # bytes exactly; and 0/1 × whole amounts sum exactly in any grouping.
    rows = max(2, (_MATMUL_ELEMENTS // n) // 2 * 2)
    for start in range(0, runs, block):
        stop = min(runs, start + block)
        for i in range(start, stop, rows):
            j = min(stop, i + rows)
            draws = np.frombuffer(rng.bytes(2 * (j - i) * n), dtype=np.uint16)
            won = np.where(draws.reshape(j - i, n)[:, order] <= limit, won_amount, 0.0)
            out[i:j, present] = np.add.reduceat(won, firsts, axis=1)
    return out


def _percentiles(values: np.ndarray) -> tuple[int, int, int]:
    p10, p50, p90 = (round(float(v)) for v in np.percentile(values, [10, 50, 90]))
    return p10, p50, p90


def forecast_band(data: FunnelData, as_of: date, *, runs: int = DEFAULT_RUNS, seed: int = 0,
                  horizon_months: int = 24) -> ForecastBand:
    """The P10 / P50 / P90 band of revenue per month for the open deals of ``data``.

    Months run from ``as_of``'s month for at most ``horizon_months``; deals are taken in id
    order so the result does not depend on the order of ``data.deals``.
    """
    stage_p = {s.id: s.probability for s in data.stages if s.kind == StageKind.OPEN}
    first = as_of.year * 12 + as_of.month - 1
    rows = sorted(
        (d.id, d.amount, d.probability if d.probability is not None else p,
         -2 if d.expected_close is None
         else max(0, d.expected_close.year * 12 + d.expected_close.month - 1 - first))
        for d in data.deals if (p := stage_p.get(d.stage_id)) is not None)
    n = len(rows)
    amounts = np.fromiter((r[1] for r in rows), dtype=np.int64, count=n)
    probs = np.fromiter((r[2] for r in rows), dtype=np.int64, count=n)
    offsets = np.fromiter((r[3] for r in rows), dtype=np.int64, count=n)
    dated = offsets >= 0
    later = offsets >= horizon_months
    months_used = int(offsets[dated & ~later].max()) + 1 if (dated & ~later).any() else 0
    has_later, has_undated = bool(later.any()), bool((~dated).any())
    start = add_months(as_of, 0)
    keys = [month_key(add_months(start, i)) for i in range(months_used)]
    index = offsets.copy()
    if has_later:
        index[later] = len(keys)
        keys.append(LATER)
    if has_undated:
        index[~dated] = len(keys)
        keys.append(UNDATED)
    index = index.astype(np.intp)
    sims = simulate(amounts.astype(np.float64), probs / 100, index, len(keys), runs=runs,
                    seed=seed)
    counts = np.bincount(index, minlength=len(keys))
    weighted_acc = np.zeros(len(keys), dtype=np.int64)  # exact: Σ a × p fits in int64
    np.add.at(weighted_acc, index, amounts * probs)
    buckets = [BandBucket(key, int(counts[i]), weighted_minor(int(weighted_acc[i])),
                          *_percentiles(sims[:, i])) for i, key in enumerate(keys)]
    total = BandBucket("total", n, weighted_minor(int(weighted_acc.sum())),
                       *_percentiles(sims.sum(axis=1)))
    return ForecastBand(as_of, runs, seed, buckets, total)
