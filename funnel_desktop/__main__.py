"""``python -m funnel_desktop`` is the ``funnel-desktop`` command."""

import sys

from .cli import main

sys.exit(main())
