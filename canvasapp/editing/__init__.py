"""Qt-free editors: what a gesture or a menu choice means, as commands on one undo history.

Every edit of every kind goes through :meth:`Edits.push` (one rule: the command runs first, so
the model's refusal becomes a message and nothing is stacked; then it is put on the history).
The Qt side supplies the history (a ``QUndoStack`` adapter in ``ui/window/undo_history.py``).
"""

from canvasapp.editing.edits import Edits, UndoHistory

__all__ = ["Edits", "UndoHistory"]
