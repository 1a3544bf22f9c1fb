"""Looks: themes from tokens and split stylesheets, remembered; icons by validated name; the
main tool bar; the app font in the UI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.look.fonts import app_font_family
from canvasapp.ui.look.icons import UnknownIconError, icon, icon_names, validate_icon_names
from canvasapp.ui.look.theme import (
    DARK,
    LIGHT,
    THEME_KEY,
    THEMES,
    ThemeError,
    apply_theme,
    current_theme,
    saved_theme,
    stylesheet,
    stylesheet_files,
)
from canvasapp.ui.window.menus import ACTIONS
from tests.ui.conftest import trigger

# --- icons ------------------------------------------------------------------------------


def test_every_shipped_icon_renders(qapp: QApplication) -> None:
    assert {"new_note", "delete", "undo", "redo", "zoom_in", "zoom_out", "fit_all", "find", "minimap", "theme"} <= icon_names()
    for name in icon_names():
        pixmap = icon(name, "#000000").pixmap(32, 32)
        image = pixmap.toImage()
        # Something is drawn: at least one opaque pixel, not a blank button.
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32)), name


def test_every_action_icon_exists() -> None:
    named = [spec.icon for spec in ACTIONS if spec.icon]
    assert named, "the tool bar needs actions with icons"
    validate_icon_names(named)


def test_an_unknown_icon_name_is_an_error_not_a_blank(qapp: QApplication) -> None:
    with pytest.raises(UnknownIconError, match="zoom_sideways"):
        icon("zoom_sideways")
    with pytest.raises(UnknownIconError):
        validate_icon_names(["fit_all", "no_such_icon"])


def test_icons_take_the_theme_colour(qapp: QApplication) -> None:
    light = icon("fit_all", LIGHT.icon).pixmap(32, 32).toImage()
    dark = icon("fit_all", DARK.icon).pixmap(32, 32).toImage()
    opaque = [(x, y) for x in range(32) for y in range(32) if light.pixelColor(x, y).alpha() == 255]
    x, y = opaque[0]
    assert light.pixelColor(x, y).lightness() < 60
    assert dark.pixelColor(x, y).lightness() > 200


# --- themes -------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES.keys())
def test_stylesheets_are_split_files_with_every_token_filled(qapp: QApplication, theme) -> None:  # type: ignore[no-untyped-def]
    assert len(stylesheet_files()) >= 3
    assert stylesheet_files() == sorted(stylesheet_files())
    sheet = stylesheet(theme)
    assert "{{" not in sheet and "}}" not in sheet
    assert theme.board_background not in ("",)
    assert f"font-size: {theme.font_size_pt}pt" in sheet
    assert app_font_family() in sheet


def test_the_projector_theme_has_large_type_and_strong_contrast() -> None:
    def luminance(colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        q = QColor(colour)
        return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    assert LIGHT.font_size_pt >= 13
    for theme in THEMES.values():
        assert contrast(theme.foreground, theme.background) >= 7
        assert contrast(theme.foreground, theme.panel) >= 7
        assert contrast(theme.highlight_text, theme.highlight) >= 4.5
        assert contrast(theme.secondary, theme.panel) >= 4.5


def test_an_unknown_token_is_an_error(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    import canvasapp.ui.look.theme as theme_module

    monkeypatch.setattr(theme_module, "_template", lambda: "QWidget { color: {{ no_such_token }}; }")
    with pytest.raises(ThemeError, match="no_such_token"):
        stylesheet(LIGHT)


def test_theme_switch_restyles_the_board_and_is_remembered(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.actions_by_id["view.theme_light"].isChecked()
    assert window.view.backgroundBrush().color() == QColor(LIGHT.board_background)

    trigger(window, "view.theme_dark")

    assert current_theme() == DARK
    assert window.actions_by_id["view.theme_dark"].isChecked()
    assert not window.actions_by_id["view.theme_light"].isChecked()
    assert window.view.backgroundBrush().color() == QColor(DARK.board_background)
    assert DARK.panel.lower() in QApplication.instance().styleSheet().lower()
    assert QSettings().value(THEME_KEY) == "dark"
    assert saved_theme() == DARK
    # A restart applies what was saved; a new window shows it checked.
    apply_theme(saved_theme())
    again = make_window(window.document.session.id)
    assert again.actions_by_id["view.theme_dark"].isChecked()

    trigger(window, "view.theme_light")
    assert current_theme() == LIGHT and saved_theme() == LIGHT


def test_an_unknown_saved_theme_falls_back_to_the_default(qapp: QApplication) -> None:
    QSettings().setValue(THEME_KEY, "neon")
    assert saved_theme() == LIGHT


# --- tool bar and font -----------------------------------------------------------------------


def test_main_toolbar_is_built_from_the_table(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    toolbar = window.findChild(type(window.toolbar), "main_toolbar")
    assert toolbar is window.toolbar
    on_bar = [action.objectName() for action in toolbar.actions() if not action.isSeparator()]
    assert on_bar[:2] == ["edit.undo", "edit.redo"]
    for spec in ACTIONS:
        if spec.icon:
            assert spec.id in on_bar
            assert not window.actions_by_id[spec.id].icon().isNull()
    assert "Ctrl+0" in window.actions_by_id["view.fit_all"].toolTip()


def test_the_ui_uses_the_app_font(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert QApplication.font().family() == app_font_family()
    assert window.zoom_label.font().family() == app_font_family()
    assert window.menuBar().font().family() == app_font_family()
