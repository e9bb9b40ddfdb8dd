"""The ``funnel-desktop`` command: the app by default, and headless sub-commands."""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from typing import NoReturn

from .. import __version__
from ..core.errors import FunnelError, StoreError, ValidationError

#: Sub-command modules in ``funnel_desktop.cli``; each has ``register(sub)`` and ``run(args)``.
COMMANDS = ("demo", "metrics", "plan", "check", "health", "report", "import_", "export", "backup",
            "watch", "team")

EXIT_OK, EXIT_ERROR, EXIT_INPUT, EXIT_DATABASE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130


class Parser(argparse.ArgumentParser):
    """argparse's parser, its error messages (which quote the arguments given) with control
    characters escaped, as every message is."""

    def error(self, message: str) -> NoReturn:
        from ..core.errors import printable
        from .argparse_words import error_word

        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: {error_word()}: {printable(message, 400)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every sub-command; its help texts come out in the language whose
    translators are installed while it is built, argparse's own words too."""
    from . import argparse_words
    from .output import translate

    argparse_words.install()
    parser = Parser(
        prog="funnel-desktop",
        description=translate("Cli", "Funnel Desktop (销售漏斗管家): an offline sales-funnel "
                                     "manager. Without a command it opens the app."))
    parser.add_argument("--version", action="version", version=f"Funnel Desktop {__version__}",
                        help=translate("Cli", "show the program's version and exit"))
    parser.add_argument("--db", help=translate("Cli", "database file or URL (default: your "
                                                      "data folder)"))
    parser.add_argument("--lang", dest="ui_lang", choices=("en", "zh"),
                        help=translate("Cli", "language of the app and of the commands' "
                                              "output (before the command: funnel-desktop "
                                              "--lang zh metrics …; default: the app's "
                                              "language setting, else the system's)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def global_options(argv: list[str]) -> tuple[str | None, str | None, bool]:
    """``(lang, command, help)`` from the words before the command: the global ``--lang``
    (None when absent or not a language), the command's name and whether help is asked for
    (so that the parser can be built, with its help, in the chosen language)."""
    names = {n.rstrip("_") for n in COMMANDS}
    lang = command = None
    wants_help = False
    words = iter(argv)
    for word in words:
        if word in names:
            command = word
            break
        if word == "--lang":
            lang = next(words, None)
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
        elif word == "--db":
            next(words, None)
        elif word in ("-h", "--help"):
            wants_help = True
    rest = list(words)
    wants_help = wants_help or any(w in ("-h", "--help") for w in rest)
    return (lang if lang in ("en", "zh") else None), command, wants_help


def app_options(argv: list[str] | None = None) -> argparse.Namespace | None:
    """``--db`` and ``--lang`` when ``argv`` holds nothing else (no command, no ``--help``, no
    mistake): the app then starts without importing every command's module. None otherwise
    (the full parser takes over, with its help and its error messages)."""
    p = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    p.add_argument("--db")
    p.add_argument("--lang", dest="ui_lang", choices=("en", "zh"))
    try:
        args, rest = p.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 2 bad input, 3 database problem)."""
    app = app_options(argv)
    if app is not None:
        from ..ui.app import run_app

        return run_app(db=app.db, lang=app.ui_lang)
    argv = sys.argv[1:] if argv is None else list(argv)
    chosen, command, wants_help = global_options(argv)
    if command is None and not wants_help:  # a mistake (argparse says so) or the app
        args = build_parser().parse_args(argv)
        if args.command is None:
            from ..ui.app import run_app

            return run_app(db=args.db, lang=args.ui_lang)
    from ..i18n import language
    from ..package_files import MissingResource
    from . import output

    output.ensure_application(gui=command == "report")
    lang = chosen or output.default_language()
    try:
        with language(lang):
            args = build_parser().parse_args(argv)
            args.ui_lang = lang
            return run(args)
    except MissingResource as exc:  # an incomplete install: said in both languages
        say(str(exc))
        return EXIT_ERROR


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; its errors become a message on stderr and an exit code (a
    traceback only with ``FUNNEL_DEBUG=1``)."""
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # e.g. `funnel-desktop metrics … | head`: the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except ValidationError as exc:
        say(error_message(exc, args.ui_lang))
        return EXIT_INPUT
    except StoreError as exc:
        say(error_message(exc, args.ui_lang))
        return EXIT_DATABASE
    except FunnelError as exc:
        say(error_message(exc, args.ui_lang))
        return EXIT_ERROR
    except KeyboardInterrupt:
        say(error_message(FunnelError("interrupted"), args.ui_lang))
        return EXIT_INTERRUPTED
    except OSError as exc:  # a file the command reads or writes (not the database)
        code = "disk_full" if exc.errno == errno.ENOSPC else "file_error"
        say(error_message(FunnelError(code, path=exc.filename or "",
                                      detail=exc.strerror or str(exc)), args.ui_lang))
        return EXIT_INPUT
    except Exception as exc:
        from ..package_files import MissingResource

        if isinstance(exc, MissingResource):
            raise  # main() says it in both languages
        if os.environ.get("FUNNEL_DEBUG"):
            raise
        say(error_message(FunnelError("internal_error", detail=f"{type(exc).__name__}: "
                                      f"{exc}"), args.ui_lang))
        return EXIT_ERROR

    finally:
        _close_database()


def say(text: str) -> None:
    """A message on stderr, ``funnel-desktop: `` first (the text is escaped already)."""
    with contextlib.suppress(UnicodeEncodeError, OSError):
        print(f"funnel-desktop: {text}", file=sys.stderr)


def _close_database() -> None:
    """A command lets go of its database when it is done (another may replace the file)."""
    from ..store.models import database

    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def error_message(exc: FunnelError, lang: str | None) -> str:
    """The message of ``exc`` in ``lang`` (the global ``--lang``): English by default;
    otherwise, or when it counts something (a singular or a plural), through the app's Qt
    translation (ui/messages.error_text)."""
    if (not lang or lang == "en") and "count" not in exc.params:
        return exc.english()
    lang = lang or "en"
    from PySide6.QtCore import QCoreApplication

    from ..i18n import language
    from ..ui.common.messages import error_text

    if QCoreApplication.instance() is None:
        QCoreApplication(sys.argv[:1])  # translators need an application; PySide keeps it
    with language(lang):
        return error_text(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
