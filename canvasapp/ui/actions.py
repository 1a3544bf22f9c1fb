"""Every menu action declared once, as data: id, text, shortcuts, menu, and the handler name.

Menus are built from this table, so an action has one place to look it up, its ``objectName``
is its stable id (tests and the shortcut sheet use it), and nothing is wired twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str
    """The window method the action triggers: a name, or a dotted path through one of the
    window's controllers ("templates.import_template")."""
    shortcuts: tuple[str | StandardKey, ...] = ()
    tip: str = ""


MENUS = ("&File", "&Edit", "&View")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new_session", "&New Session…", "&File", "new_session", (StandardKey.New,),
               "Start a new session from a template"),
    ActionSpec("file.open_session", "&Open Session…", "&File", "open_session", (StandardKey.Open,),
               "Open, rename or delete the library's sessions"),
    ActionSpec("file.import_template", "&Import Template…", "&File", "templates.import_template", (),
               "Add a template file someone sent you to your templates"),
    ActionSpec("file.save_as_template", "Save Session as &Template…", "&File", "templates.save_as_template", (),
               "Keep this session's lanes, prompts and agenda as a template of your own"),
    ActionSpec("file.export_template", "E&xport Template…", "&File", "templates.export_template", (),
               "Write a template to a file you can send to a peer"),
    ActionSpec("file.quit", "&Quit", "&File", "close", (StandardKey.Quit,)),
    ActionSpec("edit.delete", "&Delete", "&Edit", "delete_selection", ("Delete", "Backspace"),
               "Delete the selected notes"),
    ActionSpec("view.fit_all", "&Fit All", "&View", "fit_all", ("Ctrl+0",), "Show the whole board"),
    ActionSpec("view.zoom_in", "Zoom &In", "&View", "zoom_in", (StandardKey.ZoomIn, "Ctrl+=")),
    ActionSpec("view.zoom_out", "Zoom &Out", "&View", "zoom_out", (StandardKey.ZoomOut,)),
)


def build_menus(window: QMainWindow, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """Create the menus and actions of ``window`` from the table; return them by id."""
    menus: dict[str, QMenu] = {title: window.menuBar().addMenu(title) for title in MENUS}
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
        handler: Callable[[], object] = _resolve(window, spec.handler)
        action.triggered.connect(lambda _checked=False, handler=handler: handler())
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[spec.id] = action
    return actions


def _resolve(window: QMainWindow, path: str) -> Callable[[], object]:
    target: object = window
    for name in path.split("."):
        target = getattr(target, name)
    assert callable(target), path
    return target


def menu(window: QMainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    raise KeyError(title)
