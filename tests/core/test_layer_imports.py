"""core/, store/ and services/ import no PySide6 (ARCHITECTURE.md "Invariants")."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import funnel_desktop.core, funnel_desktop.store, funnel_desktop.services
names = []
for pkg in (funnel_desktop.core, funnel_desktop.store, funnel_desktop.services):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
assert not qt, qt
print(len(names))
print("\\n".join(names))
"""


def test_core_store_and_services_import_no_qt():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    count, *names = done.stdout.split()
    # the walk really imported the modules (not an empty walk)
    for expected in ("funnel_desktop.core.metrics", "funnel_desktop.core.planning",
                     "funnel_desktop.store.db", "funnel_desktop.store.queries",
                     "funnel_desktop.services.api", "funnel_desktop.services.demo"):
        assert expected in names
    assert int(count) == len(names) >= 20
