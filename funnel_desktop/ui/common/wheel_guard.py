"""The mouse wheel changes only the field that has focus: over a combo box, spin box or date
field that does not, it scrolls the page around it instead (one filter for the whole app)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

#: Fields whose value a wheel turn changes.
GUARDED = (QComboBox, QAbstractSpinBox)


def guarded(widget: QObject) -> bool:
    """Whether a wheel turn over ``widget`` could change a value."""
    return isinstance(widget, GUARDED)


def has_focus(widget: QWidget) -> bool:
    """The field or something inside it (an editable combo's line) has the keyboard focus."""
    focus = QApplication.focusWidget()
    return widget.hasFocus() or (focus is not None and widget.isAncestorOf(focus))


def pass_to_parents(widget: QWidget, event: QWheelEvent) -> bool:
    """Offer ``event`` to the parents of ``widget`` in turn, as Qt does with a wheel event a
    widget ignores, until one takes it; whether one did."""
    pos = event.position()
    parent = widget
    while not parent.isWindow() and (up := parent.parentWidget()) is not None:
        pos = parent.mapToParent(pos)
        parent = up
        passed = QWheelEvent(pos, event.globalPosition(), event.pixelDelta(),
                             event.angleDelta(), event.buttons(), event.modifiers(),
                             event.phase(), event.inverted(), event.source())
        passed.ignore()
        QCoreApplication.sendEvent(parent, passed)
        if passed.isAccepted():
            return True
    return False


class WheelGuard(QObject):
    """Installed on the application: a field takes the focus by a click or Tab, never by the
    wheel (``Qt.StrongFocus``), and a wheel event over a field without focus goes to its
    parents instead (a scroll area scrolls), as if the field were not there."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and guarded(watched):
            assert isinstance(watched, QWidget)
            if not has_focus(watched):
                assert isinstance(event, QWheelEvent)
                pass_to_parents(watched, event)
                event.accept()  # handled: Qt offers it to no one else
                return True
        return False


def install(app: QCoreApplication | None = None) -> WheelGuard:
    """Put the guard on the application (once; later calls return the same guard)."""
    app = app or QCoreApplication.instance()
    assert app is not None
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
    return guard
