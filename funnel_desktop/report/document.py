"""The report as a paginated QTextDocument, painted to a PDF file or any printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from ..core.weekly_report import WeeklyReportData
from ..locale_format import Formatter
from ..texts.moments import period_words
from .charts import forecast_image, funnel_image
from .html import render_html
from .pagination import paginate

translate = QCoreApplication.translate
LAYOUT_DPI = 96  # the document is laid out at 96 dpi and scaled to the device
PDF_DPI = 300
MARGIN_MM = 15.0
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def cjk_font_family() -> str | None:
    """An installed font that has Chinese glyphs, or None (then Chinese prints as boxes)."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def build_document(data: WeeklyReportData, fmt: Formatter, findings_text=None) -> QTextDocument:
    """The report's document with its two chart images as resources."""
    doc = QTextDocument()
    layout_device = QImage(8, 8, QImage.Format.Format_RGB32)
    dpm = round(LAYOUT_DPI / 0.0254)
    layout_device.setDotsPerMeterX(dpm)
    layout_device.setDotsPerMeterY(dpm)
    doc.documentLayout().setPaintDevice(layout_device)
    font = QFont()
    family = cjk_font_family()
    if family:
        font.setFamilies([font.family(), family] if not fmt.zh else [family])
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    # wrap at word boundaries only: a narrow column grows to its longest word ("Probability"
    # whole, not "Probabili / ty"); Chinese still breaks between characters
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    target = next((t.target for t in data.targets if t.kind == "month"), None)
    cohort = period_words(fmt, data.conversion_period)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("funnel.png"),
                    funnel_image(data.funnel, fmt,
                                 translate("WeeklyReport", "Bars: deals created %1 that reached "
                                           "the stage").replace("%1", cohort),
                                 translate("WeeklyReport", "Beside: in the stage now, deals · "
                                           "value")))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("forecast.png"),
                    forecast_image(data.forecast, data.overdue, fmt,
                                   translate("WeeklyReport", "Overdue"), target,
                                   legend_words=(
                                       translate("WeeklyReport", "Weighted"),
                                       translate("WeeklyReport", "Overdue"),
                                       translate("WeeklyReport", "P10–P90 (tick: P50)"),
                                       translate("WeeklyReport", "This month's target"))))
    doc.setHtml(render_html(data, fmt, findings_text))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                           translate("WeeklyReport", "Weekly funnel report") + " "
                           + data.week_label)
    return doc


FOOTER_H = 18  # layout px reserved for the footer


def page_size(layout: QPageLayout, dpi: int) -> QSizeF:
    """The document's page (layout px) on a device of ``dpi`` with ``layout``: the paint
    rectangle less the footer."""
    paint_rect = layout.paintRectPixels(dpi)
    scale = dpi / LAYOUT_DPI
    return QSizeF(paint_rect.width() / scale, paint_rect.height() / scale - FOOTER_H)


def lay_out(doc: QTextDocument, page: QSizeF) -> int:
    """Lay ``doc`` out on pages of ``page`` size with the report's page breaks
    (:func:`report.pagination.paginate`); returns the page count."""
    doc.setPageSize(page)
    paginate(doc)
    return doc.pageCount()


def paint_document(doc: QTextDocument, device: QPagedPaintDevice, footer: str) -> int:
    """Paint ``doc`` page by page on ``device`` (a QPdfWriter or QPrinter) with a footer line
    "footer · page n of m"; returns the page count."""
    dpi = device.logicalDpiX()
    scale = dpi / LAYOUT_DPI
    footer_h = FOOTER_H
    page = page_size(device.pageLayout(), dpi)
    pages = lay_out(doc, page)
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        foot_font = QFont(doc.defaultFont())
        foot_font.setPixelSize(10)  # layout px: the painter is scaled
        for n in range(pages):
            if n:
                device.newPage()
            painter.save()
            painter.translate(0, -n * page.height())
            doc.drawContents(painter, QRectF(0, n * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(foot_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            text = translate("WeeklyReport", "%1 · page %2 of %3").replace("%1", footer) \
                .replace("%2", str(n + 1)).replace("%3", str(pages))
            painter.drawText(QRectF(0, page.height() + 4, page.width(), footer_h - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
    finally:
        painter.end()
    return pages


def page_layout(size: str = "A4") -> QPageLayout:
    return QPageLayout(QPageSize(PAGE_SIZES.get(size, QPageSize.PageSizeId.A4)),
                       QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def write_pdf(doc: QTextDocument, path: str | Path, footer: str, size: str = "A4") -> int:
    """Write the document as a PDF (fonts embedded) and return its page count.

    The file is written next to its destination first and moved into place, so a failure
    leaves no half-written PDF."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(size))
    writer.setCreator("Funnel Desktop")
    writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    pages = paint_document(doc, writer, footer)
    del writer  # flushes and closes the file
    if not tmp.exists() or tmp.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    tmp.replace(path)
    return pages
