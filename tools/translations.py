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

A text with ``%n`` (or ``%Ln``, the count in the locale's digits) is counted (Qt's numerus
forms): it is called with the count (``self.tr("%n row(s)", "", n)``, or
``translate(ctx, "%n row(s)", None, n)`` with a plain name, the only form lupdate reads) and
Qt picks the form for it. Chinese has one form (a string in the dictionary); English, the
source language, has two, kept in ``resources/translations/en.json`` as
``["%n row", "%n rows"]`` and compiled into ``funnel_en.qm``, which holds nothing but those
forms.
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
#: English plural forms of the counted (``%n``) texts.
EN_TS = FOLDER / "funnel_en.ts"
EN_QM = FOLDER / "funnel_en.qm"
EN_DICTIONARY = FOLDER / "en.json"
#: Numerus forms per language (Qt's plural rules: Chinese one, English singular and plural).
FORMS = {"zh_CN": 1, "en": 2}

PLACEHOLDER = re.compile(r"%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")
COUNTED = re.compile(r"%L?n")
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
    #: counted texts without their English singular and plural (en.json)
    missing_plurals: list[Key] = field(default_factory=list)
    unused_plurals: list[Key] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.bad or self.invisible or self.stale
                    or self.missing_plurals)

    def summary(self) -> str:
        lines = [f"{len(self.messages)} messages, {len(self.messages) - len(self.missing)} "
                 f"translated, {len(self.missing)} missing"]
        for ctx, src in self.missing:
            lines.append(f"  missing  [{ctx}] {src!r}")
        for ctx, src in self.missing_plurals:
            lines.append(f"  no English plural  [{ctx}] {src!r}")
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


