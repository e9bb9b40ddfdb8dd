"""Start Funnel Desktop: ``python main.py`` (same as the ``funnel-desktop`` command)."""

import sys

from funnel_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
