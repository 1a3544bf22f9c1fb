"""Text from user data made safe for a terminal.

Titles and notes come from archives and CSV files other people made. Printed raw, an escape
sequence in one can move the cursor, rewrite earlier lines or set the window title; a
right-to-left override can make a listing lie. Every character that does not print (control
and format characters, line breaks) is shown as its Python escape instead.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def printable(text: str) -> str:
    """``text`` with every non-printing character written as ``\\x1b``, ``\\u202e``, ..."""
    if text.isprintable():
        return text
    return "".join(character if character.isprintable() else _escape(character) for character in text)


def tell(message: str) -> None:
    """A sentence for the person at the terminal, on stderr: stdout carries only what a script
    reads (``new`` and ``import`` print the session's id there, alone). Each line is made
    printable: a message may quote a file's own words (a board's labels, what was left out)."""
    print("\n".join(printable(line) for line in message.split("\n")), file=sys.stderr)


def json_text(value: Any) -> str:
    """JSON for a terminal: non-ASCII letters kept readable, every non-printing character
    escaped as ``\\uXXXX`` (still valid JSON, read back as the same text)."""
    dumped = json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(
        character if character.isprintable() or character in "\n" else _json_escape(character)
        for character in dumped
    )


def _escape(character: str) -> str:
    return repr(character)[1:-1]  # repr escapes exactly the characters that do not print


def _json_escape(character: str) -> str:
    return json.dumps(character, ensure_ascii=True)[1:-1]
