"""The template gallery: pick a workshop kit, see its lanes and agenda, name the session."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from canvasapp.formats.template_library import TemplateEntry


class TemplateGallery(QDialog):
    """Lists built-in and user templates; the preview shows lanes in their colours and the
    agenda with its length. With ``ask_title`` it is the New Session dialog."""

    def __init__(
        self,
        entries: list[TemplateEntry],
        *,
        title: str = "New Session",
        accept_text: str = "Create Session",
        ask_title: bool = True,
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template_gallery")
        self.setWindowTitle(title)
        self.resize(980, 620)
        self._entries = entries

        self.list = QListWidget()
        self.list.setObjectName("template_list")
        self.list.setMinimumWidth(320)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for entry in entries:
            suffix = "" if entry.origin == "built-in" else "  · yours"
            item = QListWidgetItem(f"{entry.name}{suffix}\n{entry.agenda_minutes} min · {len(entry.lanes)} lanes")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show_preview)

        self.preview = QLabel()
        self.preview.setObjectName("template_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMargin(8)
        scroller = QScrollArea()
        scroller.setWidget(self.preview)
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.title_edit = QLineEdit(f"Workshop {date.today():%d %B %Y}")
        self.title_edit.setObjectName("session_title")
        form = QFormLayout()
        if ask_title:
            form.addRow("Session title:", self.title_edit)
        else:
            self.title_edit.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("accept_button")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())

        panes = QHBoxLayout()
        panes.addWidget(self.list, 2)
        panes.addWidget(scroller, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(panes)
        layout.addLayout(form)
        layout.addWidget(buttons)

        from canvasapp.formats.template_io import DEFAULT_TEMPLATE_ID

        ids = [entry.id for entry in entries]
        wanted = selected_id if selected_id in ids else DEFAULT_TEMPLATE_ID
        self.list.setCurrentRow(ids.index(wanted) if wanted in ids else 0)

    def chosen(self) -> TemplateEntry | None:
        row = self.list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def session_title(self) -> str:
        return self.title_edit.text().strip()

    def select(self, template_id: str) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == template_id:
                self.list.setCurrentRow(row)

    def _accept(self) -> None:
        if self.chosen() is None:
            return
        if self.title_edit.isVisible() and not self.session_title():
            self.title_edit.setFocus()
            self.title_edit.setPlaceholderText("A session needs a title")
            return
        self.accept()

    def _show_preview(self, row: int) -> None:
        if not 0 <= row < len(self._entries):
            self.preview.clear()
            return
        self.preview.setText(preview_html(self._entries[row]))


def preview_html(entry: TemplateEntry) -> str:
    """The preview as rich text; every string from the file is escaped."""
    # One row per lane, so a kit with eight lanes reads as well as one with three.
    lanes = "".join(
        f'<tr><td style="background:{_safe_colour(colour)}; color:#1A1A1A; padding:6px 10px;">'
        f"<b>{escape(title)}</b><br/><small>{escape(prompt)}</small></td></tr>"
        for title, prompt, colour in entry.lane_prompts
    )
    phases = "".join(
        f"<tr><td>{escape(title)}</td><td align='right'>{minutes} min</td><td><i>{escape(kind)}</i></td></tr>"
        for title, minutes, kind in entry.phases
    )
    origin = "Built in" if entry.origin == "built-in" else "Your template"
    author = f" · by {escape(entry.author)}" if entry.author else ""
    return (
        f"<h2>{escape(entry.name)}</h2>"
        f"<p>{escape(entry.description)}</p>"
        f"<p><small>{origin}{author} · {entry.agenda_minutes} minutes · language {escape(entry.language)}</small></p>"
        f"<h3>Lanes</h3><table width='100%' cellspacing='4'>{lanes}</table>"
        f"<h3>Agenda</h3><table cellspacing='4'>{phases}</table>"
    )


def _safe_colour(colour: str) -> str:
    # The format already restricts colours to #RRGGBB; re-checked because this goes into markup.
    return colour if QColor.isValidColorName(colour) and colour.startswith("#") else "#FFFFFF"
