"""The packaging recipes agree with the program: the icons at every size (and the Windows and
macOS icon files readable), the Linux desktop entry, the Inno Setup script's languages and
program names, and the first-paint check's verdicts."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImageReader

from funnel_desktop.paths import APP_NAME
from funnel_desktop.ui.app import DESKTOP_ENTRY

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import app_icons  # noqa: E402
import check_first_paint  # noqa: E402
import pins_installed  # noqa: E402


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


# --- the bundle's recipe (packaging/funnel-desktop.spec) and the scripts around it ---------

SPEC = ROOT / "packaging" / "funnel-desktop.spec"


def spec_names() -> dict[str, Any]:
    """The spec's module-level constants and its Qt-catalogue filter, without PyInstaller."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = [node for node in tree.body
              if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                  and node.targets[0].id in ("QT_UNUSED", "QT_CATALOGUES"))
              or (isinstance(node, ast.FunctionDef) and node.name == "is_other_qt_catalogue")]
    names: dict[str, Any] = {"Path": Path}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), str(SPEC), "exec"), names)
    (analysis,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Call)
                   and getattr(node.value.func, "id", "") == "Analysis"]
    (excludes,) = [k.value for k in analysis.keywords if k.arg == "excludes"]
    assert isinstance(excludes, ast.List)
    names["excludes"] = [
        *(e.value for e in excludes.elts if isinstance(e, ast.Constant)),
        *(m for e in excludes.elts if isinstance(e, ast.Starred)
          for m in names[e.value.id])]
    return names


#: Left out of the bundle though imported where they are installed: pyqtgraph tries QtTest
#: and does without it.
OPTIONAL = {"PySide6.QtTest"}


def test_the_bundle_leaves_out_nothing_the_app_imports() -> None:
    """Every module of the package imported (as the bundle's hidden imports take them all):
    none of the modules the spec excludes is among what they import, but the optional."""
    # the migrations are not modules of the bundle but files beside it (read from their folder)
    excluded = set(spec_names()["excludes"]) - {"funnel_desktop.store.migrations"}
    assert {"PySide6.QtNetwork", "numpy.f2py"} <= excluded
    assert not excluded & {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",  # pyqtgraph's
                           "PySide6.QtSvg", "PySide6.QtPrintSupport"}  # the app's
    program = """if True:
        import importlib, pkgutil, sys
        import funnel_desktop
        for m in pkgutil.walk_packages(funnel_desktop.__path__, "funnel_desktop."):
            if ".migrations" not in m.name and not m.name.endswith("__main__"):
                importlib.import_module(m.name)
        print("\\n".join(sys.modules))"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT),
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    imported = set(done.stdout.split())
    hit = {m for m in imported for x in excluded if m == x or m.startswith(x + ".")}
    assert hit <= OPTIONAL


def test_the_bundle_keeps_the_qt_catalogue_the_app_loads(monkeypatch: pytest.MonkeyPatch,
                                                         qapp: object) -> None:
    from PySide6.QtCore import QTranslator

    from funnel_desktop import i18n

    asked: list[str] = []

    class Recording(QTranslator):
        def load(self, name: str, folder: str = "", *more: Any) -> bool:  # type: ignore[override]
            if folder:  # one of Qt's, by name in Qt's folder (ours are loaded by path)
                asked.append(f"{name}.qm")
            return super().load(name, folder, *more) if folder else super().load(name)

    monkeypatch.setattr(i18n, "QTranslator", Recording)
    i18n.load_translators("zh")
    i18n.load_translators("en")
    names = spec_names()
    assert set(asked) == names["QT_CATALOGUES"]
    keep = names["is_other_qt_catalogue"]
    assert not keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert not keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not keep("funnel_desktop/resources/translations/funnel_zh_CN.qm")


def test_the_scripts_parse() -> None:
    for script in (ROOT / ".ci" / "run", ROOT / "tools" / "ci_install_checks.sh",
                   ROOT / "packaging" / "linux" / "install-desktop-entry.sh"):
        done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, (script, done.stderr)


def test_ci_runs_the_install_checks_beside_the_tests_and_waits_for_them() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    started = run.index("tools/ci_install_checks.sh >")
    assert run.index("python -m pytest -q") > started  # in the background, before the tests
    assert run.index('wait "$install_checks"') > run.index("mypy funnel_desktop")
    assert 'exit "$status"' in run  # its failure fails the run


def test_the_pins_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import version

    here = f"pytest=={version('pytest')}"
    assert pins_installed.main([here]) == 0
    assert pins_installed.main([here, "pytest==0.0.1"]) == 1
    assert pins_installed.main(["no-such-package-here==1.0"]) == 1
    assert pins_installed.main([]) == 1
    with pytest.raises(ValueError, match="not an exact pin"):
        pins_installed.installed("pytest>=1")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_desktop_entry_is_valid_as_shipped_and_as_installed(tmp_path: Path) -> None:
    """desktop-file-validate on the entry, and on what install-desktop-entry.sh makes of it for
    a bundle unpacked into a folder with a space in its name; --remove takes it all out."""
    linux = ROOT / "packaging" / "linux"
    entry = linux / f"{DESKTOP_ENTRY}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                             text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    bundle = tmp_path / "My Apps" / "FunnelDesktop"
    (bundle / "share" / "applications").mkdir(parents=True)
    shutil.copy2(entry, bundle / "share" / "applications")
    app_icons.write_all(tmp_path / "icons")
    shutil.copytree(tmp_path / "icons" / "hicolor", bundle / "share" / "icons" / "hicolor")
    (bundle / "FunnelDesktop").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "FunnelDesktop").chmod(0o755)
    shutil.copy2(linux / "install-desktop-entry.sh", bundle)
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    done = subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    installed = home / "data" / "applications" / f"{DESKTOP_ENTRY}.desktop"
    assert f'Exec="{bundle}/FunnelDesktop"' in installed.read_text(encoding="utf-8")
    checked = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True,
                             text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    assert (home / ".local" / "bin" / "funnel-desktop").resolve() == bundle / "FunnelDesktop"
    assert list((home / "data" / "icons").rglob("funnel-desktop.png"))
    removed = subprocess.run(["sh", str(bundle / "install-desktop-entry.sh"), "--remove"],
                             env=env, capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists() and not (home / ".local" / "bin" / "funnel-desktop").exists()
    assert not list((home / "data" / "icons").rglob("funnel-desktop.*"))


def test_a_release_carries_what_each_build_packs() -> None:
    """The release job uploads the files the pack steps write (under dist/ in each build's
    artifact, whose root is the common folder of dist/ and first-paint/)."""
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    for packed in ("*.tar.gz", "*-setup.exe", "*.dmg"):
        assert f"            dist/{packed}\n" in workflow  # uploaded by each build
        assert f"builds/dist/{packed}" in workflow  # released
    assert "first-paint/" in workflow and "startsWith(github.ref, 'refs/tags/v')" in workflow
