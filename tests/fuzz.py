"""Settings of the property-based fuzz suite (Hypothesis): deterministic in CI (the same
examples every run, nothing stored on disk), ``FUNNEL_FUZZ=N`` for N times the examples
drawn at random (a deeper search by hand)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis keeps a cache of constants even without an example database: not in the checkout
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "funnel-hypothesis"))

_SCALE = int(os.environ.get("FUNNEL_FUZZ", "0") or 0)


def fuzz(examples: int) -> settings:
    """Settings for a property: ``examples`` examples (×``FUNNEL_FUZZ``), no deadline (CI
    machines are slow and shared), no example database (no stray .hypothesis folder)."""
    return settings(max_examples=examples * max(_SCALE, 1), deadline=None, database=None,
                    derandomize=not _SCALE, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


def assert_message(err: Exception) -> None:
    """``err`` is one of the project's errors with a whole, safe message."""
    import re

    from funnel_desktop.core.errors import MESSAGES, FunnelError

    assert isinstance(err, FunnelError), repr(err)
    assert err.code in MESSAGES, err.code
    needed = set(re.findall(r"(?<!\{)\{(\w+)\}", MESSAGES[err.code]))
    assert needed <= set(err.params), (err.code, needed, err.params)
    text = err.english()
    assert text
    assert not any(c in text for c in "\x00\x1b\x07\x9b\u202e\ud800"), text
    assert len(text) < 1500, len(text)
