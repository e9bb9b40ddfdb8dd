"""Build the Simplified Chinese translation from the source and a hand-written dictionary.

    python tools/translations.py            # write funnel_zh_CN.ts and funnel_zh_CN.qm
    python tools/translations.py --check    # exit 1 if anything is missing or out of date
    python tools/translations.py --missing  # the missing messages as a JSON skeleton
    python tools/translations.py --prune    # also drop dictionary entries no source uses

``pyside6-lupdate`` extracts every ``tr("…")`` / ``translate("Context", "…")`` of the .py files
under funnel_desktop/ into a fresh .ts (no obsolete entries, no line numbers, so the file only
changes when a text does); each message takes its translation from
``funnel_desktop/resources/translations/zh_CN.json``
(``{"Context": {"English source": "中文", …}, …}``) and is marked finished;
``pyside6-lrelease`` compiles the .qm the app loads (funnel_desktop/i18n.py).

A translation must keep the source's placeholders (``%1``, ``{name}``) and, when the source has
a mnemonic (``&File``), have exactly one (``文件(&F)``). Calls lupdate cannot see (a context or
text that is not a string literal, ``tr`` on another object, a call inside an f-string) are
reported too: their texts would never be translated.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "funnel_desktop"
FOLDER = PACKAGE / "resources" / "translations"
TS = FOLDER / "funnel_zh_CN.ts"
QM = FOLDER / "funnel_zh_CN.qm"
DICTIONARY = FOLDER / "zh_CN.json"
LANGUAGE = "zh_CN"

PLACEHOLDER = re.compile(r"%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")
MNEMONIC = re.compile(r"&(?!&)(\S)")

Key = tuple[str, str]  # (context, source)


@dataclass
class Result:
    """What a build found: every message, the ones without a translation, translations that
    break a placeholder or mnemonic, dictionary entries no source uses, and invisible calls."""

    messages: list[Key] = field(default_factory=list)
    missing: list[Key] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    unused: list[Key] = field(default_factory=list)
    invisible: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.bad or self.invisible or self.stale)

    def summary(self) -> str:
        lines = [f"{len(self.messages)} messages, {len(self.messages) - len(self.missing)} "
                 f"translated, {len(self.missing)} missing"]
        for ctx, src in self.missing:
            lines.append(f"  missing  [{ctx}] {src!r}")
        lines += [f"  bad      {b}" for b in self.bad]
        lines += [f"  unseen   {i}" for i in self.invisible]
        lines += [f"  stale    {s}" for s in self.stale]
        if self.unused:
            lines.append(f"  {len(self.unused)} dictionary entries are not used by the source "
                         "(--prune drops them)")
        return "\n".join(lines)


# -- tools ---------------------------------------------------------------------------------
def _qt_tool(name: str) -> str:
    """The path of Qt's lupdate or lrelease as shipped inside the PySide6 wheel."""
    try:
        import PySide6

        exe = Path(PySide6.__file__).resolve().parent / name
        if exe.exists():
            return str(exe)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"cannot find {name} (is PySide6 installed?)")
    return found