def extract(ts: Path, files: Iterable[Path] | None = None, language: str = LANGUAGE) -> None:
    """Run lupdate over ``files`` (default: every .py of the package) into a new ``ts``."""
    files = list(files if files is not None else sources())
    ts.parent.mkdir(parents=True, exist_ok=True)
    if ts.exists():
        ts.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        subprocess.run([_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en", "-target-language", language,
                        f"@{listing}", "-ts", str(ts)], check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with lrelease (finished translations only)."""
    subprocess.run([_qt_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True)


# -- the dictionary ------------------------------------------------------------------------
Entries = dict[str, dict[str, "str | list[str]"]]


def load_dictionary(path: Path = DICTIONARY) -> Entries:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {ctx: dict(entries) for ctx, entries in data.items()}


def save_dictionary(data: Entries, path: Path = DICTIONARY) -> None:
    ordered = {ctx: dict(sorted(data[ctx].items())) for ctx in sorted(data) if data[ctx]}
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def forms_of(text: str | list[str]) -> list[str]:
    """A dictionary entry as its numerus forms (a plain string is the one form)."""
    return [text] if isinstance(text, str) else list(text)


def problems_of(ctx: str, source: str, text: str | list[str]) -> list[str]:
    """Placeholders and mnemonics a translation must keep (in each form of a counted text;
    a form may leave out the count itself, as "one row" does)."""
    if not isinstance(text, str):
        return [p for form in text for p in problems_of(ctx, source, form)]
    out = []
    if COUNTED.search(source):
        source, text = COUNTED.sub("", source), COUNTED.sub("", text)
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
        out.append(f"[{ctx}] {source!r}: placeholders differ in {text!r}")
    if MNEMONIC.search(source.replace("&&", "")) and \
            len(MNEMONIC.findall(text.replace("&&", ""))) != 1:
        out.append(f"[{ctx}] {source!r}: needs one mnemonic (&X) in {text!r}")
    return out


# -- filling the .ts -----------------------------------------------------------------------
def fill(ts: Path, dictionary: Entries, *, language: str = LANGUAGE,
         counted_only: bool = False) -> Result:
    """Put the dictionary's translations into ``ts`` (finished), leave the rest unfinished.
    A counted (``%n``) text becomes a numerus message with the language's number of forms;
    with ``counted_only`` (English) the other texts are no one's concern and stay empty."""
    tree = ET.parse(ts)
    result = Result()
    used: set[Key] = set()
    forms = FORMS.get(language, 1)
    root = tree.getroot()
    for context in list(root.iter("context")):
        ctx = context.findtext("name") or ""
        for message in list(context.iter("message")):
            for comment in message.findall("extracomment"):
                message.remove(comment)  # ``#:`` attribute docs, not notes for translators
            source = message.findtext("source") or ""
            key = (ctx, source)
            counted = bool(COUNTED.search(source))
            if counted_only and not counted:
                context.remove(message)  # the source is its own English
                continue
            result.messages.append(key)
            translation = message.find("translation")
            assert translation is not None
            entry = dictionary.get(ctx, {}).get(source, "")
            texts = forms_of(entry) if entry else []
            if counted:
                message.set("numerus", "yes")
                for old in list(translation):
                    translation.remove(old)
                translation.text = None
            complete = bool(texts) and all(texts) and (len(texts) == forms if counted
                                                      else len(texts) == 1)
            if texts:
                used.add(key)
            if complete:
                result.bad += problems_of(ctx, source, texts if counted else texts[0])
                if counted:
                    for text in texts:
                        ET.SubElement(translation, "numerusform").text = text
                else:
                    translation.text = texts[0]
                translation.attrib.pop("type", None)
            else:
                result.missing.append(key)
                if counted:
                    for _ in range(forms):
                        ET.SubElement(translation, "numerusform")
                else:
                    translation.text = None
                translation.set("type", "unfinished")
        if not context.findall("message"):
            root.remove(context)
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
                text, count_at = (node.args[0] if node.args else None), 2
            elif name == "translate" and receiver in ("", "QCoreApplication",
                                                      "QApplication"):
                seen = len(node.args) >= 2 and all(_is_text(a) for a in node.args[:2])
                text, count_at = (node.args[1] if len(node.args) > 1 else None), 3
            else:
                continue
            counted = (isinstance(text, ast.Constant) and isinstance(text.value, str)
                       and bool(COUNTED.search(text.value)))
            if counted and len(node.args) <= count_at and not any(
                    k.arg == "n" for k in node.keywords):
                seen = False  # a counted text without its count shows "%n"
            if name == "translate" and len(node.args) > count_at and not isinstance(
                    node.args[count_at], ast.Name):
                seen = False  # lupdate drops translate(ctx, text, None, <not a plain name>)
            if not seen or id(node) in in_fstring:
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                out.append(f"{where}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


# -- the whole build -----------------------------------------------------------------------
def build(ts: Path = TS, qm: Path = QM, dictionary: Path = DICTIONARY,
          files: Iterable[Path] | None = None, *, en_ts: Path | None = None,
          en_qm: Path | None = None, en_dictionary: Path = EN_DICTIONARY) -> Result:
    """Extract, fill and compile into ``ts`` and ``qm`` (and the English plural forms into
    ``en_ts`` and ``en_qm`` unless they are None)."""
    files = list(files if files is not None else sources())
    extract(ts, files)
    result = fill(ts, load_dictionary(dictionary))
    release(ts, qm)
    result.invisible = invisible_calls(files)
    if en_ts is not None and en_qm is not None:
        extract(en_ts, files, "en")
        plurals = fill(en_ts, load_dictionary(en_dictionary), language="en",
                       counted_only=True)
        release(en_ts, en_qm)
        result.missing_plurals = plurals.missing
        result.unused_plurals = plurals.unused
        result.bad += plurals.bad
    return result


def check(ts: Path = TS, qm: Path = QM, dictionary: Path = DICTIONARY) -> Result:
    """Build into a temporary folder and compare with the files on disk (which it leaves
    alone): stale when the .ts or .qm differ from what the source and dictionary give."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {there: Path(tmp) / there.name for there in (ts, qm, EN_TS, EN_QM)}
        result = build(fresh[ts], fresh[qm], dictionary, en_ts=fresh[EN_TS],
                       en_qm=fresh[EN_QM])
        for there, new in fresh.items():
            if not there.exists() or there.read_bytes() != new.read_bytes():
                result.stale.append(f"{there.name} is not up to date: run "
                                    "python tools/translations.py")
    return result


def missing_skeleton(result: Result) -> str:
    """The missing messages as JSON to fill in and merge into zh_CN.json (then, if any, the
    English plural forms to merge into en.json)."""
    out: dict[str, dict[str, str]] = {}
    for ctx, src in result.missing:
        out.setdefault(ctx, {})[src] = ""
    text = json.dumps(out, ensure_ascii=False, indent=2)
    plurals: dict[str, dict[str, list[str]]] = {}
    for ctx, src in result.missing_plurals:
        plurals.setdefault(ctx, {})[src] = ["", ""]
    if plurals:
        text += "\n// en.json (singular, plural):\n" + json.dumps(plurals, ensure_ascii=False,
                                                                  indent=2)
    return text


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
        plurals = load_dictionary(EN_DICTIONARY)
        for ctx, src in result.unused_plurals:
            del plurals[ctx][src]
        if plurals:
            save_dictionary(plurals, EN_DICTIONARY)
    result = build(en_ts=EN_TS, en_qm=EN_QM)
    print(result.summary())
    print(f"wrote {TS.relative_to(ROOT)}, {QM.relative_to(ROOT)} and the English plurals "
          f"{EN_QM.relative_to(ROOT)}")
    return 0 if not (result.bad or result.invisible) else 1


if __name__ == "__main__":
    sys.exit(main())
