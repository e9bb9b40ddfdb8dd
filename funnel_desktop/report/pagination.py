"""Page breaks for the report's document: a section marked to be kept whole (its heading
carries an anchor named ``keep…``: a table with its chart, a short table) that fits on one
page is not split across two; any heading stays with the first rows of its table (or its
first paragraph), so none ends a page; no line prints across a page's foot; and no row of a
table is split between two pages (a row of two lines, "Network upgrade / #7593", printed its
first line at one page's foot and its second under the header on the next). Long lists run on
over the page (their table header repeats).

QTextDocument knows no "keep with next": the document is laid out for its page size, the
first violation gets a page break before its heading, and the layout is looked at again.
Only the document's top level is looked at (its blocks, and each table by its rows: their
cells' first and last blocks), so a round costs a few hundred positions, not one per line.
A row split between two pages is moved to the next page whole: the row before it is made
taller, down to the page's foot, as Qt does itself when no line of a row fits."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
    QTextTableCell,
)

#: A block this close to its page's top already starts the page (layout px).
AT_TOP = 8.0
MAX_ROUNDS = 60
#: A heading stays with this many body rows of the table after it.
ROWS_WITH_HEADING = 2
#: The anchor name that marks a heading whose section is kept on one page.
KEEP = "keep"
#: Format property of each cell of a row whose bottom padding was grown so that the row after
#: it starts the next page; holds the cell's own bottom padding.
ROW_PUSH = QTextFormat.Property.UserProperty + 14
#: How far (layout px) a row is pushed at a time while looking for the page's foot.
PUSH_STEP = 2.0


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of the document's top level where the layout put it: a block, or a table."""

    block: QTextBlock | None
    table: QTextTable | None
    top: float
    bottom: float
    level: int  # heading level of a block (1 = h1 …), 0 otherwise
    keep: bool = False  # a heading whose section is kept on one page


