"""Python's cycle collector held off while a board is built: :mod:`canvasapp.ops.collections_paused`
(the store pauses it too, while it writes an edit of the whole board)."""

from canvasapp.ops.collections_paused import collections_paused

__all__ = ["collections_paused"]
