"""Help → About Workshop Canvas: the version and licence, and where this app keeps things (the
library in use, the data, templates and settings), as text to select or copy into a mail for
help, with a button to open each folder where the desktop can."""

from __future__ import annotations

import platform
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from canvasapp import APP_NAME, LICENSE, __version__
from canvasapp.ui.window.desktop_identity import app_icon

LICENSE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
_HEADLESS_PLATFORMS = ("offscreen", "minimal")


@dataclass(frozen=True)
class Place:
    """One line of "where things are": what it is, where, and the folder to open (if any)."""

    label: str
    key: str
    """The last part of the object names of its text and button (``about_library``)."""
    where: str
    folder: Path | None


def can_open_folders() -> bool:
    """Whether "Open Folder" can show a file manager here: a real screen (not the offscreen or
    minimal platforms of tests and servers), and on Linux the desktop's opener."""
    if QGuiApplication.platformName() in _HEADLESS_PLATFORMS:
        return False
    return not sys.platform.startswith("linux") or shutil.which("xdg-open") is not None


def about_text(places: list[Place]) -> str:
    """Everything the box says, as plain text (what "Copy" puts on the clipboard)."""
    lines = [
        f"{APP_NAME} {__version__}",
        f"Licence: {LICENSE}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}, {platform.platform()}",
    ]
    lines += [f"{place.label}: {place.where}" for place in places]
    return "\n".join(lines)


class AboutDialog(QDialog):
    """What this is, under which licence, and where it keeps things."""

    def __init__(self, places: list[Place], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(f"About {APP_NAME}")
        self.places = places
        self.opened: list[Path] = []
        layout = QVBoxLayout(self)
        line = self.fontMetrics().height()
        layout.setSpacing(line // 2)
        layout.addLayout(self._heading())
        licence = QLabel(
            f"Free software under the GNU General Public License, version 3 or any later version "
            f"({LICENSE}). It comes with no warranty. "
            f'<a href="{LICENSE_URL}">Read the licence</a>.'
        )
        licence.setObjectName("about_licence")
        licence.setWordWrap(True)
        licence.setOpenExternalLinks(True)
        layout.addWidget(licence)
        built = QLabel(f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__}")
        built.setObjectName("about_built_with")
        layout.addWidget(built)
        layout.addSpacing(line // 2)
        layout.addLayout(self._places_grid())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("about_copy")
        copy.setToolTip("Put all of this on the clipboard, to paste into a message asking for help")
        copy.clicked.connect(self.copy)
        copy.setAutoDefault(False)  # Enter closes the box; copying is a choice
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self) -> QHBoxLayout:
        heading = QHBoxLayout()
        picture = QLabel()
        picture.setObjectName("about_icon")
        # In the font's units, so it grows with the screen's scale and the theme's type.
        side = self.fontMetrics().height() * 4
        picture.setPixmap(app_icon().pixmap(side, side))
        heading.addWidget(picture)
        title = QLabel(
            f"<div style='font-size:x-large; font-weight:bold'>{APP_NAME}</div>"
            f"<div>Version {__version__}</div>"
            "<div>Sticky notes, clusters and dot votes for in-person workshops</div>"
        )
        title.setObjectName("about_title")
        heading.addWidget(title, 1)
        return heading

    def _places_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.fontMetrics().height())
        grid.setColumnStretch(1, 1)
        openable = can_open_folders()
        for row, place in enumerate(self.places):
            grid.addWidget(QLabel(f"{place.label}:"), row, 0)
            where = QLabel(place.where)
            where.setObjectName(f"about_{place.key}")
            where.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            where.setWordWrap(True)
            grid.addWidget(where, row, 1)
            if openable and place.folder is not None:
                button = QPushButton("Open Folder")
                button.setObjectName(f"about_open_{place.key}")
                button.setAutoDefault(False)
                exists = place.folder.is_dir()
                button.setEnabled(exists)
                button.setToolTip(str(place.folder) if exists else f"{place.folder} is not there yet")
                button.clicked.connect(lambda _checked=False, folder=place.folder: self.open_folder(folder))
                grid.addWidget(button, row, 2)
        return grid

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(about_text(self.places))

    def open_folder(self, folder: Path) -> None:
        self.opened.append(folder)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
