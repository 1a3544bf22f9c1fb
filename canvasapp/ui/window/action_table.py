"""Every action declared once, as data: id, text, menu, keys, and the handler it calls.

The specs live one module per menu (``ui/window/menus/``); menus, the tool bar and the shortcut
sheet (F1) are built from them, so an action has one place to look it up, its ``objectName`` is
its stable id (tests use it), and no key is bound anywhere else. A handler is a function of the
window's :class:`~canvasapp.ui.window.controllers.Controllers` (``run=lambda c: c.board.cut()``),
so "find usages" and renames see every caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from canvasapp.ui.look.icons import icon, validate_icon_names
from canvasapp.ui.look.theme import current_theme

StandardKey = QKeySequence.StandardKey
Context = TypeVar("Context")

#: Where a shortcut works. "window": anywhere in the window; "board": only while the board has
#: the focus, so plain keys (arrows, Tab, Enter, N, Esc) stay with the find bar and the history
#: list when they have it; "turn": only during a participant's turn at the screen, when the
#: board's own keys are off.
SCOPES = ("window", "board", "turn")


@dataclass(frozen=True)
class ActionSpec(Generic[Context]):
    id: str
    text: str
    menu: str
    """A menu path: "&Edit/Note &Colour" puts the action in a submenu."""
    run: Callable[[Context], object] | None = None
    """What the action does, given the window's controllers."""
    toggle: Callable[[Context, bool], object] | None = None
    """For a checkable action: what switching it on or off does (called with the new state)."""
    shortcuts: tuple[str | StandardKey, ...] = ()
    tip: str = ""
    icon: str = ""
    """A name from ``resources/icons`` (validated); actions with an icon are on the tool bar."""
    group: str = ""
    """Checkable actions sharing a group name are exclusive (one theme at a time)."""
    scope: str = "window"
    separator_before: bool = False
    """A line above this action in its menu: groups read at a glance."""
    swatch: str = ""
    """A ``#RRGGBB`` colour drawn as the action's icon (palette actions)."""

    @property
    def checkable(self) -> bool:
        return self.toggle is not None


MENUS = ("&File", "&Edit", "&View", "A&genda", "&Arrange", "&Cluster", "&Lanes", "&Vote", "&Help")
#: A menu path "&Edit/Note &Colour" puts an action in a submenu.
SUBMENU = "/"


def build_menus(
    window: QMainWindow, specs: tuple[ActionSpec[Context], ...], context: Context
) -> dict[str, QAction]:
    """Create the menus and actions of ``window`` from the specs, calling their handlers with
    ``context``; return the actions by id."""
    menus: dict[str, QMenu] = {title: window.menuBar().addMenu(title) for title in MENUS}
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    # A misspelt icon fails here, when the window is built (and in the tests), not as a blank.
    validate_icon_names(spec.icon for spec in specs if spec.icon)
    for spec in specs:
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(_tool_tip(spec))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.swatch:
            action.setIcon(swatch_icon(spec.swatch))
        _connect(action, spec, context, groups, window)
        if spec.menu not in menus:
            parent, _, title = spec.menu.rpartition(SUBMENU)
            menus[spec.menu] = menus[parent].addMenu(title)
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        if spec.scope in ("board", "turn"):
            # Added to the board view (BoardActions.attach), not the window.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            window.addAction(action)
        actions[spec.id] = action
    return actions


def _connect(
    action: QAction, spec: ActionSpec[Context], context: Context, groups: dict[str, QActionGroup], window: QMainWindow
) -> None:
    toggle, run = spec.toggle, spec.run
    if toggle is not None:
        action.setCheckable(True)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
        # Exclusive groups: only the action being switched on calls its handler.
        grouped = bool(spec.group)
        action.toggled.connect(lambda checked: toggle(context, checked) if checked or not grouped else None)
    elif run is not None:
        action.triggered.connect(lambda _checked=False: run(context))


def swatch_icon(colour: str, size: int = 32) -> QIcon:
    """A rounded square of a colour with a thin dark outline (visible on any theme)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#555555"))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(2, 2, size - 4, size - 4, 5, 5)
    painter.end()
    return QIcon(pixmap)


def build_toolbar(
    window: QMainWindow, actions: dict[str, QAction], specs: tuple[ActionSpec[Context], ...]
) -> QToolBar:
    """The main tool bar: every action of the table that has an icon, in table order, with a
    separator between menus."""
    toolbar = QToolBar("Main Tool Bar", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    size = current_theme().toolbar_icon_px
    toolbar.setIconSize(QSize(size, size))
    previous_menu = ""
    for spec in specs:
        if not spec.icon:
            continue
        if toolbar.actions() and spec.menu != previous_menu:
            toolbar.addSeparator()
        previous_menu = spec.menu
        toolbar.addAction(actions[spec.id])
    window.addToolBar(toolbar)
    return toolbar


def _tool_tip(spec: ActionSpec[Context]) -> str:
    """"Fit All (Ctrl+0)": tool bar buttons show the shortcut people can learn instead."""
    name = spec.text.replace("&", "").rstrip("…")
    if not spec.shortcuts:
        return name
    keys = QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{name} ({keys})" if keys else name


def menu(window: QMainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    raise KeyError(title)
