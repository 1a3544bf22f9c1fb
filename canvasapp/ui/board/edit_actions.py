"""The window's editing actions: clipboard, selection, keyboard walk, find, arrange, lanes.

The handlers named ``board_actions.*`` in ``canvasapp.ui.window.action_table`` live here, so the window
stays small. They read the selection and the mouse from the scene, ask the user what only a
dialog can ask, and leave every change to the :class:`BoardEditor` (one command each).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSpinBox,
    QToolBar,
    QUndoView,
)

from canvasapp.model.entities import (
    MAX_LANE_WIDTH,
    MAX_NOTE_SIDE,
    MIN_LANE_WIDTH,
    MIN_NOTE_HEIGHT,
    MIN_NOTE_WIDTH,
)
from canvasapp.ops.arrange import reading_order
from canvasapp.ops.clipboard import (
    NOTES_MIME_TYPE,
    ClipboardError,
    clip_notes,
    notes_from_json,
    notes_to_json,
    notes_to_plain_text,
)
from canvasapp.ops.find import find_matches
from canvasapp.ops.palette import PALETTE
from canvasapp.ui.window.action_table import board_scoped
from canvasapp.ui.board.board_editor import PASTE_OFFSET, BIG_NUDGE_STEP, NUDGE_STEP, BoardEditor
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.clusters.cluster_actions import ClusterActions
from canvasapp.ui.board.lane_dialog import LaneDialog
from canvasapp.ui.board.find_bar import FindBar
from canvasapp.ui.window.shortcut_sheet import ShortcutSheet

if TYPE_CHECKING:
    from canvasapp.ui.window.main_window import MainWindow
    from canvasapp.ui.window.document import SessionDocument

SNAP_SETTING = "board/snap_to_grid"
_NUDGES = {"Left": (-1, 0), "Right": (1, 0), "Up": (0, -1), "Down": (0, 1)}


class BoardActions(QObject):
    """Handlers of the editing actions of one window, following whichever session it shows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._document: SessionDocument | None = None
        self._walk_current: str | None = None
        self._last_paste: tuple[float, float, int] | None = None
        self._matches: list[str] = []
        self._match_index = -1
        self.last_context_menu: QMenu | None = None
        self.snap_to_grid = QSettings().value(SNAP_SETTING, False, type=bool)

        self.find_bar = FindBar(window)
        self.find_toolbar = QToolBar("Find", window)
        self.find_toolbar.setObjectName("find_toolbar")
        self.find_toolbar.setMovable(False)
        self.find_toolbar.addWidget(self.find_bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_toolbar)
        self.find_toolbar.hide()
        self.find_bar.query_changed.connect(self._on_query_changed)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self.close_find)

        self.history_dock = QDockWidget("History", window)
        self.history_dock.setObjectName("history_dock")
        self.history_view = QUndoView(window.undo_group, self.history_dock)
        self.history_view.setObjectName("history_view")
        self.history_view.setEmptyLabel("Session opened")
        self.history_dock.setWidget(self.history_view)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.colour_toolbar: QToolBar | None = None
        self.clusters = ClusterActions(self)  # the Cluster menu's handlers

    def install(self, actions: dict[str, QAction]) -> None:
        """After the menus exist: the checkable actions' states and the lane-colour icon."""
        actions["note.colour.lane"].setIcon(lane_colour_icon())
        snap = actions["arrange.snap"]
        snap.blockSignals(True)
        snap.setChecked(self.snap_to_grid)
        snap.blockSignals(False)
        history = actions["edit.history"]
        self.history_dock.visibilityChanged.connect(
            lambda shown: history.setChecked(shown) if history.isChecked() != shown else None
        )

    def _build_colour_toolbar(self) -> None:
        """The palette as a tool bar, right of the main one (so built once the window has it)."""
        actions = self.window.actions_by_id
        toolbar = QToolBar("Note Colours", self.window)
        toolbar.setObjectName("colour_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(26, 26))
        label = QLabel("  Note colour: ", toolbar)
        toolbar.addWidget(label)
        for action_id in ("note.colour.lane", *(f"note.colour.{colour.id}" for colour in PALETTE)):
            toolbar.addAction(actions[action_id])
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.colour_toolbar = toolbar

    # --- the shown session ---------------------------------------------------------------------

    def attach(self, document: SessionDocument) -> None:
        """Follow the session a window now shows (the view exists by now)."""
        if self.colour_toolbar is None:
            self._build_colour_toolbar()
        self._document = document
        self._walk_current = None
        self._last_paste = None
        view = self.window.view
        assert view is not None
        view.addActions(board_scoped(self.window.actions_by_id))
        # Paste and N go where the mouse is: the scene must hear moves with no button down
        # (Qt turns tracking on only once some item wants hover events).
        view.viewport().setMouseTracking(True)
        document.editor.snap_to_grid = self.snap_to_grid
        document.scene.context_menu_requested.connect(self._on_context_menu)
        document.scene.lane_rename_requested.connect(self.rename_lane_id)
        document.session.edit_finished.connect(self._on_edit_finished)
        self._matches, self._match_index = [], -1
        if self.find_toolbar.isVisible():
            self._on_query_changed(self.find_bar.field.text())

    def detach(self) -> None:
        if self._document is not None:
            self._document.session.edit_finished.disconnect(self._on_edit_finished)
            self._document = None

    @property
    def editor(self) -> BoardEditor | None:
        return self._document.editor if self._document is not None else None

    @property
    def scene(self) -> BoardScene | None:
        return self._document.scene if self._document is not None else None

    def _selected(self) -> list[str]:
        return self.scene.selected_note_ids() if self.scene is not None else []

    def _tell(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    def _editing_allowed(self) -> bool:
        return self._document is not None and not self._document.read_only

    def _anchor(self) -> tuple[QPointF, bool]:
        """Where new things go: the mouse over the board, else the middle of the view."""
        scene, view = self.scene, self.window.view
        if scene is not None and scene.cursor_pos is not None:
            return scene.cursor_pos, True
        assert view is not None
        return view.mapToScene(view.viewport().rect().center()), False

    def _centre_on(self, note_id: str) -> None:
        if self.scene is not None and self.window.view is not None:
            self.window.view.centerOn(self.scene.note_item(note_id))

    # --- clipboard -----------------------------------------------------------------------------

    def copy(self) -> bool:
        if self._document is None:
            return False
        session = self._document.session
        ids = self._in_reading_order(self._selected())
        if not ids:
            return False
        clipped = clip_notes([session.note(note_id) for note_id in ids])
        data = QMimeData()
        data.setData(NOTES_MIME_TYPE, notes_to_json(clipped).encode("utf-8"))
        data.setText(notes_to_plain_text(clipped))
        QGuiApplication.clipboard().setMimeData(data)
        self._last_paste = None
        self._tell(f"Copied {len(ids)} note{'s' if len(ids) != 1 else ''}")
        return True

    def cut(self) -> None:
        if self._editing_allowed() and self.copy() and self.editor is not None:
            self.editor.cut(self._selected())

    def paste(self) -> None:
        editor = self.editor
        if editor is None or not self._editing_allowed():
            return
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return
        anchor, _at_mouse = self._anchor()
        x, y = self._paste_point(anchor)
        if data.hasFormat(NOTES_MIME_TYPE):
            try:
                clipped = notes_from_json(bytes(data.data(NOTES_MIME_TYPE).data()))
            except ClipboardError as error:
                self._tell(str(error))
                return
            if not clipped:
                return
            width = max(clip.dx + clip.width for clip in clipped)
            height = max(clip.dy + clip.height for clip in clipped)
            editor.paste_notes(clipped, x - width / 2, y - height / 2)
        elif data.hasText():
            editor.add_lines_at(data.text(), x, y, verb="Paste")

    def _paste_point(self, anchor: QPointF) -> tuple[float, float]:
        """The anchor, moved on a little for each paste at the same place (no exact stacks)."""
        x, y = anchor.x(), anchor.y()
        count = 0
        if self._last_paste is not None:
            last_x, last_y, last_count = self._last_paste
            if abs(last_x - x) < 1 and abs(last_y - y) < 1:
                count = last_count + 1
        self._last_paste = (x, y, count)
        return x + count * PASTE_OFFSET, y + count * PASTE_OFFSET

    def duplicate(self) -> None:
        editor = self.editor
        if editor is None or self._document is None or not self._editing_allowed():
            return
        session = self._document.session
        notes = [session.note(note_id) for note_id in self._in_reading_order(self._selected())]
        if notes:
            left, top = min(note.x for note in notes), min(note.y for note in notes)
            editor.paste_notes(clip_notes(notes), left + PASTE_OFFSET, top + PASTE_OFFSET, verb="Duplicate")

    # --- selection and the keyboard --------------------------------------------------------------

    def select_all(self) -> None:
        if self.scene is not None:
            self.scene.finish_editing()
            self.scene.select_all()

    def escape(self) -> None:
        scene = self.scene
        if scene is None:
            return
        if (title := scene.clusters.title_editor) is not None:
            title.finish(keep=False)  # Esc on a cluster title keeps the old one
        elif scene.editor is not None:
            scene.finish_editing()
        else:
            scene.clearSelection()

    def new_note(self) -> None:
        if self.editor is not None and self._editing_allowed():
            anchor, _ = self._anchor()
            self.editor.add_note_at(anchor.x(), anchor.y())

    def edit_note(self) -> None:
        ids = self._in_reading_order(self._selected())
        if ids and self.scene is not None:
            self.scene.begin_editing(ids[0])

    def _in_reading_order(self, note_ids: list[str]) -> list[str]:
        if self._document is None or len(note_ids) < 2:
            return list(note_ids)
        session = self._document.session
        return reading_order([session.note(note_id) for note_id in note_ids], session.lanes)

    def next_note(self) -> None:
        self._walk(1)

    def previous_note(self) -> None:
        self._walk(-1)

    def _walk(self, step: int) -> None:
        """Tab: lane by lane, top to bottom, left to right; select the note and centre it."""
        if self._document is None or self.scene is None:
            return
        self.scene.finish_editing()
        order = reading_order(self._document.session.notes, self._document.session.lanes)
        if not order:
            return
        selected = self._selected()
        if self._walk_current in selected:
            current = self._walk_current
        else:
            current = self._in_reading_order(selected)[0] if selected else None
        if current is None or current not in order:
            index = 0 if step > 0 else len(order) - 1
        else:
            index = (order.index(current) + step) % len(order)
        self._walk_current = order[index]
        self.scene.select_only([order[index]])
        self._centre_on(order[index])

    def nudge(self, direction: tuple[str, bool]) -> None:
        name, far = direction
        dx, dy = _NUDGES[name]
        step = BIG_NUDGE_STEP if far else NUDGE_STEP
        if self.editor is not None and self._editing_allowed():
            self.editor.nudge(self._selected(), dx * step, dy * step)

    def note_size(self) -> None:
        ids = self._selected()
        if self._document is None or self.editor is None or not ids or not self._editing_allowed():
            return
        first = self._document.session.note(ids[0])
        dialog = QDialog(self.window)
        dialog.setObjectName("note_size_dialog")
        dialog.setWindowTitle("Note Size")
        width = _spin_box("note_width", MIN_NOTE_WIDTH, MAX_NOTE_SIDE, first.width)
        height = _spin_box("note_height", MIN_NOTE_HEIGHT, MAX_NOTE_SIDE, first.height)
        form = QFormLayout(dialog)
        form.addRow("&Width:", width)
        form.addRow("&Height:", height)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec():
            size = (float(width.value()), float(height.value()))
            self.editor.resize_notes({note_id: size for note_id in ids})

    def set_note_colour(self, colour: str) -> None:
        """A palette colour, or ``""`` for the lane's colour."""
        if self.editor is not None and self._editing_allowed():
            ids = self._selected()
            if not ids:
                self._tell("Select the notes to colour first.")
                return
            self.editor.set_colour(ids, colour or None)

    # --- find -----------------------------------------------------------------------------------

    def find(self) -> None:
        self.find_toolbar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()
        self._on_query_changed(self.find_bar.field.text())

    def close_find(self) -> None:
        self.find_toolbar.hide()
        self._matches, self._match_index = [], -1
        if self.scene is not None:
            self.scene.set_matches([], None)
        if self.window.view is not None:
            self.window.view.setFocus()

    def _on_query_changed(self, query: str) -> None:
        if self._document is None or self.scene is None:
            return
        session = self._document.session
        order = reading_order(session.notes, session.lanes)
        self._matches = find_matches({note.id: note.text for note in session.notes}, order, query)
        self._match_index = 0 if self._matches else -1
        self._show_matches(query, centre=True)

    def _show_matches(self, query: str, *, centre: bool) -> None:
        if self.scene is None:
            return
        current = self._matches[self._match_index] if self._match_index >= 0 else None
        self.scene.set_matches(self._matches, current)
        self.find_bar.set_count(self._match_index + 1, len(self._matches), query)
        if current is not None:
            self.scene.select_only([current])
            if centre:
                self._centre_on(current)

    def _on_edit_finished(self) -> None:
        # Notes changed under an open find bar: find again, staying on the same note if it
        # still matches.
        if not self.find_toolbar.isVisible() or self._document is None:
            return
        current = self._matches[self._match_index] if self._match_index >= 0 else None
        session = self._document.session
        order = reading_order(session.notes, session.lanes)
        query = self.find_bar.field.text()
        self._matches = find_matches({note.id: note.text for note in session.notes}, order, query)
        self._match_index = self._matches.index(current) if current in self._matches else (0 if self._matches else -1)
        if self.scene is not None:
            self.scene.set_matches(self._matches, self._matches[self._match_index] if self._match_index >= 0 else None)
        self.find_bar.set_count(self._match_index + 1, len(self._matches), query)

    def find_next(self) -> None:
        self._step_match(1)

    def find_previous(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self.find_toolbar.isVisible():
            self.find()
            return
        if not self._matches:
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        self._show_matches(self.find_bar.field.text(), centre=True)

    # --- history and help ---------------------------------------------------------------------

    def show_history(self, shown: bool) -> None:
        self.history_dock.setVisible(shown)

    def show_shortcuts(self) -> None:
        sheet = ShortcutSheet(self.window.actions_by_id, self.window)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        self.shortcut_sheet = sheet

    # --- arrange --------------------------------------------------------------------------------

    def _arrange(self, name: str) -> None:
        ids = self._selected()
        if self.editor is None or not self._editing_allowed():
            return
        if len(ids) < (1 if name == "tidy" else 2):
            self._tell("Select the notes to arrange first.")
            return
        getattr(self.editor, name)(ids)

    def tidy(self) -> None:
        self._arrange("tidy")

    def align_left(self) -> None:
        self._arrange("align_left")

    def align_top(self) -> None:
        self._arrange("align_top")

    def distribute_horizontally(self) -> None:
        self._arrange("distribute_horizontally")

    def distribute_vertically(self) -> None:
        self._arrange("distribute_vertically")

    def set_snap(self, on: bool) -> None:
        self.snap_to_grid = on
        QSettings().setValue(SNAP_SETTING, on)
        if self.editor is not None:
            self.editor.snap_to_grid = on

    # --- lanes ---------------------------------------------------------------------------------

    def current_lane_id(self) -> str | None:
        """The lane of the selected note, else the lane under the mouse."""
        if self._document is None or self.scene is None:
            return None
        session = self._document.session
        for note_id in self._in_reading_order(self._selected()):
            if (lane_id := session.note(note_id).lane_id) is not None:
                return lane_id
        cursor = self.scene.cursor_pos
        return self.scene.lane_id_at(cursor) if cursor is not None else None

    def _lane_or_tell(self) -> str | None:
        lane_id = self.current_lane_id()
        if lane_id is None:
            self._tell("Select a note in the lane, or point at the lane, first.")
        return lane_id

    def add_lane(self) -> None:
        if self.editor is None or not self._editing_allowed():
            return
        dialog = LaneDialog("", "", self.window)
        dialog.setWindowTitle("New Lane")
        if dialog.exec():
            self.editor.add_lane(dialog.title(), after=self.current_lane_id(), prompt=dialog.prompt())

    def rename_lane(self) -> None:
        # F2 renames a selected cluster in place; else the lane, as before.
        if self.clusters.rename():
            return
        lane_id = self._lane_or_tell()
        if lane_id is not None:
            self.rename_lane_id(lane_id)

    def rename_lane_id(self, lane_id: str) -> None:
        if self._document is None or self.editor is None or not self._editing_allowed():
            return
        lane = self._document.session.lane(lane_id)
        if lane is None:
            return
        dialog = LaneDialog(lane.title, lane.prompt, self.window)
        if dialog.exec():
            self.editor.rename_lane(lane_id, dialog.title(), dialog.prompt())

    def set_lane_colour(self, colour: str) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self._editing_allowed():
            self.editor.set_lane_colour(lane_id, colour)

    def move_lane(self, steps: int) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self._editing_allowed():
            self.editor.move_lane(lane_id, steps)

    def lane_width(self) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is None or self._document is None or self.editor is None or not self._editing_allowed():
            return
        lane = self._document.session.lane(lane_id)
        assert lane is not None
        width, ok = QInputDialog.getInt(
            self.window, "Lane Width", f"Width of “{lane.title}” (points):",
            round(lane.width), round(MIN_LANE_WIDTH), round(MAX_LANE_WIDTH), 20,
        )
        if ok:
            self.editor.resize_lane(lane_id, float(width))

    def delete_lane(self) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self._editing_allowed():
            self.editor.remove_lane(lane_id)

    # --- the context menu ------------------------------------------------------------------------

    def context_menu(self, note_id: str | None, lane_id: str | None) -> QMenu:
        """The menu for a right-click on a note (the selection) or on a lane."""
        actions = self.window.actions_by_id
        menu = QMenu(self.window)
        menu.setObjectName("board_context_menu")

        def add(*ids: str) -> None:
            for action_id in ids:
                if action_id in actions:
                    menu.addAction(actions[action_id])

        def submenu(title: str, prefix: str) -> None:
            sub = menu.addMenu(title)
            for action_id, action in actions.items():
                if action_id.startswith(prefix):
                    sub.addAction(action)

        if note_id is not None:
            add("edit.edit_note", "edit.cut", "edit.copy", "edit.duplicate", "edit.delete")
            menu.addSeparator()
            submenu("Note &Colour", "note.colour.")
            add("edit.note_size")
            if len(self._selected()) > 1:
                arrange = menu.addMenu("&Arrange")
                for action_id in ("arrange.tidy", "arrange.align_left", "arrange.align_top",
                                  "arrange.distribute_horizontally", "arrange.distribute_vertically"):
                    arrange.addAction(actions[action_id])
            else:
                add("arrange.tidy")
        else:
            add("edit.new_note", "edit.paste")
        if lane_id is not None:
            menu.addSeparator()
            add("lane.rename")
            submenu("Lane C&olour", "lane.colour.")
            add("lane.width", "lane.move_left", "lane.move_right", "lane.add", "lane.delete")
        return menu

    def _on_context_menu(self, note_id: str | None, lane_id: str | None, screen_pos: QPoint) -> None:
        menu = self.context_menu(note_id, lane_id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_context_menu = menu
        menu.popup(screen_pos)


def lane_colour_icon(size: int = 32) -> QIcon:
    """"Lane colour": a small outlined note under a lane's coloured header band, so it reads
    as "the colour of the lane"."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(2, 2, size - 4, size - 4)
    painter.setPen(QPen(QColor("#555555"), 1.2))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(frame, 5, 5)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(PALETTE[0].hex))
    painter.drawRect(QRectF(3, 3, size - 6, (size - 6) * 0.35))
    painter.setBrush(QColor(PALETTE[0].hex).lighter(112))
    painter.drawRect(QRectF(9, size * 0.5, size - 18, size * 0.32))
    painter.setPen(QPen(QColor("#555555"), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(9, size * 0.5, size - 18, size * 0.32))
    painter.end()
    return QIcon(pixmap)


def _spin_box(name: str, low: float, high: float, value: float) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(round(low), round(high))
    box.setSingleStep(10)
    box.setValue(round(value))
    return box
