"""Exit 0 when every ``name==version`` given is installed at exactly that version, else 1
(tools/ci_install_checks.sh: install PyInstaller only where it is missing).

    python tools/pins_installed.py pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version


def installed(pin: str) -> bool:
    """Whether ``pin`` (``name==version``) is installed at that version."""
    name, sep, wanted = pin.partition("==")
    if not sep:
        raise ValueError(f"not an exact pin: {pin!r}")
    try:
        return version(name.strip()) == wanted.strip()
    except PackageNotFoundError:
        return False


def main(argv: list[str]) -> int:
    return 0 if argv and all(installed(pin) for pin in argv) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
