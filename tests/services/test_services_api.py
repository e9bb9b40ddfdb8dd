"""The other services modules write through services/api.py's public names only."""

from __future__ import annotations

import ast
from pathlib import Path

import funnel_desktop.services

SERVICES = Path(funnel_desktop.services.__file__).resolve().parent


def _private_uses(path: Path) -> list[str]:
    """Underscored names a module imports from ``.api`` or reads off another object (not
    ``self``/``cls``; dunders and ``_meta``, peewee's model options, are not private here)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module == "api":
            out += [f"import {a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not (
                node.attr.startswith("__") or node.attr == "_meta"):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                out.append(f"line {node.lineno}: .{node.attr}")
    return out


def test_services_modules_use_only_the_public_api():
    modules = [p for p in sorted(SERVICES.glob("*.py")) if p.name not in ("api.py",)]
    assert {p.name for p in modules} >= {"pipelines.py", "importing.py", "demo.py"}
    found = {p.name: uses for p in modules if (uses := _private_uses(p))}
    assert not found, found
