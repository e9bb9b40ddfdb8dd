"""The files the package ships: all there, carried by the wheel, and a missing one is an error
that names it (at the app's start and for a command in Chinese), never a silent fallback."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

from funnel_desktop import RESOURCES, package_files
from funnel_desktop.cli import main
from funnel_desktop.ui import app as ui_app

ROOT = Path(__file__).resolve().parents[1]


def test_the_resources_live_inside_the_package() -> None:
    assert RESOURCES == ROOT / "funnel_desktop" / "resources"
    assert package_files.missing() == []
    assert not (ROOT / "resources").exists()


def test_every_file_the_app_reads_is_listed_and_shipped() -> None:
    """The required list names every icon, style sheet and compiled translation there is, and
    pyproject's package data puts each of them into the wheel."""
    there = sorted(p.relative_to(RESOURCES).as_posix() for p in RESOURCES.rglob("*")
                   if p.suffix in (".svg", ".qss", ".qm"))
    assert sorted(package_files.REQUIRED) == there
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["funnel_desktop"]
    for name in package_files.REQUIRED:
        assert any(fnmatch.fnmatch(f"resources/{name}", p) for p in patterns), name


@pytest.fixture
def empty_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "app.qss").write_text("QWidget {}", encoding="utf-8")
    monkeypatch.setattr(package_files, "RESOURCES", tmp_path)
    return tmp_path


def test_a_missing_icon_is_an_error_naming_it(empty_resources: Path, qapp: object) -> None:
    with pytest.raises(package_files.MissingResource) as caught:
        ui_app.icon("plus.svg")
    assert str(empty_resources / "icons" / "plus.svg") in str(caught.value)
    assert "缺少" in str(caught.value)


def test_the_app_refuses_to_start_without_its_files(empty_resources: Path, qapp: object,
                                                     capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert str(empty_resources / "translations" / "funnel_zh_CN.qm") in err
    assert str(empty_resources / "icons" / "app.svg") in err
    assert "styles/app.qss" not in err  # it is there
    assert "Install the program again" in err and "请重新安装" in err
    assert not db.exists()  # nothing was created


def test_a_chinese_command_without_the_translation_says_so(empty_resources: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    code = main(["--lang", "zh", "check", "--db", str(tmp_path / "none.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("funnel-desktop: Funnel Desktop is incomplete")
    assert str(empty_resources / "translations" / "funnel_zh_CN.qm") in err
    assert "Traceback" not in err


def test_an_english_command_without_its_plural_forms_says_so(
        empty_resources: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["--lang", "en", "check", "--db", str(tmp_path / "none.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert str(empty_resources / "translations" / "funnel_en.qm") in err
    assert "Traceback" not in err


def test_the_english_plural_forms_are_required(empty_resources: Path, qapp: object) -> None:
    from funnel_desktop.i18n import english_plurals

    with pytest.raises(package_files.MissingResource) as caught:
        english_plurals()
    assert caught.value.missing == ["translations/funnel_en.qm"]
