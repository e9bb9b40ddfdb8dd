"""The layers of ARCHITECTURE.md: core/, store/ and services/ import no PySide6; ui/ and
report/ read through the store's query functions and import no peewee themselves."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "funnel_desktop"

#: What ui/ and report/ must not import: the ORM, and the models (or any name from them).
FORBIDDEN = ("peewee", "playhouse", "funnel_desktop.store.models")

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

#: Imports every module of ui/ and report/, then looks at what each module holds: no peewee
#: module, model class, query, field, database or peewee function may be among its names,
#: nor a store function declared to return a model or a query.
UI_SCRIPT = """
import importlib, inspect, pkgutil, re, sys
import funnel_desktop.report, funnel_desktop.ui
from funnel_desktop.store.models import SCHEMA_MODELS
forbidden = tuple(sys.argv[1].split(","))
models = {m.__name__ for m in SCHEMA_MODELS} | {"BaseModel", "Versioned"}

def orm(name):
    return any(name == f or name.startswith(f + ".") for f in forbidden)

def hands_out_orm(function):
    returns = str(getattr(function, "__annotations__", {}).get("return", ""))
    return any(orm(t) or t in models for t in re.findall(r"[A-Za-z_][\\w.]*", returns))

names, bad = [], []
for pkg in (funnel_desktop.ui, funnel_desktop.report):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        module = importlib.import_module(info.name)
        names.append(info.name)
        for key, value in vars(module).items():
            if inspect.ismodule(value):
                where = value.__name__
            elif inspect.isclass(value) or inspect.isfunction(value):
                where = value.__module__ or ""
            else:
                where = type(value).__module__ or ""
            if orm(where):
                bad.append(f"{info.name}.{key} ({where})")
            elif where.startswith("funnel_desktop.store") and inspect.isfunction(value) \\
                    and hands_out_orm(value):
                bad.append(f"{info.name}.{key} returns a model or query")
assert not bad, bad
assert "peewee" in sys.modules  # the store below did import it: the check saw real modules
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the source of ``module``, at the top
    or inside a function; ``from x import y`` gives both ``x`` and ``x.y`` (y may be a
    module)."""
    package = module if is_package else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            out.append((node.lineno, source))
            out += [(node.lineno, f"{source}.{alias.name}") for alias in node.names]
    return out


def _ui_and_report_files() -> list[Path]:
    return sorted([*(PACKAGE / "ui").rglob("*.py"), *(PACKAGE / "report").rglob("*.py")])


def test_ui_and_report_import_no_peewee_nor_models():
    """Statically: no module of ui/ or report/ imports peewee, playhouse or the store's
    models (nor a name from them), at the top or inside a function."""
    files = _ui_and_report_files()
    assert len(files) >= 60  # the walk found the rooms
    bad = [f"{path.relative_to(PACKAGE.parent)}:{line}: {name}"
           for path in files
           for line, name in _imported(path.read_text(encoding="utf-8"), _module_name(path),
                                       path.name == "__init__.py")
           if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]
    assert not bad, "ui/ and report/ read through store query functions:\n" + "\n".join(bad)


def test_the_static_check_resolves_relative_and_nested_imports():
    """The check itself: relative imports resolve against the module's package (or the
    package itself for an ``__init__``), imports inside functions count, and ``from x import
    y`` is seen as importing ``x.y``."""
    source = ("from ...store.models import Deal\n"
              "from ...store import models, queries\n"
              "from .. import app\n"
              "def f():\n    import peewee.fn\n    from playhouse import db_url\n")
    seen = {name for _line, name in _imported(source, "funnel_desktop.ui.deals.deal_editor")}
    assert {"funnel_desktop.store.models", "funnel_desktop.store.models.Deal",
            "funnel_desktop.store.queries", "funnel_desktop.ui.app", "peewee.fn",
            "playhouse"} <= seen
    inside = {name for _line, name in _imported("from . import board\n", "funnel_desktop.ui",
                                                 is_package=True)}
    assert "funnel_desktop.ui.board" in inside


def test_ui_and_report_modules_hold_no_peewee_objects():
    """At run time: every module of ui/ and report/ imports, and none holds a peewee module,
    model, query, field or database among its names (the store below them does)."""
    done = subprocess.run([sys.executable, "-c", UI_SCRIPT, ",".join(FORBIDDEN)],
                          capture_output=True, text=True, timeout=120, env=_offscreen())
    assert done.returncode == 0, done.stderr
    count, *names = done.stdout.split()
    for expected in ("funnel_desktop.ui.deals.deal_editor", "funnel_desktop.ui.main_window",
                     "funnel_desktop.ui.customers.customer_form", "funnel_desktop.report.dialog"):
        assert expected in names
    assert int(count) == len(names) >= 60


def _offscreen() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