def page_of(doc: QTextDocument, y: float) -> int:
    """The page (from 0) a position is on; Qt may start a page a hair above its top."""
    return int((y + 0.5) // doc.pageSize().height())


def items(doc: QTextDocument) -> list[Item]:
    """The document's top-level blocks and tables in order, with their positions."""
    layout = doc.documentLayout()
    out = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if frame is not None:
            rect = layout.frameBoundingRect(frame)
            table = frame if isinstance(frame, QTextTable) else None
            out.append(Item(None, table, rect.top(), rect.bottom(), 0))
        else:
            block = it.currentBlock()
            rect = layout.blockBoundingRect(block)
            level = block.blockFormat().headingLevel()
            out.append(Item(block, None, rect.top(), rect.bottom(), level,
                            bool(level) and _marked(block)))
        it += 1
    return out


def _marked(block: QTextBlock) -> bool:
    """Whether a text of ``block`` carries an anchor named :data:`KEEP`…."""
    it = block.begin()
    while not it.atEnd():
        if any(n.startswith(KEEP) for n in it.fragment().charFormat().anchorNames()):
            return True
        it += 1
    return False


def _first_row_bottom(doc: QTextDocument, item: Item) -> float:
    """Where the first :data:`ROWS_WITH_HEADING` body rows of a table end (as many as it
    has); the bottom of any other item."""
    table = item.table
    if table is None:
        return item.bottom
    row = min(table.format().headerRowCount() + ROWS_WITH_HEADING - 1, table.rows() - 1)
    layout = doc.documentLayout()
    return max(layout.blockBoundingRect(table.cellAt(row, c).lastCursorPosition().block())
               .bottom() for c in range(table.columns()))


def cut_lines(doc: QTextDocument, block: QTextBlock) -> bool:
    """Whether a line of ``block`` runs across a page's foot (it would print cut in two)."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    lay = block.layout()
    for k in range(lay.lineCount()):
        line = lay.lineAt(k)
        if page_of(doc, top + line.y()) != page_of(doc, top + line.y() + line.height() - 1):
            return True
    return False


def _row_cells(table: QTextTable, row: int) -> list[QTextTableCell]:
    """The cells of ``row`` once each (a cell spanning columns is met once)."""
    cells = []
    for c in range(table.columns()):
        cell = table.cellAt(row, c)
        if cell.column() == c and cell.row() == row:
            cells.append(cell)
    return cells


def row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """Where the text of a table row begins (its cells' first blocks) and ends (their last)."""
    layout = doc.documentLayout()
    cells = _row_cells(table, row)
    top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
    bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                 for c in cells)
    return top, bottom


def split_rows(doc: QTextDocument, table: QTextTable) -> list[int]:
    """The rows of ``table`` printed partly on one page and partly on the next. The header
    and the first :data:`ROWS_WITH_HEADING` body rows are left out: those stay with the
    table's heading (an "orphan" otherwise)."""
    first = table.format().headerRowCount() + ROWS_WITH_HEADING
    out = []
    for r in range(first, table.rows()):
        if not _row_cells(table, r):
            continue
        top, bottom = row_extent(doc, table, r)
        if page_of(doc, top) != page_of(doc, bottom - 1):
            out.append(r)
    return out


def _section_end(parts: list[Item], i: int) -> int:
    """The last item of the section headed by ``parts[i]``: up to the next heading of the
    same or a higher level."""
    level = parts[i].level
    for k in range(i + 1, len(parts)):
        if parts[k].level and parts[k].level <= level:
            return k - 1
    return len(parts) - 1


def violations(doc: QTextDocument, parts: list[Item] | None = None
               ) -> list[tuple[str, int]]:
    """What the layout breaks, in document order, as (kind, index into :func:`items`):
    "cut" for a block with a line printed across a page's foot; "split" for a heading marked
    :data:`KEEP` whose section fits on a page but runs onto the next; "orphan" for a heading
    whose first rows or paragraph are on a later page; "row" for a table with a row printed
    on two pages (:func:`split_rows`). (Headings inside tables belong to their table.)"""
    height = doc.pageSize().height()
    parts = items(doc) if parts is None else parts
    out = []
    for i, p in enumerate(parts):
        if p.table is not None and split_rows(doc, p.table):
            out.append(("row", i))
            continue
        if p.block is not None and cut_lines(doc, p.block):
            out.append(("cut", i))
            continue
        if not p.level:
            continue
        page = page_of(doc, p.top)
        if p.top - page * height < AT_TOP:
            continue  # already starts its page: nothing to gain
        end = parts[_section_end(parts, i)]
        if p.keep and page_of(doc, end.bottom - 1) != page \
                and end.bottom - p.top <= height - AT_TOP:
            out.append(("split", i))
        elif i + 1 < len(parts) and page_of(
                doc, _first_row_bottom(doc, parts[i + 1]) - 1) != page:
            out.append(("orphan", i))
    return out


def _try_break(doc: QTextDocument, parts: list[Item], i: int) -> bool:
    """Page break before the block ``parts[i]`` (its top margin dropped: a fresh page needs
    none); kept when the block then starts the page after the one where what comes before it
    ends, taken back otherwise (see :func:`break_before`)."""
    block = parts[i].block
    assert block is not None
    before = max((p.bottom for p in parts[:i]), default=0.0)
    target = page_of(doc, max(0.0, before - 1)) + 1
    cursor = QTextCursor(block)
    original = block.blockFormat()
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    fmt.setTopMargin(0)
    cursor.mergeBlockFormat(fmt)
    if page_of(doc, doc.documentLayout().blockBoundingRect(block).top()) == target:
        return True
    cursor.setBlockFormat(original)
    return False


def break_before(doc: QTextDocument, parts: list[Item], i: int) -> bool:
    """Start a new page with the block ``parts[i]``. Right after a table that ends at a
    page's foot Qt already counts the next page as begun (the heading after it then prints
    across the page's foot, and a break before it would leave a page empty): then the
    section before moves to the new page with it, its own heading broken before instead.
    A heading right under another one (a section's first subsection) takes the one above it
    along. Returns whether a break was kept."""
    while i > 0 and parts[i].level and parts[i - 1].level:
        i -= 1
    if _try_break(doc, parts, i):
        return True
    for k in range(i - 1, 0, -1):
        if parts[k].level:
            return _try_break(doc, items(doc), k)
    return False


def _set_push(table: QTextTable, row: int, push: float | None) -> None:
    """Grow the bottom padding of each cell of ``row`` by ``push`` (None: give the cells their
    own padding back). Qt counts a cell's padding in its row's height, not the margin of the
    cell's last block. One edit block: the document is laid out again once, not per cell."""
    cells = _row_cells(table, row)
    if not cells:
        return
    edit = cells[0].firstCursorPosition()
    edit.beginEditBlock()
    try:
        for cell in cells:
            fmt = cell.format().toTableCellFormat()
            own = fmt.property(ROW_PUSH)
            own = fmt.bottomPadding() if own is None else float(own)
            if push is None:
                fmt.setBottomPadding(own)
                fmt.clearProperty(ROW_PUSH)
            else:
                fmt.setBottomPadding(own + push)
                fmt.setProperty(ROW_PUSH, own)
            cell.setFormat(fmt)
    finally:
        edit.endEditBlock()


def _pushed(table: QTextTable, row: int) -> bool:
    return any(c.format().hasProperty(ROW_PUSH) for c in _row_cells(table, row))


def push_row(doc: QTextDocument, table: QTextTable, row: int) -> bool:
    """Start the next page with ``row`` of ``table``: the row before it is made taller, down
    to the page's foot, as Qt itself does when no line of a row fits; the table's header
    repeats above the row. Returns whether the row then starts the next page (else the push
    is taken back: a row taller than a page is printed on two)."""
    top, _ = row_extent(doc, table, row)
    page = page_of(doc, top)
    foot = (page + 1) * doc.pageSize().height()
    push = max(PUSH_STEP, foot - top - 4 * PUSH_STEP)
    while push <= foot - top + 20 * PUSH_STEP:
        _set_push(table, row - 1, push)
        new_top, new_bottom = row_extent(doc, table, row)
        if page_of(doc, new_top) > page:
            before_top, before_bottom = row_extent(doc, table, row - 1)
            if page_of(doc, new_top) == page_of(doc, new_bottom - 1) \
                    and page_of(doc, before_top) == page_of(doc, before_bottom - 1):
                return True
            break
        push += PUSH_STEP
    _set_push(table, row - 1, None)
    return False


def _stale_pushes(doc: QTextDocument) -> int:
    """Take back the pushes that pages broken since have made needless: a row pushed to the
    next page that would not be split without it. Returns how many were taken back."""
    undone = 0
    for p in items(doc):
        table = p.table
        if table is None:
            continue
        for r in range(table.rows() - 1):
            if _pushed(table, r):
                _set_push(table, r, None)
                if r + 1 in split_rows(doc, table):
                    push_row(doc, table, r + 1)
                else:
                    undone += 1
    return undone


def _keep_headings(doc: QTextDocument, tried: set[int]) -> int:
    """Page breaks before headings until no section that fits on a page is split, no heading
    ends a page and no line prints across a page's foot; returns the breaks inserted."""
    breaks = 0
    for _ in range(MAX_ROUNDS):
        parts = items(doc)
        todo = [(i, b) for _kind, i in violations(doc, parts)
                if (b := parts[i].block) is not None and b.position() not in tried]
        if not todo:
            break
        i, block = todo[0]
        tried.add(block.position())
        if break_before(doc, parts, i):
            breaks += 1
    return breaks


def paginate(doc: QTextDocument) -> int:
    """Insert page breaks until no section that fits on a page is split, no heading ends a
    page, no line prints across a page's foot and no table row is printed on two pages (call
    after ``setPageSize``); returns the number of breaks inserted. Rows are pushed in
    document order once the headings are placed; each push moves only what follows it, and
    the headings after it are placed again (a break they need can make an earlier push
    needless: it is then taken back)."""
    tried: set[int] = set()
    breaks = _keep_headings(doc, tried)
    failed: set[tuple[int, int]] = set()
    for _ in range(MAX_ROUNDS):
        todo = [(p.table, r) for p in items(doc) if p.table is not None
                for r in split_rows(doc, p.table)
                if (p.table.firstPosition(), r) not in failed]
        if not todo:
            break
        table, row = todo[0]
        if push_row(doc, table, row):
            breaks += 1
        else:
            failed.add((table.firstPosition(), row))
        moved = _keep_headings(doc, tried)
        if moved:  # a page broken before a heading moves the rows pushed before it too
            breaks += moved
            _stale_pushes(doc)
    return breaks
