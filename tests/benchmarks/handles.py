"""Every handle the benchmark takes on the app's window, in one place.

The UI is being reorganised; when a path below moves, fix it here and nothing else. Only
``canvasapp.app.open_main_window`` and actions triggered by their object name
(``window.actions_by_id``) are meant to be stable; everything else is reached through the
functions of this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QLineEdit, QMainWindow

Window = QMainWindow


def open_window(library: Path, session_id: str, templates_dir: Path) -> Window:
    from canvasapp.app import open_main_window

    return open_main_window(str(library), session_id, templates_dir)


def application() -> Any:
    from canvasapp.app import application as make

    return make()


def trigger(window: Window, action_id: str) -> None:
    """A menu choice, as the facilitator makes it."""
    window.actions_by_id[action_id].trigger()  # type: ignore[attr-defined]


def view(window: Window) -> QGraphicsView:
    found = window.view  # type: ignore[attr-defined]
    assert isinstance(found, QGraphicsView)
    return found


def document(window: Window) -> Any:
    return window.document  # type: ignore[attr-defined]


def session(window: Window) -> Any:
    return document(window).session


def scene(window: Window) -> QGraphicsScene:
    found = document(window).scene
    assert isinstance(found, QGraphicsScene)
    return found


def undo_stack(window: Window) -> Any:
    return document(window).undo_stack


def note_item(window: Window, note_id: str) -> QGraphicsItem:
    return scene(window).note_item(note_id)  # type: ignore[attr-defined, no-any-return]


def select_only(window: Window, note_ids: list[str]) -> None:
    scene(window).select_only(note_ids)  # type: ignore[attr-defined]


def set_zoom(window: Window, scale: float) -> None:
    view(window).set_zoom(scale)  # type: ignore[attr-defined]


def zoom(window: Window) -> float:
    return view(window).transform().m11()


def edit_text(window: Window, note_id: str, text: str) -> None:
    """What the note editor does when typing ends: one text edit through the undo history."""
    document(window).editor.edit_text(note_id, text)


def find_field(window: Window) -> QLineEdit:
    field = window.findChild(QLineEdit, "find_field")
    assert isinstance(field, QLineEdit), "the find bar's field (objectName find_field) is gone"
    return field


def close_window(window: Window) -> None:
    window.close()
    window.library.close()  # type: ignore[attr-defined]
    window.deleteLater()


# --- the long works of the File and Cluster menus (tests/benchmarks/stalls.py) ---------------

_answers: dict[str, Path] = {}


def answer_dialogs_at_once(window: Window) -> None:
    """File dialogs answer with the path given to :func:`save_to` / :func:`import_file`; the PDF
    dialog and the picture's scale take their defaults (the PDF is not opened afterwards)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from canvasapp.ui.sessions import transfer_controller

    QFileDialog.getSaveFileName = lambda *args, **kwargs: (str(_answers["save"]), "")  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = lambda *args, **kwargs: (str(_answers["open"]), "")  # type: ignore[method-assign]

    def pdf_dialog_accepted(dialog: Any) -> int:
        dialog.open_after.setChecked(False)
        return 1

    transfer_controller.ExportPdfDialog.exec = pdf_dialog_accepted  # type: ignore[method-assign]
    # "Drawn smaller than asked" and the like: read and closed at once.
    for name in ("information", "warning"):
        setattr(QMessageBox, name, staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Ok))
    transfer_controller.ask_scale = lambda parent: 1.0  # type: ignore[assignment]


def save_to(path: Path) -> None:
    _answers["save"] = path


def import_file(window: Window, path: Path) -> None:
    """File > Import… of ``path``."""
    _answers["open"] = path
    trigger(window, "file.import")


def busy(window: Window) -> bool:
    """A background job (export, import, suggestions) still runs or has not handed over its
    result, or the board is still making the items of the notes it brought (or, after them, the
    index of where they are)."""
    from canvasapp.ui.jobs.background_job import jobs_of

    making = getattr(document(window).scene, "building", False) if document(window) is not None else False
    return jobs_of(window).busy or bool(making)


def open_session(window: Window, session_id: str) -> None:
    window.open_document(session_id)  # type: ignore[attr-defined]


def suggest_whole_board(window: Window) -> None:
    """Cluster > Suggest Clusters… over the whole board (the dialog stays open until
    :func:`suggestions_shown` closes it)."""
    scene(window).clearSelection()
    trigger(window, "cluster.suggest")


def suggestions_shown(window: Window) -> bool:
    """Once the open dialog shows the whole board's suggestions, close it; True then."""
    dialog = getattr(window.controllers.clusters, "last_dialog", None)  # type: ignore[attr-defined]
    if dialog is None or not dialog.isVisible():
        return False
    if dialog.scope.currentData() != "board":
        dialog.scope.setCurrentIndex(dialog.scope.findData("board"))
        return False
    if dialog.busy:
        return False
    dialog.reject()
    window.controllers.clusters.last_dialog = None  # type: ignore[attr-defined]
    return True


def propose_whole_board(window: Window) -> Any:
    """What the suggestions dialog used to compute on the window's thread when it opened."""
    return window.controllers.clusters.propose("board", include_clustered=False)  # type: ignore[attr-defined]
