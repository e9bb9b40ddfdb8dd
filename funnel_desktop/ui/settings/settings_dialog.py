"""Settings: the business settings kept in the database (name, currency, 万, week start,
A/B/C/D thresholds, idle limit, health thresholds, backups) and the user's language (kept in
QSettings). Everything is checked before anything is saved."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.classify import ClassThresholds
from ...core.errors import FunnelError, ValidationError
from ...core.health import HealthThresholds
from ...core.money import parse_amount
from ...i18n import normalise
from ...locale_format import CURRENCY_SYMBOLS
from ...services import Services
from ...store.backup import DEFAULT_KEEP, KEEP_SETTING
from ...store.queries import get_setting, health_thresholds
from ..common import ask
from ..common.fields import FieldErrors
from ..common.fmt import Formatter
from ..common.messages import error_text
from ..common.operations import runner_for

translate = QCoreApplication.translate

#: The currencies offered (ISO codes); the sign comes from locale_format.CURRENCY_SYMBOLS.
CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD", "JPY", "TWD", "SGD")


def currency_name(code: str) -> str:
    return {"CNY": translate("Currency", "Chinese yuan"),
            "USD": translate("Currency", "US dollar"),
            "EUR": translate("Currency", "Euro"),
            "GBP": translate("Currency", "British pound"),
            "HKD": translate("Currency", "Hong Kong dollar"),
            "JPY": translate("Currency", "Japanese yen"),
            "TWD": translate("Currency", "New Taiwan dollar"),
            "SGD": translate("Currency", "Singapore dollar")}.get(code, code)


def currency_label(code: str) -> str:
    """``Chinese yuan (CNY, ¥)``."""
    return (translate("Currency", "%1 (%2, %3)").replace("%1", currency_name(code))
            .replace("%2", code).replace("%3", CURRENCY_SYMBOLS.get(code, code)))


def default_currency(lang: str) -> str:
    """The currency offered first: yuan for Chinese, dollars for English."""
    return "CNY" if normalise(lang) == "zh" else "USD"


def language_names(with_system: bool = False) -> list[tuple[str, str]]:
    """(code, name) of the languages: each named in itself; "" follows the system."""
    out = [("en", "English"), ("zh", "中文")]
    if with_system:
        system = dict(out)[normalise("")]
        out.insert(0, ("", translate("Settings", "Follow the system (%1)").replace("%1",
                                                                                     system)))
    return out


@dataclass(frozen=True, slots=True)
class BusinessSettings:
    """The business settings as stored (money in minor units)."""

    business_name: str = ""
    currency: str = "CNY"
    use_wan: bool = True
    week_start: int = 0  # 0 = Monday … 6 = Sunday
    big_amount: int = ClassThresholds().big_amount
    soon_days: int = ClassThresholds().soon_days
    backup_keep: int = DEFAULT_KEEP
    health: HealthThresholds = field(default_factory=HealthThresholds)
    team_read: bool = False  # team mode: salespeople read (not change) their team's deals

    @classmethod
    def load(cls) -> BusinessSettings:
        """The settings of the open database (defaults for what is missing or unusable)."""
        d = cls()
        code = get_setting("currency", None)
        if not code:
            symbol = get_setting("currency_symbol", None)
            code = next((c for c in CURRENCIES if CURRENCY_SYMBOLS[c] == symbol), d.currency)
        health = health_thresholds()[0]

        def number(key: str, default: int) -> int:
            try:
                return int(get_setting(key, default))
            except (TypeError, ValueError):
                return default

        return cls(str(get_setting("business_name", "") or ""), str(code),
                   bool(get_setting("use_wan", True)),
                   number("week_start", 0) % 7, number("class_big_amount", d.big_amount),
                   number("class_soon_days", d.soon_days), number(KEEP_SETTING, d.backup_keep),
                   health, get_setting("team_read", False) is True)

    def stored(self) -> dict[str, Any]:
        """Setting key → JSON value."""
        return {"business_name": self.business_name, "currency": self.currency,
                "use_wan": self.use_wan, "week_start": self.week_start,
                "class_big_amount": self.big_amount, "class_soon_days": self.soon_days,
                KEEP_SETTING: self.backup_keep, "health_thresholds": self.health.to_dict(),
                "team_read": self.team_read}

    def changed_from(self, old: BusinessSettings) -> dict[str, Any]:
        """The settings that differ from ``old``."""
        before = old.stored()
        return {k: v for k, v in self.stored().items() if before.get(k) != v}


@dataclass(frozen=True, slots=True)
class HealthField:
    """How one HealthThresholds field is edited: its range, and whether it is a share in
    [0, 1] edited as whole percent."""

    key: str
    low: float
    high: float
    percent: bool = False
    decimals: int = 0
    step: float = 1


#: The health thresholds by section, in the order shown (texts: :func:`health_texts`).
HEALTH_SECTIONS: tuple[tuple[str, tuple[HealthField, ...]], ...] = (
    ("coverage", (HealthField("min_open_deals", 0, 100_000),
                  HealthField("min_coverage", 0, 100, decimals=1, step=0.5))),
    ("lumpy", (HealthField("lumpy_share", 0, 100, percent=True),
               HealthField("lumpy_empty_months", 1, 24),
               HealthField("lumpy_empty_share", 0, 100, percent=True),
               HealthField("lumpy_horizon_months", 1, 36))),
    ("busy", (HealthField("busy_min_activities", 0, 1_000_000),
              HealthField("thin_max_share", 0, 100, percent=True))),
    ("bottleneck", (HealthField("small_bands", 0, 10),
                    HealthField("bottleneck_ratio", 0, 1, decimals=2, step=0.05),
                    HealthField("bottleneck_ideal_gap", 0, 100),
                    HealthField("bottleneck_min_reached", 0, 1_000_000))),
    ("decision", (HealthField("early_stages", 0, 20),)),
)


def health_section_title(key: str) -> str:
    return {"coverage": translate("Settings", "Open deals and coverage"),
            "lumpy": translate("Settings", "Lumpy months"),
            "busy": translate("Settings", "Busy but thin"),
            "bottleneck": translate("Settings", "Deal sizes and bottlenecks"),
            "decision": translate("Settings", "Decision makers")}[key]


def health_texts(key: str) -> tuple[str, str, str]:
    """(label, unit in the box, the rest of the sentence after the box) of a threshold."""
    t = {
        "min_open_deals": (translate("Settings", "Too few open deals: warn below"),
                           translate("Settings", " deals"),
                           translate("Settings", "in follow-up")),
        "min_coverage": (translate("Settings", "Pipeline coverage: warn below"),
                         translate("Settings", " ×"),
                         translate("Settings", "what is still missing to the target")),
        "lumpy_share": (translate("Settings", "One month holds more than"),
                        translate("Settings", " %"),
                        translate("Settings", "of the expected value")),
        "lumpy_empty_months": (translate("Settings", "…and the months after it are empty for"),
                               translate("Settings", " months"), ""),
        "lumpy_empty_share": (translate("Settings", "A month counts as empty below"),
                              translate("Settings", " %"),
                              translate("Settings", "of the expected value")),
        "lumpy_horizon_months": (translate("Settings", "Months looked at, from this one"),
                                 translate("Settings", " months"), ""),
        "busy_min_activities": (translate("Settings", "Busy: at least"),
                                translate("Settings", " follow-ups"),
                                translate("Settings", "logged on open deals")),
        "thin_max_share": (translate("Settings", "…and fewer than"),
                           translate("Settings", " %"),
                           translate("Settings", "of open deals past the first stage")),
        "small_bands": (translate("Settings", "Small deals are the first"),
                        translate("Settings", " size bands"), ""),
        "bottleneck_ratio": (translate("Settings", "Bottleneck: a conversion below"),
                             translate("Settings", " ×"),
                             translate("Settings", "the median of the other stages")),
        "bottleneck_ideal_gap": (translate("Settings", "…or further below its ideal than"),
                                 translate("Settings", " points"), ""),
        "bottleneck_min_reached": (translate("Settings", "Judge a stage once at least"),
                                   translate("Settings", " deals"),
                                   translate("Settings", "reached it")),
        "early_stages": (translate("Settings", "A decision maker may be unknown in the first"),
                         translate("Settings", " open stages"), ""),
    }
    return t[key]


class SettingsDialog(QDialog):
    """Tools ▸ Settings. ``language_changed`` tells the window to show itself again in the
    new language after a save."""

    def __init__(self, services: Services, settings: QSettings, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(760, 600)
        self.services = services
        self.runner = runner_for(parent)
        self.qsettings = settings
        self.lang = normalise(lang)
        self.language_changed = False
        self.loaded = BusinessSettings.load()
        self.errors = FieldErrors()
        self.fmt = Formatter(self.lang)
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.tabs.addTab(self._deals_tab(), self.tr("&Deals and customers"))
        self.tabs.addTab(self._health_tab(), self.tr("&Health checks"))
        lay.addWidget(self.tabs, 1)
        note = QLabel(self.tr("Probabilities, idle limits, ideal conversions and advancement "
                              "questions of each stage are set in Tools ▸ Pipelines."))
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save"))
        save.setObjectName("primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setText(self.tr("&Restore defaults"))
        defaults.setToolTip(self.tr("Put the numbers back to the defaults (the name, the "
                                    "currency and the language stay)"))
        defaults.clicked.connect(self.restore_defaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.show_values(self.loaded)
        self._limit_to_role(defaults)

    def _limit_to_role(self, defaults: QWidget) -> None:
        """On a team server only an admin changes the business's settings; anyone may pick
        the language of their own window."""
        if self.services.role() == "admin":
            return
        why = self.tr("Only an admin may change the business's settings.")
        for widget in self.tabs.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox | QCheckBox | QSpinBox) \
                    and widget is not self.language and widget.parent() is not self.language:
                widget.setEnabled(False)
                widget.setToolTip(why)
        defaults.setEnabled(False)
        defaults.setToolTip(why)

    # -- building ---------------------------------------------------------------------------
    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setContentsMargins(16, 14, 16, 14)
        form.setVerticalSpacing(10)
        return page, form

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget,
             caption: str = "", after: str = "") -> None:
        lab = QLabel(label)
        lab.setBuddy(widget)  # Alt+letter; the name is set too, the label is not a sibling
        widget.setAccessibleName(label.replace("&", "").rstrip(":：").strip())
        line = QWidget()
        hl = QHBoxLayout(line)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(widget)
        if after:
            hl.addWidget(QLabel(after))
        hl.addStretch(1)
        box = self.errors.wrap(name, line, widget)
        if caption:
            cap = QLabel(caption)
            cap.setObjectName("fieldCaption")
            cap.setWordWrap(True)
            box_layout = box.layout()
            assert box_layout is not None  # the error box's
            box_layout.addWidget(cap)
        form.addRow(lab, box)

    @staticmethod
    def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        spin.setMinimumWidth(130)
        return spin

    def _general_tab(self) -> QWidget:
        page, form = self._form()
        self.business = QLineEdit()
        self.business.setMaxLength(120)
        self.business.setPlaceholderText(self.tr("e.g. Acme Trading Co."))
        self._row(form, self.tr("&Business name:"), "business_name", self.business,
                  self.tr("Printed at the top of the weekly report."))
        self.language = QComboBox()
        for code, name in language_names(with_system=True):
            self.language.addItem(name, code)
        stored = str(self.qsettings.value("ui/language", "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(
            stored if stored in ("en", "zh") else "")))
        self._row(form, self.tr("&Language:"), "language", self.language,
                  self.tr("The window is shown again in the new language when you save."))
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(currency_label(code), code)
        self._row(form, self.tr("&Currency:"), "currency", self.currency,
                  self.tr("Only the sign shown changes; amounts are not converted."))
        self.use_wan = QCheckBox(self.tr("Show large amounts in 万 and 亿 in Chinese (12.5万)"))
        form.addRow("", self.use_wan)
        self.week_start = QComboBox()
        locale = QLocale(QLocale.Language.Chinese if self.lang == "zh"
                         else QLocale.Language.English)
        for day in range(7):
            self.week_start.addItem(locale.dayName(day + 1), day)
        self._row(form, self.tr("&Week starts on:"), "week_start", self.week_start,
                  self.tr("Used by the weekly report."))
        self.backup_keep = self._spin(1, 500, self.tr(" backups"))
        self._row(form, self.tr("&Keep the last:"), "backup_keep", self.backup_keep,
                  self.tr("A backup is made each time the database is opened; older ones "
                          "are deleted."))
        return page

    def _deals_tab(self) -> QWidget:
        page, form = self._form()
        title = QLabel(self.tr("A/B/C/D classes"))
        title.setObjectName("sectionTitle")
        form.addRow(title)
        explain = QLabel(self.tr("A big and soon · B small and soon · C big but far · D small "
                                 "and far."))
        explain.setObjectName("sectionNote")
        explain.setWordWrap(True)
        form.addRow(explain)
        self.big_amount = QLineEdit()
        self.big_amount.setMaximumWidth(220)
        self._row(form, self.tr("&Big deal from:"), "big_amount", self.big_amount,
                  self.tr("A deal of this amount or more is big."), after=" ")
        row = self.big_amount.parentWidget()
        assert row is not None  # _row put it in a row with the currency after it
        self.big_currency = row.findChildren(QLabel)[0]
        self.currency.currentIndexChanged.connect(
            lambda _i: self.big_currency.setText(str(self.currency.currentData())))
        self.soon_days = self._spin(1, 3650, self.tr(" days"))
        self._row(form, self.tr("S&oon means within:"), "soon_days", self.soon_days,
                  self.tr("Expected to close within this many days from today."))
        title = QLabel(self.tr("Idle deals"))
        title.setObjectName("sectionTitle")
        form.addRow(title)
        self.idle_days = self._spin(0, 3650, self.tr(" days"))
        self.idle_days.setSpecialValueText(self.tr("No limit"))
        self._row(form, self.tr("Default &idle limit:"), "default_idle_days", self.idle_days,
                  self.tr("For stages without their own limit: a deal with no stage change "
                          "or follow-up for longer is idle (\u201crotting\u201d)."))
        self.team_read = QCheckBox(self.tr("Salespeople may read (not change) the deals of "
                                           "their team"))
        if self.services.session() is not None:  # a team's server
            title = QLabel(self.tr("Team"))
            title.setObjectName("sectionTitle")
            form.addRow(title)
            form.addRow("", self.team_read)
        return page

    def _health_tab(self) -> QWidget:
        inner, form = self._form()
        intro = QLabel(self.tr("When the health check reports a problem. The defaults follow "
                               "common practice."))
        intro.setObjectName("sectionNote")
        intro.setWordWrap(True)
        form.addRow(intro)
        self.health: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for section, fields in HEALTH_SECTIONS:
            title = QLabel(health_section_title(section))
            title.setObjectName("sectionTitle")
            form.addRow(title)
            for f in fields:
                spin: QSpinBox | QDoubleSpinBox
                if f.decimals:
                    spin = decimal = QDoubleSpinBox()
                    decimal.setDecimals(f.decimals)
                    decimal.setSingleStep(f.step)
                    decimal.setRange(f.low, f.high)
                else:
                    spin = QSpinBox()
                    spin.setRange(int(f.low), int(f.high))
                label, unit, after = health_texts(f.key)
                spin.setSuffix(unit)
                spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
                spin.setMinimumWidth(110)
                self.health[f.key] = spin
                self._row(form, label, f.key, spin, after=after)
        inner.setObjectName("settingsPage")
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    # -- values -----------------------------------------------------------------------------
    def show_values(self, s: BusinessSettings) -> None:
        """Fill the fields from ``s`` (the language is not touched)."""
        self.errors.clear()
        self.business.setText(s.business_name)
        i = self.currency.findData(s.currency)
        if i < 0:
            self.currency.addItem(s.currency, s.currency)
            i = self.currency.count() - 1
        self.currency.setCurrentIndex(i)
        self.use_wan.setChecked(s.use_wan)
        self.week_start.setCurrentIndex(s.week_start % 7)
        self.backup_keep.setValue(s.backup_keep)
        self.big_amount.setText(self.fmt.amount_input(s.big_amount))
        self.soon_days.setValue(s.soon_days)
        self.idle_days.setValue(s.health.default_idle_days or 0)
        self.team_read.setChecked(s.team_read)
        for f in (f for _s, fields in HEALTH_SECTIONS for f in fields):
            value = getattr(s.health, f.key)
            self.health[f.key].setValue(round(value * 100) if f.percent else value)

    def restore_defaults(self) -> None:
        """Default numbers; the name, currency and language stay as they are."""
        current = self.loaded
        d = BusinessSettings()
        self.show_values(dataclasses.replace(d, business_name=self.business.text(),
                                             currency=str(self.currency.currentData()),
                                             use_wan=current.use_wan))

    def collect(self) -> BusinessSettings | None:
        """The settings in the fields; None (with the problems shown at the fields) when
        something is not valid."""
        self.errors.clear()
        problems: list[tuple[str, str]] = []
        try:
            big = parse_amount(self.big_amount.text(), field="big_amount")
            if big <= 0:
                raise ValidationError("amount_invalid", "big_amount",
                                      value=self.big_amount.text())
        except ValidationError:
            problems.append(("big_amount", self.tr(
                "Write the big-deal amount as a positive number, like 100,000 (not "
                "\u201c%1\u201d).").replace("%1", self.big_amount.text().strip())))
            big = self.loaded.big_amount
        values: dict[str, Any] = {}
        for f in (f for _s, fields in HEALTH_SECTIONS for f in fields):
            number = self.health[f.key].value()
            values[f.key] = number / 100 if f.percent else number
        idle = self.idle_days.value()
        values["default_idle_days"] = idle or None
        try:
            health = HealthThresholds.from_dict(values)
        except ValidationError as err:
            problems.append((err.field or "", error_text(err)))
            health = self.loaded.health
        if values["lumpy_empty_share"] >= values["lumpy_share"]:
            problems.append(("lumpy_empty_share", self.tr(
                "An empty month must hold less of the expected value than a lumpy one "
                "(%1 % is not below %2 %).")
                .replace("%1", str(self.health["lumpy_empty_share"].value()))
                .replace("%2", str(self.health["lumpy_share"].value()))))
        for name, text in problems:
            self.errors.show(name, text)
        if problems:
            self._reveal(problems[0][0])
            return None
        return BusinessSettings(self.business.text().strip(), str(self.currency.currentData()),
                                self.use_wan.isChecked(), int(self.week_start.currentData()),
                                big, self.soon_days.value(), self.backup_keep.value(), health,
                                self.team_read.isChecked())

    def _refused(self, err: FunnelError) -> None:
        """The settings were not saved (all of them stay as they were)."""
        ask.error(self, self.tr("Settings"), error_text(err))
        self.loaded = BusinessSettings.load()

    def _reveal(self, name: str) -> None:
        widget = self.health.get(name) or getattr(self, name, None)
        if isinstance(widget, QWidget):
            for i in range(self.tabs.count()):
                page = self.tabs.widget(i)
                if page is not None and page.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(i)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Check everything, then store what changed; close when it all went through."""
        new = self.collect()
        if new is None:
            return False
        changed = new.changed_from(self.loaded)
        if changed and self.runner.run(
                self, self.tr("Settings"),
                lambda: self.services.set_settings(changed, initiator=self),
                undoable=False, on_error=self._refused) is None:
            return False
        self.loaded = new
        chosen = str(self.language.currentData())
        before = str(self.qsettings.value("ui/language", "") or "")
        if chosen != before:
            self.qsettings.setValue("ui/language", chosen)
        self.language_changed = normalise(chosen) != self.lang
        self.accept()
        return True
