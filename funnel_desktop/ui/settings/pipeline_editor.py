"""The pipeline editor: several pipelines (add from a template or blank, rename, delete an
empty one) and, for the chosen one, its stages: rename, reorder (buttons or drag), add,
remove (asking where its deals go), probability, idle days, colour, ideal conversion and
advancement questions. Saving is one service call (services.pipelines.save_pipeline); every
save, new pipeline and deletion goes on the main window's undo stack (Ctrl+Z there)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import FunnelError
from ...core.templates import TEMPLATES
from ...services import Outcome, Services
from ...services.pipelines import StageSpec, delete_pipeline, save_pipeline
from ...store.pipeline_rows import deal_counts, pipeline_choices, pipeline_names, pipeline_row
from ..common import ask
from ..common.fields import editor_buttons, set_invalid
from ..common.icons import icon
from ..common.messages import error_text
from ..common.operations import runner_for
from .stage_table import (
    COLOUR,
    DEALS,
    IDEAL,
    IDLE,
    KIND,
    NAME,
    PROBABILITY,
    StageRow,
    StageTable,
    StageTableModel,
    load_rows,
)

translate = QCoreApplication.translate

__all__ = ["DEALS", "IDEAL", "IDLE", "KIND", "NAME", "PROBABILITY", "PipelineEditor",
           "StageRow", "StageTableModel", "ask_colour", "ask_move_target"]



# -- questions the editor asks (tests replace them) ------------------------------------------
def ask_move_target(parent: QWidget | None, stage: str, count: int,
                    choices: list[tuple[int, str]]) -> int | None:
    """Where the ``count`` deals of the removed ``stage`` go: the id of one of ``choices``
    (kept stages of the same kind), or None to keep the stage."""
    dlg = MoveDealsDialog(stage, count, choices, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.target()


def ask_colour(parent: QWidget | None, current: str) -> str | None:
    """A colour as ``#rrggbb`` (None when cancelled)."""
    colour = QColorDialog.getColor(QColor(current) if current else QColor("#2563eb"), parent,
                                   translate("PipelineEditor", "Stage colour"))
    return colour.name() if colour.isValid() else None


