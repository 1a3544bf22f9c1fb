"""The Edit, Arrange and Lanes menus' handlers: clipboard, selection, keyboard walk, find,
arrange, lanes, and the board's context menu.

They read the selection and the mouse from the scene, ask the user what only a dialog can ask,
and leave every change to the session's Qt-free :class:`~canvasapp.editing.board.BoardEditing`
(one command each).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSpinBox,
    QToolBar,
)

from canvasapp.editing.board import BIG_NUDGE_STEP, NUDGE_STEP, PASTE_OFFSET, BoardEditing
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
from canvasapp.ops.palette import PALETTE
from canvasapp.ui.board.find_bar import FindBar
from canvasapp.ui.board.lane_dialog import LaneDialog
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.services import WindowServices

SNAP_SETTING = "board/snap_to_grid"
_NUDGES = {"Left": (-1, 0), "Right": (1, 0), "Up": (0, -1), "Down": (0, 1)}


class BoardActions(QObject):
    """Handlers of the editing actions of one window, following whichever session it shows."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        host = window.host
        self._document: SessionDocument | None = None
        self._walk_current: str | None = None
        self._last_paste: tuple[float, float, int] | None = None
        self._matches: list[str] = []
        self._match_index = -1
        self.last_context_menu: QMenu | None = None
        self.snap_to_grid = bool(QSettings().value(SNAP_SETTING, False, type=bool))

        self.find_bar = FindBar(host)
        self.find_toolbar = QToolBar("Find", host)
        self.find_toolbar.setObjectName("find_toolbar")
        self.find_toolbar.setMovable(False)
        self.find_toolbar.addWidget(self.find_bar)
        host.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_toolbar)
        self.find_toolbar.hide()
        self.find_bar.query_changed.connect(self._on_query_changed)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self.close_find)

        self.colour_toolbar: QToolBar | None = None

    def install(self, actions: dict[str, QAction]) -> None:
        """After the menus exist: the checkable actions' states and the lane-colour icon."""
        actions["note.colour.lane"].setIcon(lane_colour_icon())
        snap = actions["arrange.snap"]
        snap.blockSignals(True)
        snap.setChecked(self.snap_to_grid)
        snap.blockSignals(False)

    def _build_colour_toolbar(self) -> None:
        """The palette as a tool bar, right of the main one (so built once the window has it)."""
        actions = self.window.actions_by_id
        toolbar = QToolBar("Note Colours", self.window.host)
        toolbar.setObjectName("colour_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(26, 26))
        label = QLabel("  Note colour: ", toolbar)
        toolbar.addWidget(label)
        for action_id in ("note.colour.lane", *(f"note.colour.{colour.id}" for colour in PALETTE)):
            toolbar.addAction(actions[action_id])
        self.window.host.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
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
        view.addActions([
            action for action in self.window.actions_by_id.values()
            if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
        ])
        # Paste and N go where the mouse is: the scene must hear moves with no button down
        # (Qt turns tracking on only once some item wants hover events).
        view.viewport().setMouseTracking(True)
        document.editor.snap_to_grid = self.snap_to_grid
        self.gestures = document.gestures
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
    def editor(self) -> BoardEditing | None:
        return self._document.editor if self._document is not None else None

    @property
    def scene(self) -> BoardScene | None:
        return self._document.scene if self._document is not None else None

    def selected(self) -> list[str]:
        return self.scene.selected_note_ids() if self.scene is not None else []

    def _tell(self, message: str) -> None:
        self.window.tell(message)

    def editing_allowed(self) -> bool:
        return self._document is not None and self._document.edits.can_edit()

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
        ids = self.in_reading_order(self.selected())
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
        if self.editing_allowed() and self.copy() and self.editor is not None:
            self.editor.delete(self.selected(), verb="Cut")

    def delete_selection(self) -> None:
        if self.editor is not None and self.editing_allowed():
            self.editor.delete(self.selected())

    def paste(self) -> None:
        editor = self.editor
        if editor is None or not self.editing_allowed():
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
            self._select(editor.paste_notes(clipped, x - width / 2, y - height / 2))
        elif data.hasText() and self._document is not None and _is_excalidraw(data.text()):
            self._paste_excalidraw(data.text())
        elif data.hasText() and self._document is not None:
            self._document.gestures.add_lines_at(data.text(), x, y, verb="Paste")

    def _paste_excalidraw(self, text: str) -> None:
        """Shapes copied in Excalidraw: notes (and lanes, clusters) as a file of them would give."""
        from canvasapp.formats.import_any import ImportRefused, import_any  # the formats load when used

        document = self._document
        assert document is not None
        try:
            additions = import_any(text.encode("utf-8"), "the clipboard").additions(document.session)
        except ImportRefused as error:
            self._tell(str(error))
            return
        if document.editor.add_imports(additions.lanes, additions.notes, additions.clusters):
            self._select([note.id for note in additions.notes])
            if additions.left_out:
                self._tell(additions.left_out)

    def _select(self, note_ids: list[str]) -> None:
        if note_ids and self.scene is not None:
            self.scene.select_only(note_ids)

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
        if editor is None or self._document is None or not self.editing_allowed():
            return
        session = self._document.session
        notes = [session.note(note_id) for note_id in self.in_reading_order(self.selected())]
        if notes:
            left, top = min(note.x for note in notes), min(note.y for note in notes)
            self._select(editor.paste_notes(clip_notes(notes), left + PASTE_OFFSET, top + PASTE_OFFSET, verb="Duplicate"))

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
        elif not scene.call_off_drag():  # Esc mid-drag puts the notes back, still selected
            scene.clearSelection()

    def new_note(self) -> None:
        if self._document is not None and self.editing_allowed():
            anchor, _ = self._anchor()
            self._document.gestures.add_note_at(anchor.x(), anchor.y())

    def edit_note(self) -> None:
        ids = self.in_reading_order(self.selected())
        if ids and self.scene is not None:
            self.scene.begin_editing(ids[0])

    def in_reading_order(self, note_ids: list[str]) -> list[str]:
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
        order = self._document.find_index.order()  # kept by the index until the layout changes
        if not order:
            return
        selected = self.selected()
        current: str | None
        if self._walk_current in selected:
            current = self._walk_current
        else:
            current = self.in_reading_order(selected)[0] if selected else None
        if current is None or current not in order:
            index = 0 if step > 0 else len(order) - 1
        else:
            index = (order.index(current) + step) % len(order)
        self._walk_current = order[index]
        self.scene.select_only([order[index]])
        self._centre_on(order[index])

    def nudge(self, name: str, far: bool) -> None:
        dx, dy = _NUDGES[name]
        step = BIG_NUDGE_STEP if far else NUDGE_STEP
        if self.editor is not None and self.editing_allowed():
            self.editor.nudge(self.selected(), dx * step, dy * step)

    def note_size(self) -> None:
        ids = self.selected()
        if self._document is None or self.editor is None or not ids or not self.editing_allowed():
            return
        first = self._document.session.note(ids[0])
        dialog = QDialog(self.window.host)
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
            self.editor.resize_notes(dict.fromkeys(ids, size))

    def set_note_colour(self, colour: str) -> None:
        """A palette colour, or ``""`` for the lane's colour."""
        if self.editor is not None and self.editing_allowed():
            ids = self.selected()
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
        self._matches = self._document.find_index.matches(query)
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
        query = self.find_bar.field.text()
        self._matches = self._document.find_index.matches(query)
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

    # --- arrange --------------------------------------------------------------------------------

    def _arranged(self, at_least: int) -> tuple[BoardEditing, list[str]] | None:
        """The editor and the selected notes, when there are enough of them to arrange."""
        ids = self.selected()
        if self.editor is None or not self.editing_allowed():
            return None
        if len(ids) < at_least:
            self._tell("Select the notes to arrange first.")
            return None
        return self.editor, ids

    def tidy(self) -> None:
        if (chosen := self._arranged(1)) is not None:
            chosen[0].tidy(chosen[1])

    def align_left(self) -> None:
        if (chosen := self._arranged(2)) is not None:
            chosen[0].align_left(chosen[1])

    def align_top(self) -> None:
        if (chosen := self._arranged(2)) is not None:
            chosen[0].align_top(chosen[1])

    def distribute_horizontally(self) -> None:
        if (chosen := self._arranged(2)) is not None:
            chosen[0].distribute_horizontally(chosen[1])

    def distribute_vertically(self) -> None:
        if (chosen := self._arranged(2)) is not None:
            chosen[0].distribute_vertically(chosen[1])

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
        for note_id in self.in_reading_order(self.selected()):
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
        if self.editor is None or not self.editing_allowed():
            return
        dialog = LaneDialog("", "", self.window.host)
        dialog.setWindowTitle("New Lane")
        if dialog.exec():
            self.editor.add_lane(dialog.title(), after=self.current_lane_id(), prompt=dialog.prompt())

    def rename_lane_here(self) -> bool:
        """Rename the lane of the selected note or under the mouse (``True``: a lane was found)."""
        lane_id = self._lane_or_tell()
        if lane_id is None:
            return False
        self.rename_lane_id(lane_id)
        return True

    def rename_lane_id(self, lane_id: str) -> None:
        if self._document is None or self.editor is None or not self.editing_allowed():
            return
        lane = self._document.session.lane(lane_id)
        if lane is None:
            return
        dialog = LaneDialog(lane.title, lane.prompt, self.window.host)
        if dialog.exec():
            self.editor.rename_lane(lane_id, dialog.title(), dialog.prompt())

    def set_lane_colour(self, colour: str) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self.editing_allowed():
            self.editor.set_lane_colour(lane_id, colour)

    def move_lane(self, steps: int) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self.editing_allowed():
            self.editor.move_lane(lane_id, steps)

    def lane_width(self) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is None or self._document is None or self.editor is None or not self.editing_allowed():
            return
        lane = self._document.session.lane(lane_id)
        assert lane is not None
        width, ok = QInputDialog.getInt(
            self.window.host, "Lane Width", f"Width of “{lane.title}” (points):",
            round(lane.width), round(MIN_LANE_WIDTH), round(MAX_LANE_WIDTH), 20,
        )
        if ok:
            self.editor.resize_lane(lane_id, float(width))

    def delete_lane(self) -> None:
        lane_id = self._lane_or_tell()
        if lane_id is not None and self.editor is not None and self.editing_allowed():
            self.editor.remove_lane(lane_id)

    # --- the context menu ------------------------------------------------------------------------

    def context_menu(self, note_id: str | None, lane_id: str | None) -> QMenu:
        """The menu for a right-click on a note (the selection) or on a lane."""
        actions = self.window.actions_by_id
        menu = QMenu(self.window.host)
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
            if len(self.selected()) > 1:
                arrange = menu.addMenu("&Arrange")
                for action_id in ("arrange.tidy", "arrange.align_left", "arrange.align_top",
                                  "arrange.distribute_horizontally", "arrange.distribute_vertically"):
                    arrange.addAction(actions[action_id])
            else:
                add("arrange.tidy")
        else:
            add("edit.new_note", "edit.paste")
        room = menu.addMenu("Show to the Roo&m")
        for action_id in ("room.show_selection", "room.show_cluster", "room.show_lane", "room.follow_agenda"):
            if action_id in actions:
                room.addAction(actions[action_id])
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


def _is_excalidraw(text: str) -> bool:
    """Excalidraw puts JSON of this type on the clipboard when shapes are copied."""
    head = text.lstrip()[:200]
    return head.startswith("{") and "excalidraw" in head


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