def sources(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def extract(ts: Path, files: Iterable[Path] | None = None) -> None:
    """Run lupdate over ``files`` (default: every .py of the package) into a new ``ts``."""
    files = list(files if files is not None else sources())
    ts.parent.mkdir(parents=True, exist_ok=True)
    if ts.exists():
        ts.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        subprocess.run([_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en", "-target-language", LANGUAGE,
                        f"@{listing}", "-ts", str(ts)], check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with lrelease."""
    subprocess.run([_qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


# -- the dictionary ------------------------------------------------------------------------
def load_dictionary(path: Path = DICTIONARY) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {ctx: dict(entries) for ctx, entries in data.items()}


def save_dictionary(data: dict[str, dict[str, str]], path: Path = DICTIONARY) -> None:
    ordered = {ctx: dict(sorted(data[ctx].items())) for ctx in sorted(data) if data[ctx]}
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def problems_of(ctx: str, source: str, text: str) -> list[str]:
    """Placeholders and mnemonics a translation must keep."""
    out = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        out.append(f"[{ctx}] {source!r}: placeholders differ in {text!r}")
    if MNEMONIC.search(source.replace("&&", "")) and \
            len(MNEMONIC.findall(text.replace("&&", ""))) != 1:
        out.append(f"[{ctx}] {source!r}: needs one mnemonic (&X) in {text!r}")
    return out


# -- filling the .ts -----------------------------------------------------------------------
def fill(ts: Path, dictionary: dict[str, dict[str, str]]) -> Result:
    """Put the dictionary's translations into ``ts`` (finished), leave the rest unfinished."""
    tree = ET.parse(ts)
    result = Result()
    used: set[Key] = set()
    for context in tree.getroot().iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            for comment in message.findall("extracomment"):
                message.remove(comment)  # ``#:`` attribute docs, not notes for translators
            source = message.findtext("source") or ""
            key = (ctx, source)
            result.messages.append(key)
            translation = message.find("translation")
            assert translation is not None
            text = dictionary.get(ctx, {}).get(source, "")
            if text:
                used.add(key)
                result.bad += problems_of(ctx, source, text)
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                result.missing.append(key)
                translation.text = None
                translation.set("type", "unfinished")
    result.unused = sorted((ctx, src) for ctx, entries in dictionary.items()
                           for src in entries if (ctx, src) not in used)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return result


# -- calls lupdate cannot see -----------------------------------------------------------------
def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def invisible_calls(files: Iterable[Path] | None = None) -> list[str]:
    """``tr``/``translate`` calls whose context or text is not a literal lupdate can read."""
    out = []
    for path in files if files is not None else sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        in_fstring: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                in_fstring.update(id(n) for n in ast.walk(node))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            receiver = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
            if name == "tr":
                seen = receiver == "self" and node.args and _is_text(node.args[0])
            elif name == "translate" and receiver in ("", "QCoreApplication",
                                                      "QApplication"):
                seen = len(node.args) >= 2 and all(_is_text(a) for a in node.args[:2])
            else:
                continue
            if not seen or id(node) in in_fstring:
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                out.append(f"{where}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


# -- the whole build -----------------------------------------------------------------------
def build(ts: Path = TS, qm: Path = QM, dictionary: Path = DICTIONARY,
          files: Iterable[Path] | None = None) -> Result:
    """Extract, fill and compile into ``ts`` and ``qm``."""
    files = list(files if files is not None else sources())
    extract(ts, files)
    result = fill(ts, load_dictionary(dictionary))
    release(ts, qm)
    result.invisible = invisible_calls(files)
    return result


def check(ts: Path = TS, qm: Path = QM, dictionary: Path = DICTIONARY) -> Result:
    """Build into a temporary folder and compare with the files on disk (which it leaves
    alone): stale when the .ts or .qm differ from what the source and dictionary give."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
        result = build(fresh_ts, fresh_qm, dictionary)
        for fresh, there in ((fresh_ts, ts), (fresh_qm, qm)):
            if not there.exists() or there.read_bytes() != fresh.read_bytes():
                result.stale.append(f"{there.name} is not up to date: run "
                                    "python tools/translations.py")
    return result


def missing_skeleton(result: Result) -> str:
    """The missing messages as JSON to fill in and merge into zh_CN.json."""
    out: dict[str, dict[str, str]] = {}
    for ctx, src in result.missing:
        out.setdefault(ctx, {})[src] = ""
    return json.dumps(out, ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 if a message is missing or a file is stale")
    mode.add_argument("--missing", action="store_true",
                      help="print the missing messages as a JSON skeleton")
    parser.add_argument("--prune", action="store_true",
                        help="drop dictionary entries that no source text uses")
    args = parser.parse_args(argv)
    if args.check or args.missing:
        result = check()
        if args.missing:
            print(missing_skeleton(result))
            return 0
        print(result.summary())
        return 0 if result.ok else 1
    if args.prune:
        result = check()
        data = load_dictionary()
        for ctx, src in result.unused:
            del data[ctx][src]
        save_dictionary(data)
    result = build()
    print(result.summary())
    print(f"wrote {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 0 if not (result.bad or result.invisible) else 1


if __name__ == "__main__":
    sys.exit(main())
