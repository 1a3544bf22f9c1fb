"""Reading files other people send: bounded in size, decoded strictly, JSON parsed safely.

Shared by templates, session archives and CSV imports, so each refuses a bad file the same
way: one plain sentence that starts with the file's name. ``what`` names the kind of file in
those sentences ("template", "session archive").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import from_json

BOM = b"\xef\xbb\xbf"


class IncomingFileError(ValueError):
    """A file that cannot be taken in; ``str()`` is one sentence naming the file."""


def read_capped(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refused before reading when larger than ``limit``."""
    name = path.name
    try:
        if path.is_dir():
            raise IncomingFileError(f"{name}: this is a folder, not a {what} file.")
        size = path.stat().st_size
        if size > limit:
            raise IncomingFileError(too_large(name, size, limit, what))
        with path.open("rb") as stream:
            # At most one byte past the cap: the file may have grown since stat().
            data = stream.read(limit + 1)
    except OSError as error:
        raise IncomingFileError(f"{name}: cannot read the file ({error.strerror or error}).") from None
    if len(data) > limit:
        raise IncomingFileError(too_large(name, len(data), limit, what))
    return data


def too_large(name: str, size: int, limit: int, what: str) -> str:
    return f"{name}: the file is too large for a {what} ({size:,} bytes; at most {limit:,})."


def decode_text(data: bytes, name: str, what: str) -> str:
    """UTF-8 text (a byte order mark from Windows editors is fine); never a binary file."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    if not data.strip():
        raise IncomingFileError(f"{name}: the file is empty.")
    if b"\x00" in data:
        raise IncomingFileError(f"{name}: this is a binary file, not a {what}.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise IncomingFileError(f"{name}: the file is not UTF-8 text, so it cannot be a {what}.") from None


def parse_json(data: bytes, name: str, what: str) -> Any:
    """The JSON document in ``data``, refusing what Python's ``json`` would let through."""
    text = decode_text(data, name, what)
    # pydantic-core's parser first: it refuses deep nesting, NaN and lone surrogates without
    # recursing in Python. Python's json then runs on a document known to be shallow, only to
    # catch duplicate keys (which both parsers would otherwise resolve silently to the last).
    try:
        from_json(text, allow_inf_nan=False)
    except ValueError as error:
        raise IncomingFileError(_json_problem(name, str(error), text, what)) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as error:
        raise IncomingFileError(f"{name}: the key {error.key!r} appears twice in the same object.") from None
    except (ValueError, RecursionError):
        raise IncomingFileError(f"{name}: the file is not valid JSON.") from None


def _json_problem(name: str, detail: str, text: str, what: str) -> str:
    where = re.search(r"line (\d+) column (\d+)", detail)
    at = f" at line {where[1]}, column {where[2]}" if where else ""
    if where and ("expected value" in detail or "invalid number" in detail):
        lines = text.split("\n")
        row, column = int(where[1]) - 1, int(where[2]) - 1
        line = lines[row] if row < len(lines) else ""
        if re.search(r"NaN|Infinity", line[max(0, column - 1): column + 9]):
            return f"{name}: NaN and Infinity are not JSON numbers{at}; write a number."
    if "recursion limit" in detail:
        return f"{name}: the file is nested too deeply to be a {what} (JSON nesting{at})."
    if "EOF while parsing" in detail:
        return f"{name}: the file ends too soon{at}; it looks cut short (truncated)."
    reason = re.sub(r" at line \d+ column \d+$", "", detail)
    return f"{name}: the file is not valid JSON ({reason}{at})."


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def refusal(error: ValidationError, name: str) -> IncomingFileError:
    """A file that parsed but does not have the expected shape, as one sentence: the file, where
    in it (the first problem), and what is wrong."""
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    return IncomingFileError(f"{name}: {where}: {first['msg']}.")
