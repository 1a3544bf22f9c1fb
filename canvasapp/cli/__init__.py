"""The command line: exit 0 when done, 2 with one plain line for a user error.

Each command imports only what it needs: ``--version`` answers before anything heavy is
imported, and a known command registers only its own module (SQLAlchemy, reportlab and
pydantic load only for the commands that use them).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any

from canvasapp import __version__

#: The module that registers each command, and its registering function.
COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "sessions": ("canvasapp.cli.sessions", "add_session_commands"),
    "new": ("canvasapp.cli.sessions", "add_session_commands"),
    "import": ("canvasapp.cli.transfer", "add_transfer_commands"),
    "export": ("canvasapp.cli.transfer", "add_transfer_commands"),
    "templates": ("canvasapp.cli.templates", "add_template_commands"),
    "suggest": ("canvasapp.cli.suggest", "add_suggest_commands"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from canvasapp.cli.errors import UserError

        # One plain line instead of argparse's usage block.
        raise UserError(f"{message} (see '{self.prog} --help')")


class _Unsure(Exception):
    """The first look at the arguments could not tell the command: parse them in full."""


class _FrontParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Unsure(message)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"canvasapp {__version__}")
    parser.add_argument("--session", metavar="ID", help="open this session (an id or a unique start of one)")


def _library_option(default: object = None) -> argparse.ArgumentParser:
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library",
        metavar="PATH|URL",
        default=default,
        help="the library file, or a team's database (postgresql://user@host/db; the password goes "
        "in ~/.pgpass); default: $CANVASAPP_LIBRARY, else library.sqlite in your user data folder",
    )
    return library


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (``None`` for none or when unsure); ``--version`` exits here."""
    front = _FrontParser(prog="canvasapp", add_help=False, parents=[_library_option()])
    _global_options(front)
    front.add_argument("command", nargs="?")
    try:
        known, _rest = front.parse_known_args(argv)
    except _Unsure:
        return None
    command = known.command
    return command if isinstance(command, str) else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only ``command``'s part of it when that command is known."""
    parser = _Parser(
        prog="canvasapp",
        description="Workshop Canvas: sticky notes, clusters and dot votes for in-person workshops.",
        parents=[_library_option()],
    )
    # A command's own --library has no default: one given before the command name
    # (``canvasapp --library L sessions``) is not overwritten by it, and so not ignored.
    library = _library_option(argparse.SUPPRESS)
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else list(dict.fromkeys(COMMAND_MODULES.values()))
    for module_name, function_name in wanted:
        register: Callable[[Any, argparse.ArgumentParser], None] = getattr(
            importlib.import_module(module_name), function_name
        )
        register(commands, library)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = chosen_command(arguments)  # prints the version and exits for --version

    from canvasapp.cli.errors import user_errors

    with user_errors() as failed:
        args = build_parser(command).parse_args(arguments)
        if args.command is None:
            from canvasapp.app import run_app  # Qt is imported only when a window is wanted.

            return run_app(args.library, args.session)
        return int(args.handler(args))
    return failed.exit_code


if __name__ == "__main__":
    sys.exit(main())
