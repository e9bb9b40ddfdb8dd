"""The kanban board: a column per open stage (header, quick-create, card list) and the Won
and Lost drop targets. Moves, closes, creates and deletes go through the services; the board
redraws from their change event."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QItemSelectionModel, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.money import parse_amount
from ...core.values import Segment, StageInfo, StageKind
from ...store import screen_queries as sq
from ..common import ask
from ..common import palette as P
from ..common.context import AppContext
from ..common.elided_label import ElidedLabel
from ..common.label_text import set_text
from ..common.messages import error_text
from .board_model import DealColumnModel, IdRole, decode_ids
from .card_delegate import CardDelegate
from .deal_words import deals_named
from .totals import WIN_RATE_DAYS, FunnelTotals


def _repolish(w: QWidget) -> None:
    w.style().unpolish(w)
    w.style().polish(w)
    w.update()


def split_quick_text(text: str) -> tuple[str, str | None]:
    """``"ERP for Acme 12,500"`` → (``"ERP for Acme"``, ``"12,500"``): a last word that reads
    as an amount is the amount; otherwise everything is the title."""
    text = text.strip()
    head, _, last = text.rpartition(" ")
    if head.strip() and last:
        try:
            parse_amount(last)
        except ValidationError:
            return text, None
        return head.strip(), last
    return text, None


class CardListView(QListView):
    """The card list of one column.

    Signals:
        moveRequested(int): Ctrl+Left (-1) or Ctrl+Right (+1) on the selection.
        deleteRequested(): the Delete key.
        pressedPlain(): a click without Ctrl/Shift (the board clears other columns).
    """

    moveRequested = Signal(int)
    deleteRequested = Signal()
    pressedPlain = Signal()

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setProperty("dropHover", False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier and event.key() in (
                Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.ShiftModifier):
            self.pressedPlain.emit()
        super().mousePressEvent(event)

    def _hover(self, on: bool) -> None:
        """Highlight the list while a drag is over it: painted over the viewport (a style
        sheet rule would re-polish the view and change its border, so every card of the
        column would be laid out again at each drag's enter and drop)."""
        if self.property("dropHover") != on:
            self.setProperty("dropHover", on)
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._hover(event.isAccepted() and event.source() is not self)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._hover(event.isAccepted() and event.source() is not self)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._hover(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover(False)
        super().dropEvent(event)

    def _paint_hover(self, box: QRectF, pen: QPen, fill: QColor | None) -> None:
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(pen)
        p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(box, 8, 8)
        p.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        hover = bool(self.property("dropHover"))
        box = QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1)
        if hover:  # under the cards: the drop's wash
            self._paint_hover(box, QPen(Qt.PenStyle.NoPen), QColor(P.DROP_WASH))
        super().paintEvent(event)
        if hover:  # over them: its dashed border
            self._paint_hover(box, QPen(QColor(P.ACCENT), 2.0, Qt.PenStyle.DashLine), None)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            p = QPainter(self.viewport())
            p.setPen(P.FAINT)
            p.drawText(QRectF(self.viewport().rect()).adjusted(8, 24, -8, -8),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       self._empty_text)
            p.end()


class ColumnHeader(QFrame):
    """Stage name and probability; count and sum; weighted sum (over all matching deals)."""

    def __init__(self, stage: StageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeader")
        self._colour = P.stage_colour(stage.colour, stage.position)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 8)
        lay.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(6)
        # a narrow column ends a long stage name in "…" (the whole name is its tooltip)
        self.name = ElidedLabel(stage.name, least=24)
        self.name.setObjectName("stageName")
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.prob = QLabel(f"{stage.probability}%")
        self.prob.setObjectName("probPill")
        self.prob.setToolTip(self.tr("Default win probability of this stage"))
        top.addWidget(self.name, 1)
        top.addWidget(self.prob, 0)
        lay.addLayout(top)
        self.totals = QLabel()
        self.totals.setObjectName("columnTotals")
        self.weighted = QLabel()
        self.weighted.setObjectName("columnWeighted")
        lay.addWidget(self.totals)
        lay.addWidget(self.weighted)

    def show_totals(self, count: int, amount: str, weighted: str, count_text: str) -> None:
        totals = self.tr("%1  ·  %2").replace("%1", count_text).replace("%2", amount)
        weighted = self.tr("Weighted %1").replace("%1", weighted)
        set_text(self.totals, totals)  # a column a drop did not touch is not laid out again
        set_text(self.weighted, weighted)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        p = QPainter(self)
        p.fillRect(0, 0, self.width(), 3, self._colour)
        p.end()


class StageColumn(QFrame):
    """One open stage: header, quick-create line and the card list."""

    def __init__(self, ctx: AppContext, stage: StageInfo, model: DealColumnModel,
                 delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.stage = stage
        self.model = model
        self.setMinimumWidth(236)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = ColumnHeader(stage)
        lay.addWidget(self.header)
        self.quick = QLineEdit()
        self.quick.setObjectName("quickCreate")
        self.quick.setAccessibleName(self.tr("New deal in %1: title and amount")
                                     .replace("%1", stage.name))
        self.quick.setPlaceholderText(self.tr("+ New deal: title and amount"))
        self.quick.setToolTip(self.tr("Type a title, optionally followed by an amount "
                                      "(e.g. “Server upgrade 12,500”), and press Enter."))
        self.quick.setClearButtonEnabled(True)
        quick_box = QVBoxLayout()
        quick_box.setContentsMargins(8, 2, 8, 4)
        quick_box.setSpacing(2)
        quick_box.addWidget(self.quick)
        self.quick_error = QLabel()
        self.quick_error.setObjectName("fieldError")
        self.quick_error.setWordWrap(True)
        self.quick_error.setTextFormat(Qt.TextFormat.PlainText)
        self.quick_error.hide()
        quick_box.addWidget(self.quick_error)
        lay.addLayout(quick_box)
        self.view = CardListView(self.tr("No deals here yet.\nDrag cards here or add one "
                                         "above."))
        self.view.setModel(model)
        self.view.setItemDelegate(delegate)
        lay.addWidget(self.view, 1)
        self.quick.textEdited.connect(lambda _t: self.set_quick_error(""))

    def set_quick_error(self, text: str) -> None:
        self.quick_error.setText(text)
        self.quick_error.setVisible(bool(text))
        if self.quick.property("invalid") != bool(text):
            self.quick.setProperty("invalid", bool(text))
            _repolish(self.quick)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [cast(int, self.model.data(self.model.index(r), IdRole)) for r in rows]

    def select_ids(self, ids: list[int], focus: bool = False) -> None:
        sel = self.view.selectionModel()
        sel.clearSelection()
        first = None
        for deal_id in ids:
            row = self.model.row_of(deal_id)
            if row is None:
                continue
            index = self.model.index(row)
            sel.select(index, QItemSelectionModel.SelectionFlag.Select)
            if first is None:
                first = index
        if first is not None:
            sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)
            if focus:
                self.view.setFocus()


class CloseTarget(QFrame):
    """The Won or Lost drop target (narrow, at the right of the board).

    Signals:
        dropped(list): deal ids dropped here (the board asks for a reason, then closes)."""

    dropped = Signal(list)

    def __init__(self, kind: str, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("closeTarget")
        self.setProperty("kind", kind)
        self.setProperty("dropHover", False)
        self.setAcceptDrops(True)
        self.setFixedWidth(112)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 12, 10, 12)
        lay.setSpacing(4)
        self.icon = QLabel("✓" if kind == "won" else "✕")
        self.icon.setObjectName("closeIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(title)
        self.title.setObjectName("closeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint)
        self.hint.setObjectName("closeHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent = QLabel()
        self.recent.setObjectName("closeRecent")
        self.recent.setWordWrap(True)
        self.recent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(1)
        for w in (self.icon, self.title, self.hint):
            lay.addWidget(w)
        lay.addStretch(2)
        lay.addWidget(self.recent)

    def _hover(self, on: bool) -> None:
        if self.property("dropHover") != on:
            self.setProperty("dropHover", on)
            _repolish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hover(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover(False)
        ids = decode_ids(event.mimeData())
        if not ids:
            event.ignore()
            return
        # Ignored on purpose: the source view must not remove rows; the event redraws.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(ids)


class Board(QWidget):
    """The kanban board of one pipeline, cut to a segment.

    Signals:
        dealActivated(int): a card was double-clicked or "Open" chosen (open the editor).
    """

    dealActivated = Signal(int)

    def __init__(self, ctx: AppContext, totals: FunnelTotals,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.totals = totals
        self.pipeline_id: int | None = None
        self.segment = Segment()
        self.columns: list[StageColumn] = []
        self.stages: list[StageInfo] = []
        self.delegate = CardDelegate(ctx.fmt, ctx.today, self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        self.scroll_area = QScrollArea()  # (not ``scroll``: that would hide QWidget.scroll())
        self.scroll_area.setObjectName("boardScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip = QWidget()
        self.strip.setObjectName("boardStrip")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(10)
        self.scroll_area.setWidget(self.strip)
        outer.addWidget(self.scroll_area, 1)
        targets = QVBoxLayout()
        targets.setSpacing(10)
        self.won_target = CloseTarget("won", self.tr("Won"), self.tr("Drop here to mark won"))
        self.lost_target = CloseTarget("lost", self.tr("Lost"),
                                       self.tr("Drop here to mark lost"))
        targets.addWidget(self.won_target, 1)
        targets.addWidget(self.lost_target, 1)
        outer.addLayout(targets)
        self.won_target.dropped.connect(lambda ids: self._close_later(ids, True))
        self.lost_target.dropped.connect(lambda ids: self._close_later(ids, False))
        self.empty = QLabel(self.tr("There is no pipeline yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.strip_layout.addWidget(self.empty)

    # -- building ---------------------------------------------------------------------------
    def _load_cards(self, ids: list[int]) -> dict[int, sq.CardFacts]:
        return sq.card_rows(ids, self.ctx.today(), self.ctx.thresholds,
                            self.ctx.default_idle_days)

    def set_pipeline(self, pipeline_id: int | None, stages: list[StageInfo]) -> None:
        """Build the columns of a pipeline (call :meth:`reload` after)."""
        for col in self.columns:
            col.setParent(None)
            col.deleteLater()
        self.columns = []
        self.pipeline_id = pipeline_id
        self.stages = stages
        self.empty.setVisible(pipeline_id is None)
        for stage in stages:
            if stage.kind != StageKind.OPEN:
                continue
            model = DealColumnModel(stage.id, self._load_cards, self.move_ids)
            col = StageColumn(self.ctx, stage, model, self.delegate)
            model.setParent(col)  # goes with its column
            self._wire(col)
            self.strip_layout.addWidget(col, 1)
            self.columns.append(col)
        self.won_target.setEnabled(pipeline_id is not None)
        self.lost_target.setEnabled(pipeline_id is not None)

    def _wire(self, col: StageColumn) -> None:
        view = col.view
        view.moveRequested.connect(lambda delta, c=col: self.move_selected(c, delta))
        view.deleteRequested.connect(lambda c=col: self.delete_ids(c.selected_ids()))
        view.pressedPlain.connect(lambda c=col: self._clear_others(c))
        view.doubleClicked.connect(lambda index: self.dealActivated.emit(index.data(IdRole)))
        view.customContextMenuRequested.connect(
            lambda pos, c=col: self._show_menu(c, c.view.viewport().mapToGlobal(pos)))
        col.quick.returnPressed.connect(lambda c=col: self.quick_create(c))

    def column(self, stage_id: int) -> StageColumn | None:
        for col in self.columns:
            if col.stage.id == stage_id:
                return col
        return None

    # -- refreshing -------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the columns' deal ids (one query), keeping selection and scroll."""
        if self.pipeline_id is None:
            return
        seg = None if self.segment.is_empty() else self.segment
        entries = sq.column_entries(self.pipeline_id, seg)
        for col in self.columns:
            selected = col.selected_ids()
            bar = col.view.verticalScrollBar()
            scroll = bar.value()
            ids, keys = entries.get(col.stage.id, ([], []))
            col.model.set_ids(ids, keys)
            if selected:
                col.select_ids(selected)
            bar.setValue(scroll)
        self.show_totals()

    def apply_moves(self, moves: tuple[tuple[int, int, int], ...], in_view: set[int]) -> bool:
        """Move cards between columns without re-reading the columns (after the totals were
        updated from the same move event); ``in_view`` are the moved deals that match the
        segment. False when only a :meth:`reload` can tell."""
        if not all(col.model.can_insert() for col in self.columns):
            return False
        by_stage = {col.stage.id: col for col in self.columns}
        arriving: dict[int, list[int]] = {}
        closing = False
        for deal_id, old, new in moves:
            if old in by_stage:
                by_stage[old].model.remove_ids([deal_id])
            if new in by_stage:
                if deal_id in in_view:
                    arriving.setdefault(new, []).append(deal_id)
            else:
                closing = True
        keys = sq.board_keys([i for ids in arriving.values() for i in ids])
        for stage_id, ids in arriving.items():
            by_stage[stage_id].model.insert_ids([(keys[i], i) for i in ids if i in keys])
        if closing:  # a close can change the class of the customer's other deals
            for col in self.columns:
                col.model.invalidate()
        self.show_totals()
        return True

    def show_totals(self) -> None:
        """Column headers and the Won/Lost targets from the totals (SQL aggregates)."""
        fmt = self.ctx.fmt
        for col in self.columns:
            count, amount, weighted = self.totals.stage(col.stage.id)
            count_text = (self.tr("1 deal") if count == 1
                          else self.tr("%1 deals").replace("%1", fmt.count(count)))
            col.header.show_totals(count, fmt.money(amount), fmt.money(weighted), count_text)
        days = str(WIN_RATE_DAYS)
        won = (self.tr("%1 won\nlast %2 days").replace("%1", fmt.count(self.totals.won_recent))
               .replace("%2", days))
        lost = (self.tr("%1 lost\nlast %2 days")
                .replace("%1", fmt.count(self.totals.lost_recent)).replace("%2", days))
        set_text(self.won_target.recent, won)
        set_text(self.lost_target.recent, lost)

    # -- selection --------------------------------------------------------------------------
    def _clear_others(self, keep: StageColumn) -> None:
        for col in self.columns:
            if col is not keep:
                col.view.clearSelection()

    def selected_ids(self) -> list[int]:
        """Selected deals of every column, in column order."""
        return [i for col in self.columns for i in col.selected_ids()]

    def select(self, ids: list[int], focus: bool = True) -> None:
        """Select these deals where they are (the first column holding one gets focus)."""
        focused = False
        for col in self.columns:
            mine = [i for i in ids if i in set(col.model.ids)]
            col.select_ids(mine, focus=focus and bool(mine) and not focused)
            focused = focused or bool(mine)

    # -- actions ----------------------------------------------------------------------------
    def _stage_name(self, stage_id: int) -> str:
        return next((s.name for s in self.stages if s.id == stage_id), "")

    def move_ids(self, ids: list[int], stage_id: int) -> bool:
        """Move deals to an open stage (the drop, keyboard and menu all end here)."""
        if not ids:
            return False
        name = self._stage_name(stage_id)
        text = (self.tr("Move deal to “%1”") if len(ids) == 1
                else self.tr("Move %2 deals to “%1”").replace("%2", str(len(ids))))
        outcome = self.ctx.run(self, text.replace("%1", name), lambda: self.ctx.services.move_deals(
            ids, stage_id, initiator=self), busy=False)
        if outcome is None:
            return False
        # once the drop (or menu) is over: the moved cards in view, selected and glowing
        QTimer.singleShot(0, self, lambda: self.reveal(ids, stage_id))
        return bool(outcome.value)

    def reveal(self, ids: list[int], stage_id: int) -> bool:
        """Show moved cards where they landed: their column scrolled into view, the cards
        selected (the first one scrolled to, the column focused) and glowing a moment."""
        col = self.column(stage_id)
        if col is None:
            return False
        here = [i for i in ids if col.model.row_of(i) is not None]
        if not here:
            return False  # filtered out of the board, or moved on since
        self._clear_others(col)
        col.select_ids(here, focus=True)
        self.scroll_area.ensureWidgetVisible(col, 0, 0)
        self.delegate.flash(here, col.view)
        return True

    def move_selected(self, col: StageColumn, delta: int) -> None:
        """Ctrl+Left / Ctrl+Right: the column's selection to the previous / next stage."""
        ids = col.selected_ids()
        i = self.columns.index(col) + delta
        if not ids or not 0 <= i < len(self.columns):
            return
        target = self.columns[i]
        if self.move_ids(ids, target.stage.id):
            col.view.clearSelection()
            target.select_ids(ids, focus=True)  # at once, for the next key press

    def _close_later(self, ids: list[int], won: bool) -> None:
        # Out of the drop event, so the reason dialog does not run inside the drag.
        QTimer.singleShot(0, self, lambda: self.close_ids(ids, won))

    def close_ids(self, ids: list[int], won: bool) -> bool:
        """Ask for a reason and close the deals as won or lost (Cancel changes nothing)."""
        if not ids:
            return False
        answer = ask.reason(self, "won" if won else "lost", len(ids),
                            deals_named(ids, self.ctx.fmt))
        if answer is None:
            return False
        reason_id, note = answer
        if won:
            text = (self.tr("Mark deal won") if len(ids) == 1
                    else self.tr("Mark %1 deals won").replace("%1", str(len(ids))))
        else:
            text = (self.tr("Mark deal lost") if len(ids) == 1
                    else self.tr("Mark %1 deals lost").replace("%1", str(len(ids))))
        return self.ctx.run(self, text, lambda: self.ctx.services.close_deals(
            ids, won, reason_id, note, initiator=self)) is not None

    def delete_ids(self, ids: list[int]) -> bool:
        """Delete deals after confirmation."""
        if not ids:
            return False
        named = deals_named(ids, self.ctx.fmt)
        text = (self.tr("Delete %1 with its history and activities?") if len(ids) == 1
                else self.tr("Delete these %Ln deals with their history and activities?\n%1",
                             "", len(ids))).replace("%1", named)
        if not ask.confirm(self, self.tr("Delete deals"), text, self.tr("Delete")):
            return False
        label = (self.tr("Delete deal") if len(ids) == 1
                 else self.tr("Delete %1 deals").replace("%1", str(len(ids))))
        return self.ctx.run(self, label, lambda: self.ctx.services.delete_deals(
            ids, initiator=self)) is not None

    def quick_create(self, col: StageColumn) -> int | None:
        """Create a deal from the column's quick-create line (title [amount])."""
        text = col.quick.text().strip()
        if not text or self.pipeline_id is None:
            return None
        title, amount = split_quick_text(text)
        fields: dict[str, object] = {"title": title}
        if amount is not None:
            fields["amount"] = amount
        if len(self.segment.owner_ids) == 1:
            fields["owner"] = self.segment.owner_ids[0]
        pipeline_id = self.pipeline_id
        outcome = self.ctx.run(self, self.tr("New deal “%1”").replace("%1", title),
                               lambda: self.ctx.services.create_deal(
                                   pipeline_id, col.stage.id, fields, initiator=self),
                               on_error=lambda err: col.set_quick_error(error_text(err)))
        if outcome is None:
            return None
        col.quick.clear()
        col.set_quick_error("")
        col.select_ids([outcome.value])
        return outcome.value

    # -- context menu -----------------------------------------------------------------------
    def context_menu(self, col: StageColumn) -> QMenu:
        """The menu for the column's selected cards (built, not shown)."""
        ids = col.selected_ids()
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("Edit…"))
        open_action.setEnabled(len(ids) == 1)
        open_action.triggered.connect(lambda: self.dealActivated.emit(ids[0]))
        move = menu.addMenu(self.tr("Move to"))
        for other in self.columns:
            act = move.addAction(other.stage.name)
            act.setEnabled(other is not col)
            act.triggered.connect(lambda _=False, s=other.stage.id: self.move_ids(ids, s))
        menu.addSeparator()
        menu.addAction(self.tr("Mark won…"), lambda: self.close_ids(ids, True))
        menu.addAction(self.tr("Mark lost…"), lambda: self.close_ids(ids, False))
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete…"), lambda: self.delete_ids(ids))
        self.ctx.allow(delete, "delete")
        menu.setToolTipsVisible(True)
        for act in menu.actions():
            if act is not open_action and not ids:
                act.setEnabled(False)
        return menu

    def _show_menu(self, col: StageColumn, pos: QPoint) -> None:
        menu = self.context_menu(col)
        menu.exec(pos)
        menu.deleteLater()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.ignore()


__all__ = ["Board", "CardListView", "CloseTarget", "ColumnHeader", "StageColumn",
           "split_quick_text"]
