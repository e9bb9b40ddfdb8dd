"""The benchmark: ``python -m funnel_desktop.bench [--sizes 1000,10000,100000] [--json F]``.

Builds (and caches) databases of N deals, then measures cold start, board load and memory,
drop-to-refreshed-repaint, the full metrics recompute beside raw SQL, the weekly report PDF
and import throughput. Speed is measured here, never by timed asserts in the tests.

Kept light on purpose: the cold-start child ``bench.bare_window`` imports this package.
"""

#: The goals of issue 9, at 10,000 open / 100,000 total deals.
TARGETS = {
    "drop_p95_ms": 16.0,
    "cold_start_ratio": 1.5,
    "metrics_ratio": 2.0,
    "report_pdf_s": 2.0,
    "import_rows_per_s": 20_000.0,
    "peak_rss_mb": 300.0,
    "stall_ms": 100.0,
    "stall_undo_ms": 100.0,
}
