"""The shortcut sheet (F1): every action of the table with its keys, grouped by menu."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from canvasapp.ui.window.action_table import SUBMENU, ActionSpec

#: Gestures that are not actions, so no table can list them.
MOUSE_GESTURES = (
    ("Double-click on the board", "New note there, ready to type"),
    ("Double-click on a note / lane title", "Edit the note / rename the lane"),
    ("Drag notes; drag on empty board", "Move them; select with a rubber band"),
    ("Ctrl-click or Shift-click", "Add a note to the selection or take it out"),
    ("Drag a note's corner / a lane's right edge", "Resize the note / the lane"),
    ("Right-click", "Menu for the note or lane under the mouse"),
    ("Drop text from another app", "One note per line"),
)


def _keys(action: QAction) -> str:
    # Backtab is how some keyboards report Shift+Tab: the same key to a person.
    names = [shortcut.toString(QKeySequence.SequenceFormat.NativeText) for shortcut in action.shortcuts()]
    return ", ".join(name for name in names if "Backtab" not in name)


def shortcut_rows(actions: dict[str, QAction], specs: tuple[ActionSpec[Any], ...]) -> dict[str, list[tuple[str, str]]]:
    """``{menu: [(action text, keys)]}`` from the table, with the keys the actions really have."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for spec in specs:
        action = actions.get(spec.id)
        if action is None:
            continue
        menu, *submenus = spec.menu.replace("&", "").split(SUBMENU)
        text = spec.text.replace("&", "").rstrip("…")
        if submenus and submenus[-1] not in ("Nudge",):
            text = f"{submenus[-1]}: {text}"  # "Note Colour: Yellow"
        rows.setdefault(menu, []).append((text, _keys(action)))
    return rows


def shortcut_html(actions: dict[str, QAction], specs: tuple[ActionSpec[Any], ...]) -> str:
    parts = ["<style>td{padding:3px 14px 3px 0} th{text-align:left;padding-top:14px} .k{font-weight:bold}</style>"]
    parts.append("<table>")
    for menu, rows in shortcut_rows(actions, specs).items():
        parts.append(f"<tr><th colspan=2>{escape(menu)}</th></tr>")
        for text, keys in rows:
            parts.append(f"<tr><td>{escape(text)}</td><td class=k>{escape(keys)}</td></tr>")
    parts.append("<tr><th colspan=2>Mouse</th></tr>")
    for gesture, meaning in MOUSE_GESTURES:
        parts.append(f"<tr><td>{escape(meaning)}</td><td class=k>{escape(gesture)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    """A read-only page generated from the action table (nothing to keep in step by hand)."""

    def __init__(
        self, actions: dict[str, QAction], specs: tuple[ActionSpec[Any], ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(720, 820)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(shortcut_html(actions, specs))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
