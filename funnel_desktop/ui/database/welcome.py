"""The first-run welcome: name the business, choose the language, the currency and a pipeline
template (shown with its stages), and optionally load the demo business."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.templates import PipelineTemplate
from ...services import Services
from ..common import ask, wheel_guard
from ..common.language import LANGUAGE_KEY, TRANSLATION
from ..settings.settings_dialog import language_names
from .setup_form import DatabaseSetup, SetupForm, set_up_database

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class WelcomeChoice:
    """What the user chose on the welcome page."""

    business: str
    lang: str  # en / zh
    currency: str  # ISO code
    template: str  # a code of core.templates.TEMPLATES
    demo: bool = False

    def setup(self) -> DatabaseSetup:
        return DatabaseSetup(self.business, self.currency, self.template)


class WelcomeDialog(QDialog):
    """The first-run page: the new database's form (:class:`SetupForm`) with the language
    and the demo. Changing the language switches the app's translation at once (the page is
    written again), and the templates show their stage names in that language."""

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_guard.install()
        self.setObjectName("welcomeDialog")
        self.setMinimumSize(760, 560)
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

        self.form = SetupForm(lang)
        self.business, self.currency = self.form.business, self.form.currency
        self.templates, self.stages = self.form.templates, self.form.stages
        self.language = QComboBox()
        for code, name in language_names():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.form.form.insertRow(1, self.language_label, self.language)
        QWidget.setTabOrder(self.business, self.language)  # Tab goes down the form
        QWidget.setTabOrder(self.language, self.currency)
        lay.addWidget(self.form, 1)

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
        self.retranslate()
        self.business.setFocus()

    # -- language -----------------------------------------------------------------------------
    def lang(self) -> str:
        return str(self.language.currentData())

    def _language_chosen(self) -> None:
        TRANSLATION.switch(self.lang())  # Qt sends LanguageChange: see changeEvent
        self.form.follow_language(self.lang())
        self.retranslate()

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
        self.language_label.setText(self.tr("&Language:"))
        self.demo.setText(self.tr("Load a &demo business (300 sample deals) to try things out"))
        self.demo_note.setText(self.tr("The demo fills the B2B six-stage pipeline with sample "
                                       "customers and deals; the template you pick is added "
                                       "beside it. Start with an empty database for real "
                                       "work."))
        self.start_button.setText(self.tr("&Start"))
        self.quit_button.setText(self.tr("&Quit"))
        self.form.retranslate()

    def chosen_template(self) -> PipelineTemplate:
        return self.form.chosen_template()

    def choice(self) -> WelcomeChoice:
        setup = self.form.setup()
        return WelcomeChoice(setup.business, self.lang(), setup.currency, setup.template,
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
    return set_up_database(services, choice.setup(), choice.lang)
