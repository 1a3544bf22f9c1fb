"""Text for PostgreSQL, which cannot store the NUL character (SQLite can).

A note pasted or imported with a NUL in it would make every save of its session fail on a server
library, and with it every later edit. So on PostgreSQL connections every string is sent
without its NUL characters: the rest of the text is kept.
"""

from __future__ import annotations

from typing import Any

from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

_NUL = "\x00"


class _NulFreeText(StrDumperUnknown):
    def dump(self, obj: str) -> Any:
        return super().dump(obj.replace(_NUL, "") if _NUL in obj else obj)


class _NulFreeBinaryText(StrBinaryDumper):
    def dump(self, obj: str) -> Any:
        return super().dump(obj.replace(_NUL, "") if _NUL in obj else obj)


def send_text_without_nul(dbapi_connection: Any, _record: Any) -> None:
    """A ``connect`` listener for PostgreSQL engines."""
    dbapi_connection.adapters.register_dumper(str, _NulFreeText)
    dbapi_connection.adapters.register_dumper(str, _NulFreeBinaryText)
