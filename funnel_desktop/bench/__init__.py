"""The benchmark: ``python -m funnel_desktop.bench [--sizes 1000,10000,100000] [--json F]``.

Builds (and caches) databases of N deals, then measures cold start, board load and memory,
drop-to-refreshed-repaint, the full metrics recompute beside raw SQL, the weekly report PDF
and import throughput. Speed is measured here, never by timed asserts in the tests.

Kept light on purpose: the cold-start child ``bench.bare_window`` imports this package.
"""

#: The goals of issue 19, at 10,000 open / 100,000 total deals on a 2-core machine: each judged
#: on the median of the runs (the table shows min / median / max).
TARGETS = {
    "drop_p95_ms": 8.0,
    "drop_cold_p95_ms": 8.0,
    "analytics_max_s": 1.0,
    "analytics_peak_rss_mb": 250.0,
    "peak_rss_mb": 250.0,
    "cold_start_ratio": 3.0,
    "metrics_ratio": 1.3,
    "report_s": 1.0,
    "import_rows_per_s": 50_000.0,
    "import_undo_s": 2.0,
    "stall_ms": 100.0,
    "stall_undo_ms": 100.0,
}
