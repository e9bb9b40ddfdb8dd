"""The first-run welcome: name the business, choose the language, the currency and a pipeline
template (shown with its stages), and optionally load the demo business."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.templates import DEFAULT_TEMPLATE, TEMPLATES, PipelineTemplate, template
from ...services import Services
from ...store.pipeline_rows import template_pipeline
from ..common import ask, wheel_guard
from ..common.language import LANGUAGE_KEY, TRANSLATION
from ..settings.settings_dialog import CURRENCIES, currency_label, default_currency, language_names

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class WelcomeChoice:
    """What the user chose on the welcome page."""

    business: str
    lang: str  # en / zh
    currency: str  # ISO code
    template: str  # a code of core.templates.TEMPLATES
    demo: bool = False


def kind_name(kind: str) -> str:
    """``open`` / ``won`` / ``lost`` in words."""
    return {"open": translate("Stages", "Open"), "won": translate("Stages", "Won"),
            "lost": translate("Stages", "Lost")}.get(kind, kind)


def stage_probability_text(probability: int, kind: str) -> str:
    return translate("Stages", "%1 %").replace("%1", str(probability)) if kind == "open" \
        else kind_name(kind)


class WelcomeDialog(QDialog):
    """The first-run page. Changing the language switches the app's translation at once (the
    page is written again), and the templates show their stage names in that language."""

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_guard.install()
        self.setObjectName("welcomeDialog")
        self.setMinimumSize(760, 560)
        self._currency_touched = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("welcomeHeading")
        self.intro = QLabel()
        self.intro.setObjectName("sectionNote")
        self.intro.setWordWrap(True)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.business = QLineEdit()
        self.business.setMaxLength(120)
        self.business_label = QLabel()
        self.business_label.setBuddy(self.business)
        form.addRow(self.business_label, self.business)
        self.language = QComboBox()
        for code, name in language_names():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem("", code)
        self.currency.setCurrentIndex(self.currency.findData(default_currency(lang)))
        self.currency_label = QLabel()
        self.currency_label.setBuddy(self.currency)
        form.addRow(self.currency_label, self.currency)
        lay.addLayout(form)

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

        self.demo = QCheckBox()
        self.demo_note = QLabel()
        self.demo_note.setObjectName("fieldCaption")
        self.demo_note.setWordWrap(True)
        lay.addWidget(self.demo)
        lay.addWidget(self.demo_note)
        # Buttons of our own: the box writes its standard buttons again ("OK", "Cancel") in
        # the new language when the language changes, over "Start" and "Quit".
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("primaryButton")
        self.start_button.setDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self.language.currentIndexChanged.connect(self._language_chosen)
        self.currency.activated.connect(self._currency_chosen)
        self.templates.currentRowChanged.connect(lambda _r: self._show_stages())
        self.templates.setCurrentRow(next(i for i, t in enumerate(TEMPLATES)
                                          if t.code == DEFAULT_TEMPLATE))
        self.retranslate()
        self.business.setFocus()

    # -- language -----------------------------------------------------------------------------
    def lang(self) -> str:
        return str(self.language.currentData())

    def _language_chosen(self) -> None:
        if not self._currency_touched:
            self.currency.setCurrentIndex(self.currency.findData(default_currency(self.lang())))
        TRANSLATION.switch(self.lang())  # Qt sends LanguageChange: see changeEvent
        self.retranslate()

    def _currency_chosen(self) -> None:
        self._currency_touched = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Write every text again (after a language change)."""
        self.setWindowTitle(self.tr("Welcome to Funnel Desktop"))
        self.heading.setText(self.tr("Welcome to Funnel Desktop"))
        self.intro.setText(self.tr("A few choices to set up your sales funnel. You can change "
                                   "all of them later in Tools ▸ Settings and Tools ▸ "
                                   "Pipelines."))
        self.business_label.setText(self.tr("&Business name:"))
        self.business.setPlaceholderText(self.tr("e.g. Acme Trading Co."))
        self.language_label.setText(self.tr("&Language:"))
        self.currency_label.setText(self.tr("&Currency:"))
        for i in range(self.currency.count()):
            self.currency.setItemText(i, currency_label(str(self.currency.itemData(i))))
        self.template_title.setText(self.tr("Your sales stages: pick the template closest to "
                                            "how you sell"))
        self.templates.setAccessibleName(self.tr("Pipeline templates"))
        self.stages.setAccessibleName(self.tr("Stages of the chosen template"))
        self.stages.setHeaderLabels([self.tr("Stage"), self.tr("Win chance")])
        self.stages.headerItem().setTextAlignment(
            1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.demo.setText(self.tr("Load a &demo business (300 sample deals) to try things out"))
        self.demo_note.setText(self.tr("The demo fills the B2B six-stage pipeline with sample "
                                       "customers and deals; the template you pick is added "
                                       "beside it. Start with an empty database for real "
                                       "work."))
        self.start_button.setText(self.tr("&Start"))
        self.quit_button.setText(self.tr("&Quit"))
        zh = self.lang() == "zh"
        for i in range(self.templates.count()):
            item = self.templates.item(i)
            t = template(str(item.data(Qt.ItemDataRole.UserRole)))
            item.setText(t.zh if zh else t.en)
        self._show_stages()

    # -- templates ----------------------------------------------------------------------------
    def chosen_template(self) -> PipelineTemplate:
        item = self.templates.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item else DEFAULT_TEMPLATE
        return template(str(code))

    def _show_stages(self) -> None:
        t = self.chosen_template()
        zh = self.lang() == "zh"
        self.stages.clear()
        for s in t.stages:
            row = QTreeWidgetItem([s.zh if zh else s.en,
                                   stage_probability_text(s.probability, s.kind)])
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.stages.addTopLevelItem(row)

    def choice(self) -> WelcomeChoice:
        return WelcomeChoice(self.business.text().strip(), self.lang(),
                             str(self.currency.currentData()), self.chosen_template().code,
                             self.demo.isChecked())


def ask_welcome(parent: QWidget | None, lang: str) -> WelcomeChoice | None:
    """Show the welcome page; the user's choice, or None when they quit (tests replace this)."""
    dlg = WelcomeDialog(lang, parent)
    accepted = ask.run_dialog(dlg) == QDialog.DialogCode.Accepted
    return dlg.choice() if accepted else None


def apply_first_run(services: Services, choice: WelcomeChoice, settings: QSettings) -> int:
    """Set up an empty database as chosen: the kept lists and the pipeline (or the demo
    business and the chosen template beside it), the business name and the currency; the
    language becomes the user's preference. Returns the id of the chosen template's pipeline."""
    from ...services.demo import generate

    settings.setValue(LANGUAGE_KEY, choice.lang)
    if choice.demo:
        generate(services, lang=choice.lang)
    else:
        services.seed_lists(choice.lang)
    existing = template_pipeline(choice.template)
    pid = existing if existing is not None else \
        services.create_pipeline(choice.template, choice.lang).value
    if choice.business:
        services.set_setting("business_name", choice.business)
    services.set_setting("currency", choice.currency)
    return int(pid)
