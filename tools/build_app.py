"""Build the desktop bundle: a one-folder app in ``dist/FunnelDesktop/`` made by PyInstaller
(``packaging/funnel-desktop.spec``), whose executable opens the app and runs every
sub-command (``FunnelDesktop --lang zh demo --db shop.sqlite``).

    python -m pip install -e ".[build]"      # PyInstaller, pinned
    python tools/build_app.py                # → dist/FunnelDesktop/ (and .app on macOS)

It draws the icons first (tools/app_icons.py, from the app's SVG); on Linux it adds the
desktop entry and the icons in the freedesktop layout under ``share/`` with
``install-desktop-entry.sh``, which puts the app into the user's applications menu. The
Windows installer is made from the folder by Inno Setup (``packaging/windows``), the macOS
disk image from the ``.app`` (``.github/workflows/build.yml``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "funnel-desktop.spec"
LINUX = ROOT / "packaging" / "linux"
NAME = "FunnelDesktop"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def linux_extras(bundle: Path, icons: Path) -> None:
    """The desktop entry, the icons and the script that installs them, inside the bundle."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / "funnel-desktop.desktop", share / "applications")
    target = share / "icons" / "hicolor"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(icons / "hicolor", target)
    script = bundle / "install-desktop-entry.sh"
    shutil.copy2(LINUX / "install-desktop-entry.sh", script)
    script.chmod(0o755)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "app",
                        help="PyInstaller's working folder (default: build/app/)")
    parser.add_argument("--clean", action="store_true",
                        help="start PyInstaller's cache afresh")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('build_app: PyInstaller is not installed: python -m pip install -e ".[build]"',
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from funnel_desktop import package_files

    package_files.check()  # a bundle without its translation or style sheet is no bundle
    started = time.perf_counter()
    icons = args.work / "icons"
    sys.path.insert(0, str(ROOT / "tools"))
    import app_icons

    app_icons.write_all(icons)
    drawn = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(args.dist), "--workpath", str(args.work / "pyinstaller"),
               str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    env = dict(os.environ, FUNNEL_ICONS=str(icons))
    env.pop("PYTHONPATH", None)
    done = subprocess.run(command, env=env, cwd=ROOT)
    if done.returncode != 0:
        print(f"build_app: PyInstaller failed ({done.returncode})", file=sys.stderr)
        return done.returncode
    bundle = args.dist / NAME
    if sys.platform.startswith("linux"):
        linux_extras(bundle, icons)
    took = time.perf_counter() - started
    print(f"build_app: {bundle} ({folder_size(bundle) / 1e6:.0f} MB) in {took:.0f} s "
          f"(icons {drawn - started:.1f} s)")
    if sys.platform == "darwin":
        print(f"build_app: {args.dist / (NAME + '.app')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
