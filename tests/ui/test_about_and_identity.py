"""Help → About says what this is and where it keeps things; the app tells the desktop who it is
(icon, desktop entry) and files its settings in one predictable place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from canvasapp import APP_NAME, LICENSE, __version__
from canvasapp.storage import default_library_path
from canvasapp.ui.window import about_dialog
from canvasapp.ui.window.about_dialog import AboutDialog
from canvasapp.ui.window.desktop_identity import DESKTOP_FILE_ID
from canvasapp.ui.window.main_window import MainWindow

from .conftest import trigger
from .dialogs import when_dialog_opens

REPOSITORY = Path(__file__).resolve().parents[2]


def open_about(window: MainWindow) -> AboutDialog:
    trigger(window, "help.about")
    dialog = window.window_actions.about_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def shown(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_about_shows_the_version_the_licence_and_the_library_in_use(make_window, library_path: Path,  # type: ignore[no-untyped-def]
                                                                     templates_dir: Path) -> None:
    window = make_window()
    dialog = open_about(window)

    assert f"Version {__version__}" in shown(dialog, "about_title")
    assert APP_NAME in shown(dialog, "about_title")
    assert LICENSE in shown(dialog, "about_licence")
    assert shown(dialog, "about_library") == str(library_path.resolve())
    assert shown(dialog, "about_data") == str(default_library_path().parent)
    assert shown(dialog, "about_templates") == str(templates_dir)
    assert shown(dialog, "about_settings") == QSettings().fileName()
    assert dialog.windowTitle() == f"About {APP_NAME}"


def test_a_library_given_by_a_relative_path_is_shown_in_full(make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    window = make_window(library=Path("relative.sqlite"))
    assert shown(open_about(window), "about_library") == str(tmp_path.resolve() / "relative.sqlite")


def test_the_paths_can_be_selected_and_copy_puts_everything_on_the_clipboard(make_window, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_about(make_window())
    assert dialog.findChild(QLabel, "about_library").textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

    dialog.findChild(QPushButton, "about_copy").click()

    copied = QGuiApplication.clipboard().text()
    assert f"{APP_NAME} {__version__}" in copied
    assert f"Licence: {LICENSE}" in copied
    assert f"Library: {library_path.resolve()}" in copied
    assert f"Settings: {QSettings().fileName()}" in copied


def test_open_folder_opens_the_folder_where_a_desktop_can(make_window, library_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    assert open_about(window).findChild(QPushButton, "about_open_library") is None  # no desktop here
    opened: list[str] = []
    monkeypatch.setattr(about_dialog, "can_open_folders", lambda: True)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    window.window_actions.about_dialog.close()
    dialog = open_about(window)

    dialog.findChild(QPushButton, "about_open_library").click()
    dialog.findChild(QPushButton, "about_open_settings").click()

    assert opened == [str(library_path.resolve().parent), str(Path(QSettings().fileName()).parent)]
    # Not made yet: nothing to open (an About box makes no folders).
    assert not dialog.findChild(QPushButton, "about_open_templates").isEnabled()


def test_about_qt_names_the_qt_in_use(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    seen: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle() + " " + box.text())
        box.accept()

    when_dialog_opens(read_and_close)
    trigger(window, "help.about_qt")

    assert seen and "About Qt" in seen[0] and "Qt" in seen[0]


def test_the_window_has_the_apps_icon_at_every_size(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 24, 32, 48, 64, 128, 256, 512]


def test_the_desktop_knows_the_app_by_its_entry_and_its_settings_have_one_home(make_window,  # type: ignore[no-untyped-def]
                                                                              temporary_settings: Path) -> None:
    make_window()
    assert QGuiApplication.desktopFileName() == DESKTOP_FILE_ID
    assert (QCoreApplication.organizationName(), QCoreApplication.applicationName()) == ("canvasapp", "canvasapp")
    assert QCoreApplication.applicationVersion() == __version__
    # The test's own folder (never the user's), in the place the app files them.
    assert Path(QSettings().fileName()) == temporary_settings / "canvasapp" / "canvasapp.ini"
    assert Path(QSettings().fileName()).is_file()  # the window wrote its recent sessions there


def test_before_any_window_settings_are_read_from_the_apps_own_file(tmp_path: Path) -> None:
    """The session to start on is read before the QApplication exists: from the same file."""
    script = ("from canvasapp.ui.window.desktop_identity import identify_app; identify_app(); "
              "from PySide6.QtCore import QSettings; print(QSettings().fileName())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "PYTHONPATH": str(REPOSITORY)})
    assert done.stdout.strip() == str(tmp_path / "canvasapp" / "canvasapp.conf")
