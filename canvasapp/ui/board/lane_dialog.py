"""Lanes → New Lane and Rename Lane (F2, or a double-click on a lane's title): title and prompt."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget


class LaneDialog(QDialog):
    """The lane's title and the question the room answers in it."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lane_dialog")
        self.setWindowTitle("Rename Lane")
        self.resize(520, 260)
        self.title_edit = QLineEdit(title)
        self.title_edit.setObjectName("lane_title")
        self.title_edit.selectAll()
        self.prompt_edit = QPlainTextEdit(prompt)
        self.prompt_edit.setObjectName("lane_prompt")
        self.prompt_edit.setPlaceholderText("The question this lane asks the room (shown under its title)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title:", self.title_edit)
        form.addRow("Prompt:", self.prompt_edit)
        form.addRow(buttons)

    def title(self) -> str:
        return self.title_edit.text().strip()

    def prompt(self) -> str:
        return self.prompt_edit.toPlainText().strip()

    def _accept(self) -> None:
        if self.title():
            self.accept()
        else:
            self.title_edit.setFocus()  # a lane needs a title
