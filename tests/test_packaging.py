"""The packaging recipes agree with the program: the icons at every size (and the Windows and
macOS icon files readable), the Linux desktop entry, the Inno Setup script's languages and
program names, and the first-paint check's verdicts."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from funnel_desktop.paths import APP_NAME
from funnel_desktop.ui.app import DESKTOP_ENTRY

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import app_icons  # noqa: E402
import check_first_paint  # noqa: E402


def sizes_in(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    out = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert image.width() == image.height()
        out.append(image.width())
    return out


def test_the_icons_at_every_size(tmp_path: Path, qapp: object) -> None:
    made = app_icons.write_all(tmp_path)
    for size in app_icons.SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "funnel-desktop.png"
        assert sizes_in(png) == [size]
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "funnel-desktop.svg").is_file()
    assert sizes_in(made["ico"]) == list(app_icons.ICO_SIZES)
    assert sorted(set(sizes_in(made["icns"]))) == [16, 32, 64, 128, 256, 512, 1024]


def test_the_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    path = ROOT / "packaging" / "linux" / f"{DESKTOP_ENTRY}.desktop"
    entry.read(path, encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Terminal"] == "false"
    assert e["Icon"] == app_icons.NAME
    assert e["StartupWMClass"] == APP_NAME  # the bundle's window class on X11
    assert e["Name[zh_CN]"] == "销售漏斗管家"
    script = (ROOT / "packaging" / "linux" / "install-desktop-entry.sh").read_text("utf-8")
    assert "FunnelDesktop" in script and "--remove" in script


def test_the_windows_installer_speaks_both_languages() -> None:
    raw = (ROOT / "packaging" / "windows" / "funnel-desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup reads UTF-8 only with its BOM
    text = raw.decode("utf-8-sig")
    assert 'MessagesFile: "compiler:Default.isl"' in text
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in text
    assert "chinesesimplified.AppName=销售漏斗管家" in text
    spec = (ROOT / "packaging" / "funnel-desktop.spec").read_text(encoding="utf-8")
    assert 'NAME = "FunnelDesktop"' in spec and 'name="funnel-desktop", console=True' in spec
    assert "{app}\\FunnelDesktop.exe" in text and "{app}\\funnel-desktop.exe" in text


GOOD = {"language": "zh", "file_menu": "文件(&F)", "style_sheet_is_ours": True,
        "style_sheet_chars": 10000, "frozen": False}


@pytest.mark.parametrize(("change", "complaint"), [
    ({}, None),
    ({"language": "en", "file_menu": "&File"}, "not in Chinese"),
    ({"style_sheet_is_ours": False, "style_sheet_chars": 0}, "style sheet was not loaded"),
    ({"package": str(ROOT / "funnel_desktop")}, "came from the checkout"),
])
def test_the_first_paint_check(change: dict, complaint: str | None, tmp_path: Path) -> None:
    picture = tmp_path / "p.png"
    picture.write_bytes(b"png")
    report = {**GOOD, "package": str(tmp_path / "venv" / "funnel_desktop"),
              "picture": str(picture), **change}
    found = check_first_paint.problems(report, None, frozen=False)
    if complaint is None:
        assert found == []
    else:
        assert len(found) == 1 and complaint in found[0]
    assert any("not the frozen bundle" in p
               for p in check_first_paint.problems(report, None, frozen=True))


def test_the_app_reports_its_first_paint(tmp_path: Path) -> None:
    """What the install checks read: the app paints, writes what it used, and quits."""
    import json
    import os
    import subprocess

    db = tmp_path / "demo.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FUNNEL_FIRST_PAINT_REPORT": str(tmp_path / "paint.json")}
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db),
                           "--deals", "20"], env=env, capture_output=True, timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "zh", "--db",
                           str(db)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "paint.json").read_text(encoding="utf-8"))
    assert report["package"] == str(ROOT / "funnel_desktop") and not report["frozen"]
    assert report["style_sheet_is_ours"] and report["file_menu"] == "文件(&F)"
    assert QImageReader(report["picture"]).size().width() > 600  # a picture of the window
    assert check_first_paint.problems(report, None, frozen=False) == [
        f"the package came from the checkout ({ROOT / 'funnel_desktop'}), not the "
        "installation"]
