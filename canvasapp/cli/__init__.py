"""The command line: exit 0 when done, 2 with one plain line for a user error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from canvasapp import __version__
from canvasapp.cli.errors import UserError, user_errors
from canvasapp.cli.sessions import add_session_commands
from canvasapp.cli.suggest import add_suggest_commands
from canvasapp.cli.templates import add_template_commands
from canvasapp.cli.transfer import add_transfer_commands


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One plain line instead of argparse's usage block.
        raise UserError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (or an SQLAlchemy URL); default: library.sqlite in your user data folder",
    )
    parser = _Parser(
        prog="canvasapp",
        description="Workshop Canvas: sticky notes, clusters and dot votes for in-person workshops.",
        parents=[library],
    )
    parser.add_argument("--version", action="version", version=f"canvasapp {__version__}")
    parser.add_argument("--session", metavar="ID", help="open this session (an id or a unique start of one)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    add_session_commands(commands, library)
    add_transfer_commands(commands, library)
    add_template_commands(commands, library)
    add_suggest_commands(commands, library)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with user_errors() as failed:
        args = build_parser().parse_args(argv)
        if args.command is None:
            from canvasapp.app import run_app  # Qt is imported only when a window is wanted.

            return run_app(args.library, args.session)
        return int(args.handler(args))
    return failed.exit_code


if __name__ == "__main__":
    sys.exit(main())
