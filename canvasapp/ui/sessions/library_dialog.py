"""File → Open Library…: a library file or folder, or a team's PostgreSQL address."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class OpenLibraryDialog(QDialog):
    """One line to type or pick a library in (recent ones in its list), and two ways to browse."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_library_dialog")
        self.setWindowTitle("Open Library")
        self.resize(720, 200)
        explanation = QLabel(
            "A library file or a folder (a new library is made there if it has none), "
            "or a team library's address: postgresql://user@host/database"
        )
        explanation.setWordWrap(True)
        self.location = QComboBox(self)
        self.location.setObjectName("library_location")
        self.location.setEditable(True)
        self.location.addItems(recent)
        self.location.setCurrentText("")
        self.location.setToolTip("Recent libraries are in the list")
        choose_file = QPushButton("File…")
        choose_file.setObjectName("choose_library_file")
        choose_file.clicked.connect(self._choose_file)
        choose_folder = QPushButton("Folder…")
        choose_folder.setObjectName("choose_library_folder")
        choose_folder.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(choose_file)
        row.addWidget(choose_folder)
        passwords = QLabel(
            "Passwords are used for this time only and never kept: for a library you open often, "
            "put the password in ~/.pgpass (or use a service file)."
        )
        passwords.setWordWrap(True)
        passwords.setObjectName("library_password_note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(passwords)
        layout.addWidget(buttons)

    @property
    def chosen(self) -> str:
        return self.location.currentText().strip()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Library File", str(Path.home()), "Workshop Canvas libraries (*.sqlite);;All files (*)"
        )
        if path:
            self.location.setCurrentText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Library Folder", str(Path.home()))
        if path:
            self.location.setCurrentText(path)
