"""Notes on the clipboard outlive the app as plain text, and the app can exit cleanly.

A copy puts a ``QMimeData`` made in Python on the system clipboard, which Qt then owns. Qt
deletes it in its own exit handlers, after Python has shut down, and the deletion calls back
into the Python binding: the process ends with a segmentation fault after every session in
which notes were copied. So before Python shuts down, the copied notes are put back as plain
text, which Qt makes itself: another app (or this one, started again) still pastes the lines,
and Qt deletes the Python-made data while Python can still hear of it.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from canvasapp.ops.clipboard import NOTES_MIME_TYPE


def hand_over_clipboard() -> None:
    """Call once Python is about to let Qt go (the app's ``aboutToQuit``, a test run's end)."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(NOTES_MIME_TYPE):
        clipboard.setText(data.text())
