"""The refusal of a file to import, apart from the formats that raise it, so that a window can
catch it without loading every format when it opens."""

from __future__ import annotations


class ImportRefused(ValueError):
    """A file that cannot be imported; ``str()`` is one sentence naming the file."""
