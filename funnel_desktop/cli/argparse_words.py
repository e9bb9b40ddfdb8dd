"""argparse's own words — "usage:", "options", its error messages — in the command line's
language: argparse looks each one up through its module's ``_`` and ``ngettext`` (gettext's)
when it writes it, so those two are pointed at the translation installed for the run."""

from __future__ import annotations

import argparse

from .output import translate


def _words() -> dict[str, str]:
    """Each message argparse shows a user, by its English text (the placeholders stay)."""
    return {
        "usage: ": translate("Argparse", "usage: "),
        "positional arguments": translate("Argparse", "positional arguments"),
        "options": translate("Argparse", "options"),
        "show this help message and exit": translate("Argparse", "show this help message and exit"),
        "the following arguments are required: %s":
            translate("Argparse", "the following arguments are required: %s"),
        "argument %(argument_name)s: %(message)s":
            translate("Argparse", "argument %(argument_name)s: %(message)s"),
        "invalid choice: %(value)r (choose from %(choices)s)":
            translate("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        "invalid %(type)s value: %(value)r":
            translate("Argparse", "invalid %(type)s value: %(value)r"),
        "unrecognized arguments: %s": translate("Argparse", "unrecognized arguments: %s"),
        "expected one argument": translate("Argparse", "expected one argument"),
        "expected at least one argument": translate("Argparse", "expected at least one argument"),
        "expected at most one argument": translate("Argparse", "expected at most one argument"),
        "expected %s argument": translate("Argparse", "expected %s argument"),
        "expected %s arguments": translate("Argparse", "expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s":
            translate("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
        "ignored explicit argument %r": translate("Argparse", "ignored explicit argument %r"),
        "not allowed with argument %s": translate("Argparse", "not allowed with argument %s"),
        "one of the arguments %s is required":
            translate("Argparse", "one of the arguments %s is required"),
        "unknown parser %(parser_name)r (choices: %(choices)s)":
            translate("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
        "can't open '%(filename)s': %(error)s":
            translate("Argparse", "can't open '%(filename)s': %(error)s"),
    }


def error_word() -> str:
    """The word before an argument error: ``funnel-desktop demo: error: …``."""
    return translate("Argparse", "error")


def install() -> None:
    """Make argparse write its words in the language installed now."""
    words = _words()

    def gettext(text: str) -> str:
        return words.get(text, text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
