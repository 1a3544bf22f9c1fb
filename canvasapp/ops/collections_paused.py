"""Python's cycle collector held off while a board is built or a big edit is saved.

Building a board makes a few objects per note (the note, its item, its block), and the cycle
collector runs a full pass over every object in the process each time enough new ones have
piled up: several passes while 10,000 notes load (a tenth of opening), more as the board grows.
Nothing built then is garbage yet, so the passes find nothing; the collector runs again as
usual afterwards. Saving an edit of the whole board makes a few tuples per note (its row as
it is now, its statement's parameters); with a board loaded, each full pass they set off cost
more than the database's own write.

Once a board is built, what is alive then is left out of every later collection
(:func:`leave_built_board_out`): a full pass over a 100,000-note board's millions of objects found
nothing and stopped the window for 0.3-0.6 s in whichever gesture set it off.
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


class _BuiltBoard:
    """Whether the objects of a built board are left out of collections now."""

    left_out = False


def leave_built_board_out() -> None:
    """A board has been built (its notes, their items and blocks): every object alive now is
    left out of later collections (``gc.freeze``), so a collection of the oldest generation
    walks only what came after. An object left out is still freed when nothing refers to it;
    one in a cycle waits for :func:`bring_back_in`."""
    _BuiltBoard.left_out = True
    gc.freeze()


def bring_back_in() -> None:
    """A board's window is closing: every object left out is collected as usual again (and
    left out again once a board is built)."""
    _BuiltBoard.left_out = False
    gc.unfreeze()


def built_board_left_out() -> bool:
    """Whether the objects of a built board are left out of collections now."""
    return _BuiltBoard.left_out
