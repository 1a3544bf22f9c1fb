"""Who the app is to the desktop: the names its settings are filed under, the desktop entry its
windows belong to, its icon, and how it scales on a high-DPI screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon

from canvasapp import APP_NAME, __version__
from canvasapp.locations import app_icon_pngs

#: The desktop entry (``packaging/linux``) and AppStream id: with it, a Wayland compositor and the
#: task bar show the app's own name and icon for its windows.
DESKTOP_FILE_ID = "io.github.workshopcanvas.canvasapp"
#: QSettings files them under these: ~/.config/canvasapp/canvasapp.conf on Linux,
#: HKEY_CURRENT_USER\Software\canvasapp\canvasapp on Windows, and, from the reversed domain,
#: ~/Library/Preferences/io.github.workshopcanvas.canvasapp.plist on macOS.
ORGANIZATION_NAME = "canvasapp"
ORGANIZATION_DOMAIN = "workshopcanvas.github.io"
APPLICATION_NAME = "canvasapp"


def identify_app() -> None:
    """Name the app before anything reads a setting or makes the QApplication.

    Settings read before the window exists (the session to open first) must land in the same
    file as those the window writes, so this runs first; the scaling policy counts only before
    the QApplication is made. Running it again changes nothing.
    """
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_ID)
    if QCoreApplication.instance() is None:
        # At 150% a pixel of the board is 1.5 device pixels, not rounded to 1 or 2: the layout
        # is the same at every scale and text stays sharp. (Qt 6's default; said so here on
        # purpose, since rounding would make a 150% screen show a 200% window.)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def app_icon() -> QIcon:
    """The app's icon at every shipped size (16 to 512 pixels): the window manager, the task
    switcher and a 200% title bar each take the size they need rather than a scaled one."""
    result = QIcon()
    for path in app_icon_pngs():
        result.addFile(str(path))
    return result