class MoveDealsDialog(QDialog):
    """Asks where the deals of a stage being removed should go."""

    def __init__(self, stage: str, count: int, choices: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove stage"))
        self.setMinimumWidth(400)
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("Stage \u201c%1\u201d holds %2 deals. Move them to:")
                      .replace("%1", stage).replace("%2", str(count)))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        lay.addWidget(text)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Stage to move the deals to"))
        for sid, name in choices:
            self.combo.addItem(name, sid)
        lay.addWidget(self.combo)
        note = QLabel(self.tr("Their history is kept: the time they spent in \u201c%1\u201d "
                              "counts for the stage they move to.").replace("%1", stage))
        note.setObjectName("fieldCaption")
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Move and remove"))
        ok.setObjectName("primaryButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def target(self) -> int:
        return int(self.combo.currentData())


# -- the dialog -------------------------------------------------------------------------------
Record = Callable[[Outcome, str], object]


class PipelineEditor(QDialog):
    """Tools ▸ Pipelines and stages.

    ``record(outcome, text)`` puts each saved action on an undo stack (by default the
    parent window's ``ctx.record``, when it has one)."""

    def __init__(self, services: Services, lang: str = "en", pipeline_id: int | None = None,
                 parent: QWidget | None = None, record: Record | None = None) -> None:
        super().__init__(parent)
        #: its saves run here (the parent window's runner, which puts them on its undo
        #: stack; or one handing them to ``record``)
        self.runner = runner_for(parent, record)
        self.setObjectName("pipelineEditor")
        self.setWindowTitle(self.tr("Pipelines and stages"))
        self.resize(1060, 640)
        self.services = services
        self.lang = lang
        self.pipeline_id: int | None = None
        self.version: int | None = None  # the shown pipeline's version
        self.moves: dict[int, int] = {}
        self.dirty = False
        self._loading = False

        split = QSplitter()
        split.setChildrenCollapsible(False)
        left = QWidget()
        llay = QVBoxLayout(left)
        llay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("&Pipelines"))
        title.setObjectName("sectionTitle")
        self.pipelines = QListWidget()
        self.pipelines.setObjectName("pipelineList")
        title.setBuddy(self.pipelines)
        self.pipelines.setAccessibleName(self.tr("Pipelines"))
        llay.addWidget(title)
        llay.addWidget(self.pipelines, 1)
        pbuttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New pipeline"))
        self.new_menu = QMenu(self.new_button)
        self.new_menu.addAction(self.tr("Blank pipeline"), lambda: self.new_pipeline(None))
        self.new_menu.addSeparator()
        zh = lang.startswith("zh")
        for t in TEMPLATES:
            self.new_menu.addAction(self.tr("From template: %1").replace(
                "%1", t.zh if zh else t.en), functools.partial(self.new_pipeline, t.code))
        self.new_button.setMenu(self.new_menu)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setObjectName("dangerButton")
        self.delete_button.clicked.connect(self.delete_current)
        pbuttons.addWidget(self.new_button)
        pbuttons.addStretch(1)
        pbuttons.addWidget(self.delete_button)
        llay.addLayout(pbuttons)
        split.addWidget(left)

        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("pipelineName")
        self.name.setMaxLength(100)
        form.addRow(self.tr("Pipeline na&me:"), self.name)
        rlay.addLayout(form)
        stitle = QLabel(self.tr("S&tages"))
        stitle.setObjectName("sectionTitle")
        rlay.addWidget(stitle)
        hint = QLabel(self.tr("Double-click a cell to edit it; drag a row or use Move up / "
                              "Move down to reorder. Won and Lost stay at the end."))
        hint.setObjectName("sectionNote")
        hint.setWordWrap(True)
        rlay.addWidget(hint)
        self.model = StageTableModel(self)
        self.table = StageTable()
        self.table.setObjectName("stageTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Stages"))
        stitle.setBuddy(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((KIND, 70), (PROBABILITY, 112), (IDLE, 84), (IDEAL, 164),
                           (COLOUR, 64), (DEALS, 64)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        rlay.addWidget(self.table, 3)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        rlay.addWidget(self.problem)

        sbuttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add stage"))
        self.remove_button = QPushButton(self.tr("&Remove stage"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.colour_button = QPushButton(self.tr("&Colour…"))
        self.colour_button.setToolTip(self.tr("The stage's colour on the board and in charts"))
        self.no_colour_button = QPushButton(self.tr("No colour"))
        self.no_colour_button.clicked.connect(lambda: self._set_colour(""))
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.up_button.setToolTip(self.tr("Move the stage up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move the stage down (Alt+Down)"))
        for b, name in ((self.add_button, "plus.svg"), (self.remove_button, "minus.svg"),
                        (self.up_button, "arrow-up.svg"), (self.down_button, "arrow-down.svg"),
                        (self.colour_button, "palette.svg")):
            b.setIcon(icon(name))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            sbuttons.addWidget(b)
        sbuttons.addWidget(self.colour_button)
        sbuttons.addWidget(self.no_colour_button)
        sbuttons.addStretch(1)
        rlay.addLayout(sbuttons)
        qlabel = QLabel(self.tr("Advancement &questions for this stage, one per line:"))
        self.questions = QPlainTextEdit()
        self.questions.setObjectName("stageQuestions")
        self.questions.setPlaceholderText(self.tr("e.g. Who is on the decision chain?"))
        self.questions.setTabChangesFocus(True)
        self.questions.setAccessibleName(self.tr("Advancement questions"))
        qlabel.setBuddy(self.questions)
        rlay.addWidget(qlabel)
        rlay.addWidget(self.questions, 1)
        split.addWidget(right)
        split.setSizes([260, 800])

        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        self.buttons, self.save_button, self.revert_button = editor_buttons(self)
        lay.addWidget(self.buttons)

        self.pipelines.currentRowChanged.connect(self._pipeline_chosen)
        self.name.textEdited.connect(lambda _t: self._mark_dirty())
        self.model.edited.connect(self._mark_dirty)
        self.model.dataChanged.connect(lambda *_a: self._show_problems(False))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._row_chosen())
        self.table.doubleClicked.connect(self._double_clicked)
        self.questions.textChanged.connect(self._questions_edited)
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_stage)
        self.up_button.clicked.connect(lambda: self.move_stage(-1))
        self.down_button.clicked.connect(lambda: self.move_stage(1))
        self.colour_button.clicked.connect(self.choose_colour)
        self.fill_pipelines(pipeline_id)

    # -- pipelines ----------------------------------------------------------------------------
    def fill_pipelines(self, select: int | None = None) -> None:
        """Refill the list of pipelines and show ``select`` (else the current or first)."""
        wanted = select if select is not None else self.pipeline_id
        self._loading = True
        self.pipelines.clear()
        counts = deal_counts()
        for pid, name in pipeline_choices():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setData(Qt.ItemDataRole.UserRole + 1, int(counts.get(pid, 0)))
            item.setToolTip(self.tr("%1 deals").replace("%1", str(counts.get(pid, 0))))
            self.pipelines.addItem(item)
        self._loading = False
        row = next((i for i in range(self.pipelines.count())
                    if self.pipelines.item(i).data(Qt.ItemDataRole.UserRole) == wanted), 0)
        self.pipelines.setCurrentRow(row if self.pipelines.count() else -1)
        if self.pipelines.currentRow() == row:
            self._pipeline_chosen(row)

    def _pipeline_chosen(self, row: int) -> None:
        if self._loading or row < 0:
            return
        pid = int(self.pipelines.item(row).data(Qt.ItemDataRole.UserRole))
        if pid == self.pipeline_id:
            return
        if not self.maybe_leave():
            self._select_in_list(self.pipeline_id)
            return
        self._select_in_list(pid)  # saving refilled the list
        self.load_pipeline(pid)

    def _select_in_list(self, pid: int | None) -> None:
        self._loading = True
        for i in range(self.pipelines.count()):
            if self.pipelines.item(i).data(Qt.ItemDataRole.UserRole) == pid:
                self.pipelines.setCurrentRow(i)
        self._loading = False

    def load_pipeline(self, pipeline_id: int) -> None:
        """Show a pipeline's stages as stored (unsaved edits are dropped)."""
        p = pipeline_row(pipeline_id)
        self.pipeline_id = pipeline_id
        self.version = p.version  # an edit saved meanwhile elsewhere is a conflict
        self.moves = {}
        self._loading = True
        self.name.setText(p.name)
        self.model.load(load_rows(pipeline_id))
        self._loading = False
        self.dirty = False
        self._show_problems(False)
        first = self.model.open_block()[0]
        if self.model.rows:
            self.table.selectRow(first)
        self._row_chosen()
        self._update_buttons()

    def _mark_dirty(self) -> None:
        if not self._loading:
            self.dirty = True
            self._update_buttons()

    def maybe_leave(self) -> bool:
        """True when there are no unsaved edits, or the user saved or dropped them."""
        if not self.dirty:
            return True
        answer = ask.save_changes(self, self.tr("Pipeline \u201c%1\u201d").replace(
            "%1", self.name.text().strip() or self.tr("(no name)")))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.dirty = False
            return True
        return False

    def _unique_name(self, base: str) -> str:
        names = pipeline_names()
        name, n = base, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        return name

    def new_pipeline(self, template_code: str | None) -> int | None:
        """Add a pipeline from a template (or a blank one: one stage, Won, Lost) and show
        it."""
        if not self.maybe_leave():
            return None
        if template_code is None:
            name = self._unique_name(self.tr("New pipeline"))
            stages = [StageSpec(self.tr("First contact"), "open", 10),
                      StageSpec(self.tr("Won"), "won", 100),
                      StageSpec(self.tr("Lost"), "lost", 0)]

            def work() -> Outcome:
                return save_pipeline(self.services, None, name, stages, initiator=self)
        else:
            name = next(t.zh if self.lang.startswith("zh") else t.en
                        for t in TEMPLATES if t.code == template_code)

            def work() -> Outcome:
                return self.services.create_pipeline(template_code, self.lang, initiator=self)
        outcome = self.runner.run(self, self.tr("New pipeline \u201c%1\u201d").replace(
            "%1", name), work, on_error=self._error)
        if outcome is None:
            return None
        pid = int(outcome.value)
        self.dirty = False
        self.fill_pipelines(pid)
        self.name.setFocus()
        self.name.selectAll()
        return pid

    def delete_current(self) -> bool:
        """Delete the shown pipeline (only an empty one, never the last)."""
        if self.pipeline_id is None:
            return False
        name = self.name.text().strip()
        if not ask.confirm(self, self.tr("Delete pipeline"),
                           self.tr("Delete the pipeline \u201c%1\u201d and its stages?")
                           .replace("%1", name), self.tr("Delete")):
            return False
        pid = self.pipeline_id
        if self.runner.run(self, self.tr("Delete pipeline \u201c%1\u201d").replace("%1", name),
                           lambda: delete_pipeline(self.services, pid, initiator=self),
                           on_error=self._error) is None:
            return False
        self.pipeline_id = None
        self.dirty = False
        self.fill_pipelines()
        return True

    # -- stages ---------------------------------------------------------------------------
    def current_row(self) -> int:
        ix = self.table.currentIndex()
        return ix.row() if ix.isValid() else -1

    def _row_chosen(self) -> None:
        r = self.current_row()
        self._loading, was = True, self._loading
        self.questions.setPlainText("\n".join(self.model.rows[r].questions) if r >= 0 else "")
        self.questions.setEnabled(r >= 0 and self.model.rows[r].kind == "open")
        self._loading = was
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.current_row()
        rows = self.model.rows
        first, last = self.model.open_block()
        is_open = r >= 0 and rows[r].kind == "open"
        self.remove_button.setEnabled(is_open and last > first)
        self.up_button.setEnabled(is_open and r > first)
        self.down_button.setEnabled(is_open and r < last)
        self.colour_button.setEnabled(r >= 0)
        self.no_colour_button.setEnabled(r >= 0 and bool(self.model.rows[r].colour))
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setEnabled(self.dirty)
        item = self.pipelines.currentItem()
        holds = int(item.data(Qt.ItemDataRole.UserRole + 1)) if item else 0
        self.delete_button.setEnabled(item is not None and holds == 0
                                      and self.pipelines.count() > 1)
        self.delete_button.setToolTip(
            self.tr("Only a pipeline without deals can be deleted") if holds else "")

    def _questions_edited(self) -> None:
        r = self.current_row()
        if self._loading or r < 0:
            return
        lines = [q.strip() for q in self.questions.toPlainText().splitlines() if q.strip()]
        self.model.set_questions(r, lines)

    def add_stage(self) -> int:
        """Add an open stage after the current open one (or at the end of the open ones);
        its name is ready to edit."""
        last = self.model.open_block()[1]
        r = self.current_row()
        at = (r + 1) if r >= 0 and self.model.rows[r].kind == "open" else last + 1
        names = {row.name for row in self.model.rows}
        base = self.tr("New stage")
        name, n = base, 2
        while name in names:
            name, n = self.tr("New stage %1").replace("%1", str(n)), n + 1
        before = self.model.rows[at - 1] if at > 0 and at - 1 <= last else None
        prob = before.probability if before is not None else "10"
        self.model.insert(at, StageRow(name, "open", prob, "", "", "", []))
        self.table.selectRow(at)
        self.table.setFocus()
        self.table.edit(self.model.index(at, NAME))
        return at

    def move_stage(self, delta: int) -> None:
        r = self.current_row()
        if r >= 0 and self.model.move(r, r + delta):
            self.table.selectRow(r + delta)
        self._update_buttons()

    def remove_stage(self) -> bool:
        """Remove the current open stage; when it holds deals, ask where they go first."""
        r = self.current_row()
        if r < 0 or self.model.rows[r].kind != "open":
            return False
        first, last = self.model.open_block()
        if first == last:
            return False
        row = self.model.rows[r]
        if row.deals:
            choices = [(o.id, o.name) for i, o in enumerate(self.model.rows)
                       if i != r and o.id is not None and o.kind == row.kind]
            if not choices:
                ask.error(self, self.tr("Remove stage"), self.tr(
                    "The deals of \u201c%1\u201d need a saved stage to move to: save the new "
                    "stages first.").replace("%1", row.name))
                return False
            target = ask_move_target(self, row.name, row.deals, choices)
            if target is None:
                return False
            if row.id is not None:
                self.moves[row.id] = target
            for src, dest in list(self.moves.items()):
                if dest == row.id:
                    self.moves[src] = target
            kept = next(i for i, o in enumerate(self.model.rows) if o.id == target)
            self.model.rows[kept].deals += row.deals
            ix = self.model.index(kept, DEALS)
            self.model.dataChanged.emit(ix, ix)
        self.model.remove(r)
        self.table.selectRow(min(r, self.model.open_block()[1]))
        self._update_buttons()
        return True

    def choose_colour(self) -> None:
        r = self.current_row()
        if r < 0:
            return
        colour = ask_colour(self, self.model.rows[r].colour)
        if colour is not None:
            self._set_colour(colour)

    def _set_colour(self, colour: str) -> None:
        r = self.current_row()
        if r >= 0:
            self.model.set_colour(r, colour)
        self._update_buttons()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COLOUR:
            self.choose_colour()

    # -- saving ---------------------------------------------------------------------------
    def _show_problems(self, reveal: bool) -> bool:
        """Show the first problem under the table; True if there is one."""
        problems = self.model.problems()
        set_invalid(self.table, bool(problems))
        if not problems:
            self.problem.hide()
            return False
        r, col, text = problems[0]
        stage = self.model.rows[r].name or self.tr("(no name)")
        self.problem.setText(self.tr("Stage \u201c%1\u201d: %2").replace("%1", stage)
                             .replace("%2", text))
        self.problem.show()
        if reveal:
            self.table.setCurrentIndex(self.model.index(r, col))
            self.table.setFocus()
        return True

    def save(self) -> bool:
        """Save the shown pipeline in one service call; problems are shown in words and
        nothing is saved."""
        if self.pipeline_id is None:
            return True
        if self._show_problems(True):
            return False
        pid = self.pipeline_id
        if self.runner.run(self, self.tr("Edit pipeline \u201c%1\u201d").replace(
                "%1", self.name.text().strip()),
                lambda: save_pipeline(self.services, pid, self.name.text(), self.model.specs(),
                                      moves=self.moves, initiator=self, version=self.version),
                on_error=self._error) is None:
            return False
        self.dirty = False
        self.pipeline_id = None  # reload from the database (new stages get their ids)
        self.fill_pipelines(pid)
        return True

    def revert(self) -> None:
        if self.pipeline_id is not None:
            self.load_pipeline(self.pipeline_id)

    def _error(self, err: FunnelError) -> None:
        ask.error(self, self.tr("Pipelines and stages"), error_text(err))

    def reject(self) -> None:
        """Close (Escape or Close): unsaved edits are saved or dropped as the user says."""
        if not self.maybe_leave():
            return
        self.dirty = False
        super().reject()
