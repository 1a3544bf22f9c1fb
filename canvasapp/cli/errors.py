"""User errors become one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from canvasapp.cli.terminal import printable
from canvasapp.formats.template_io import TemplateError
from canvasapp.storage import LibraryError

EXIT_USER_ERROR = 2


class UserError(Exception):
    """Something the user can fix; ``str()`` is the whole message."""


@dataclass
class Outcome:
    exit_code: int = 0


@contextmanager
def user_errors() -> Iterator[Outcome]:
    outcome = Outcome()
    try:
        yield outcome
    except (UserError, LibraryError, TemplateError) as error:
        print(f"canvasapp: {one_line(str(error))}", file=sys.stderr)
        outcome.exit_code = EXIT_USER_ERROR
    except KeyboardInterrupt:
        outcome.exit_code = 130


def one_line(message: str) -> str:
    """A message as one terminal line: line breaks become spaces, other controls escapes."""
    return printable(" ".join(message.split("\n")).replace("\r", " "))
