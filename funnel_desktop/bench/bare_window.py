"""The yardstick of the cold start: a bare PySide6 QMainWindow, started the way the app is
(``python -m``), writing the time of its first paint to ``$FUNNEL_BENCH_FIRST_PAINT``."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, path: str) -> None:
        super().__init__(app)
        self.app, self.path = app, path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._done)  # after the whole window has been painted
        return False

    def _done(self) -> None:
        with open(self.path, "w", encoding="utf-8") as fh:
            fh.write(repr(time.time()))
        self.app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1360, 860)
    path = os.environ.get("FUNNEL_BENCH_FIRST_PAINT")
    if path:
        window.installEventFilter(_FirstPaint(app, path))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
