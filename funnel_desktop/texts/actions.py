"""The names of actions (the change feed's labels) in the user's language: for the command
line's ``watch``, the window's notes about other people's changes and conflict messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def action_names() -> dict[str, str]:
    """Feed label → name, in the language of the installed translators."""
    return {
        "create deal": translate("Actions", "created a deal"),
        "edit deal": translate("Actions", "edited a deal"),
        "delete deals": translate("Actions", "deleted deals"),
        "move deals": translate("Actions", "moved deals"),
        "close won": translate("Actions", "marked deals won"),
        "close lost": translate("Actions", "marked deals lost"),
        "reopen deal": translate("Actions", "reopened a deal"),
        "log activity": translate("Actions", "logged a follow-up"),
        "activity done": translate("Actions", "ticked off a follow-up"),
        "save customer": translate("Actions", "saved a customer"),
        "delete customer": translate("Actions", "deleted a customer"),
        "create pipeline": translate("Actions", "created a pipeline"),
        "edit pipeline": translate("Actions", "edited a pipeline"),
        "delete pipeline": translate("Actions", "deleted a pipeline"),
        "seed lists": translate("Actions", "filled the kept lists"),
        "add to list": translate("Actions", "added to a kept list"),
        "edit list": translate("Actions", "edited a kept list"),
        "setting": translate("Actions", "changed a setting"),
        "set target": translate("Actions", "set a target"),
        "weekly note": translate("Actions", "wrote the weekly notes"),
        "import": translate("Actions", "imported a file"),
        "demo": translate("Actions", "made the demo data"),
    }


def action_name(label: str) -> str:
    """One feed label (``undo move deals`` included) as words."""
    names = action_names()
    for prefix, template in (("undo ", translate("Actions", "undid: %1")),
                             ("redo ", translate("Actions", "redid: %1"))):
        if label.startswith(prefix):
            inner = label[len(prefix):]
            return template.replace("%1", names.get(inner, inner))
    return names.get(label, label)
