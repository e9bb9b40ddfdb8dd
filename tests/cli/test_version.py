"""``--version``: the one version, whichever way the program is started."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from funnel_desktop import __version__
from funnel_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "funnel_desktop.__version__"}
    assert __version__.count(".") == 2


def test_version_prints_and_exits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"Funnel Desktop {__version__}\n"


@pytest.mark.parametrize("start", [["-m", "funnel_desktop"], [str(ROOT / "main.py")]])
def test_version_from_each_entry(start: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, *start, "--lang", "zh", "--version"], env=env,
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"Funnel Desktop {__version__}\n",
                                                           "")
