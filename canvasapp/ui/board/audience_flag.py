"""How a board item knows it is being drawn for the audience (no selection rings, no handles).

The audience window shows the facilitator's scene in a second view. Items are shared, so they
cannot hold a per-view state. Two signals tell them, read by :func:`is_audience` in ``paint``:

- the audience view marks its viewport with a property, which items see in the ``widget`` Qt
  passes to ``paint``;
- notes are cached as device pixmaps, and Qt paints those caches with ``widget`` set to
  ``None``; so the audience view also raises a flag for the length of its own ``paintEvent``
  (painting is synchronous, on the GUI thread). Device caches are kept per viewport, so the
  audience's cached notes stay without rings while the facilitator's keep theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QWidget

AUDIENCE_PROPERTY = "canvasapp_audience"
_painting = [0]


def mark_audience(viewport: QWidget) -> None:
    viewport.setProperty(AUDIENCE_PROPERTY, True)


@contextmanager
def painting_for_audience() -> Iterator[None]:
    """Around the audience view's ``paintEvent``."""
    _painting[0] += 1
    try:
        yield
    finally:
        _painting[0] -= 1


def is_audience(widget: QWidget | None) -> bool:
    """``True`` while drawing for the audience view (``widget`` is ``paint``'s last argument)."""
    return _painting[0] > 0 or (widget is not None and bool(widget.property(AUDIENCE_PROPERTY)))
