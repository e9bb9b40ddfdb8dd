"""What a new database asks: the business's name, the currency its amounts are kept in and the
sales stages (a shipped template, shown with its stages) — the form the first-run welcome and
File ▸ New database share, and setting a blank database up as chosen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.templates import DEFAULT_TEMPLATE, TEMPLATES, PipelineTemplate, template
from ...services import Services
from ...store.pipeline_rows import template_pipeline
from ..settings.settings_dialog import CURRENCIES, currency_label, default_currency


@dataclass(frozen=True, slots=True)
class DatabaseSetup:
    """What the user chose for a new database."""

    business: str  # "" when left empty
    currency: str  # ISO code
    template: str  # a code of core.templates.TEMPLATES


def kind_name(kind: str) -> str:
    """``open`` / ``won`` / ``lost`` in words."""
    translate = QCoreApplication.translate
    return {"open": translate("Stages", "Open"), "won": translate("Stages", "Won"),
            "lost": translate("Stages", "Lost")}.get(kind, kind)


def stage_probability_text(probability: int, kind: str) -> str:
    """``25 %`` for an open stage, else the kind in words (Won / Lost)."""
    if kind == "open":
        return QCoreApplication.translate("Stages", "%1 %").replace("%1", str(probability))
    return kind_name(kind)


class SetupForm(QWidget):
    """Business name, currency, and the template list beside the chosen template's stages.
    :attr:`form` is the upper form (the welcome page adds its language row to it); the
    currency follows :meth:`follow_language` until the user picks one."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._currency_touched = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.business = QLineEdit()
        self.business.setObjectName("setupBusiness")
        self.business.setMaxLength(120)
        self.business_label = QLabel()
        self.business_label.setBuddy(self.business)
        self.form.addRow(self.business_label, self.business)
        self.currency = QComboBox()
        self.currency.setObjectName("setupCurrency")
        for code in CURRENCIES:
            self.currency.addItem("", code)
        self.currency.setCurrentIndex(self.currency.findData(default_currency(lang)))
        self.currency_label = QLabel()
        self.currency_label.setBuddy(self.currency)
        self.form.addRow(self.currency_label, self.currency)
        lay.addLayout(self.form)

        self.template_title = QLabel()
        self.template_title.setObjectName("sectionTitle")
        lay.addWidget(self.template_title)
        pick = QHBoxLayout()
        self.templates = QListWidget()
        self.templates.setObjectName("templateList")
        for t in TEMPLATES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            self.templates.addItem(item)
        self.templates.setMaximumWidth(280)
        self.template_title.setBuddy(self.templates)
        self.stages = QTreeWidget()
        self.stages.setObjectName("templateStages")
        self.stages.setRootIsDecorated(False)
        self.stages.setColumnCount(2)
        self.stages.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.stages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        head = self.stages.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        head.resizeSection(1, 110)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        pick.addWidget(self.templates)
        pick.addWidget(self.stages, 1)
        lay.addLayout(pick, 1)

        self.currency.activated.connect(self._currency_chosen)
        self.templates.currentRowChanged.connect(lambda _r: self._show_stages())
        self.templates.setCurrentRow(next(i for i, t in enumerate(TEMPLATES)
                                          if t.code == DEFAULT_TEMPLATE))
        self.retranslate()

    def _currency_chosen(self) -> None:
        self._currency_touched = True

    def follow_language(self, lang: str) -> None:
        """Show the templates in ``lang`` and, unless the user chose one, offer its
        currency."""
        self._lang = lang
        if not self._currency_touched:
            self.currency.setCurrentIndex(self.currency.findData(default_currency(lang)))
        self.retranslate()

    def retranslate(self) -> None:
        """Write every text again (after a language change)."""
        self.business_label.setText(self.tr("&Business name:"))
        self.business.setPlaceholderText(self.tr("e.g. Acme Trading Co."))
        self.business.setToolTip(self.tr("Shown in the window's title and on the reports."))
        self.currency_label.setText(self.tr("&Currency:"))
        self.currency.setToolTip(self.tr("The amounts are kept in this currency; Settings "
                                         "can change how it is shown later."))
        for i in range(self.currency.count()):
            self.currency.setItemText(i, currency_label(str(self.currency.itemData(i))))
        self.template_title.setText(self.tr("Your sales s&tages: pick the template closest to "
                                            "how you sell"))
        self.templates.setAccessibleName(self.tr("Pipeline templates"))
        self.stages.setAccessibleName(self.tr("Stages of the chosen template"))
        self.stages.setHeaderLabels([self.tr("Stage"), self.tr("Win chance")])
        self.stages.headerItem().setTextAlignment(
            1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        zh = self._lang == "zh"
        for i in range(self.templates.count()):
            item = self.templates.item(i)
            t = template(str(item.data(Qt.ItemDataRole.UserRole)))
            item.setText(t.zh if zh else t.en)
        if self.templates.isVisible():  # else laid out when shown (see showEvent)
            self.templates.doItemsLayout()
        self._show_stages()

    def showEvent(self, event: QShowEvent) -> None:
        """Lay the template rows out again once the style sheet has polished the list (they
        were placed, choosing the current row, before its rows' padding applied)."""
        super().showEvent(event)
        self.templates.doItemsLayout()

    def chosen_template(self) -> PipelineTemplate:
        item = self.templates.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item else DEFAULT_TEMPLATE
        return template(str(code))

    def _show_stages(self) -> None:
        zh = self._lang == "zh"
        self.stages.clear()
        for s in self.chosen_template().stages:
            row = QTreeWidgetItem([s.zh if zh else s.en,
                                   stage_probability_text(s.probability, s.kind)])
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.stages.addTopLevelItem(row)

    def setup(self) -> DatabaseSetup:
        return DatabaseSetup(" ".join(self.business.text().split()),
                             str(self.currency.currentData()), self.chosen_template().code)


def set_up_database(services: Services, setup: DatabaseSetup, lang: str) -> int:
    """Set up a blank database as chosen: the kept lists (in ``lang``), the template's
    pipeline (unless one from it is there, e.g. the demo's), the business name and the
    currency. Returns the id of the template's pipeline."""
    services.seed_lists(lang)
    existing = template_pipeline(setup.template)
    pid = existing if existing is not None else \
        services.create_pipeline(setup.template, lang).value
    if setup.business:
        services.set_setting("business_name", setup.business)
    services.set_setting("currency", setup.currency)
    return int(pid)
