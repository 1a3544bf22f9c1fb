"""Python's cycle collector held off while a board is built or a big edit is saved.

Building a board makes a few objects per note (the note, its item, its block), and the cycle
collector runs a full pass over every object in the process each time enough new ones have
piled up: several passes while 10,000 notes load (a tenth of opening), more as the board grows.
Nothing built then is garbage yet, so the passes find nothing; the collector runs again as
usual afterwards. Saving an edit of the whole board makes a few tuples per note (its row as
it is now, its statement's parameters); with a board loaded, each full pass they set off cost
more than the database's own write.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cycle collection inside (nested uses keep it off until the outermost one ends)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
