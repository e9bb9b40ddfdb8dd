"""Check that an installed Funnel Desktop — a wheel in a virtual environment, or the desktop
bundle — paints its first window in Chinese with its own style sheet, from its own files.

    python tools/check_first_paint.py --expect-under VENV -- VENV/bin/funnel-desktop
    python tools/check_first_paint.py --frozen -- dist/FunnelDesktop/FunnelDesktop

It makes a demo database with the program's own ``demo`` command (in Chinese), starts the
program on it offscreen with ``FUNNEL_FIRST_PAINT_REPORT`` (the app writes what its first
paint used, then quits: funnel_desktop/ui/app.py) and exits non-zero, saying why, unless the
style sheet and the translation were loaded and the package's files came from where the
program was installed (not from this checkout)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def problems(report: dict, expect_under: Path | None, frozen: bool) -> list[str]:
    """What is wrong with a first paint's report (empty when all is well)."""
    out = []
    if report.get("language") != "zh" or report.get("file_menu") != "文件(&F)":
        out.append(f"not in Chinese: language {report.get('language')!r}, the File menu "
                   f"{report.get('file_menu')!r}")
    if not report.get("style_sheet_is_ours") or report.get("style_sheet_chars", 0) < 1000:
        out.append(f"the style sheet was not loaded ({report.get('style_sheet_chars')} "
                   "characters)")
    package = Path(report.get("package", ""))
    if package.resolve().is_relative_to(ROOT) and not frozen:
        out.append(f"the package came from the checkout ({package}), not the installation")
    if expect_under is not None and not package.resolve().is_relative_to(expect_under.resolve()):
        out.append(f"the package came from {package}, not from under {expect_under}")
    if frozen and not report.get("frozen"):
        out.append("the program that painted was not the frozen bundle")
    if not Path(report.get("picture", "")).is_file():
        out.append("no picture of the window was written")
    return out


def run(command: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=tempfile.gettempdir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--expect-under", type=Path,
                        help="the package must be loaded from under this folder")
    parser.add_argument("--frozen", action="store_true",
                        help="the program is the PyInstaller bundle")
    parser.add_argument("--keep", type=Path, help="keep the report and picture in this folder")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("command", nargs="+", help="the program to start (after --)")
    args = parser.parse_args(argv)
    if Path(args.command[0]).exists():  # it runs from the temporary folder
        args.command[0] = str(Path(args.command[0]).resolve())
    with tempfile.TemporaryDirectory(prefix="funnel-paint-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env.update(QT_QPA_PLATFORM="offscreen", FUNNEL_DESKTOP_HOME=str(Path(tmp) / "home"),
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        db = Path(tmp) / "demo.sqlite"
        made = run([*args.command, "--lang", "zh", "demo", "--db", str(db), "--deals", "40"],
                   env, args.timeout)
        if made.returncode != 0 or not db.is_file():
            print(f"check_first_paint: the demo command failed ({made.returncode}):\n"
                  f"{made.stdout}{made.stderr}", file=sys.stderr)
            return 1
        if not any("\u4e00" <= c <= "\u9fff" for c in made.stdout):
            print(f"check_first_paint: the demo command did not speak Chinese:\n{made.stdout}",
                  file=sys.stderr)
            return 1
        report_file = folder / "first-paint.json"
        env["FUNNEL_FIRST_PAINT_REPORT"] = str(report_file)
        painted = run([*args.command, "--lang", "zh", "--db", str(db)], env, args.timeout)
        if painted.returncode != 0 or not report_file.is_file():
            print(f"check_first_paint: the app did not paint ({painted.returncode}):\n"
                  f"{painted.stdout}{painted.stderr}", file=sys.stderr)
            return 1
        report = json.loads(report_file.read_text(encoding="utf-8"))
        wrong = problems(report, args.expect_under, args.frozen)
        for line in wrong:
            print(f"check_first_paint: {line}", file=sys.stderr)
        if not wrong:
            print(f"check_first_paint: ok — {report['window_title']} painted in Chinese with "
                  f"its style sheet, from {report['package']}")
        return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
