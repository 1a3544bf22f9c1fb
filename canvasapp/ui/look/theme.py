"""Themes: named tokens (colours, sizes) that fill the split stylesheets and colour the board.

The light theme comes first because the app is projected: near-black on white, large type, thick
focus rings. The dark theme is for a facilitator preparing a session at night. Stylesheets live
as ordered files in ``resources/styles/*.qss`` with ``{{ token }}`` placeholders (napari's
approach), so a colour is chosen once, here, and never spelt in a stylesheet.

The board reads :func:`current_theme` and follows :data:`theme_changed`; scene items need only
the few board tokens (``board_background``, ``lane_tint_alpha``, ...).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from canvasapp.locations import resources_dir
from canvasapp.ui.look.fonts import app_font_family

#: Where the choice is remembered (QSettings key).
THEME_KEY = "view/theme"
_TOKEN = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class ThemeError(KeyError):
    """A stylesheet names a token no theme defines, or a theme name is unknown."""


@dataclass(frozen=True)
class Theme:
    """The tokens of one look. Colours are ``#RRGGBB`` strings; sizes are in points or pixels."""

    name: str
    title: str
    # Window chrome.
    background: str
    foreground: str
    panel: str
    """Menus, tool bars, status bar: one step away from ``background``."""
    border: str
    highlight: str
    """Selection and focus: also the selection ring on the board."""
    highlight_text: str
    secondary: str
    """Muted text (status bar, disabled items); still at least 4.5:1 on ``panel``."""
    icon: str
    """The one colour SVG icons are drawn in."""
    # The board.
    board_background: str
    lane_tint_alpha: int
    """How strongly a lane's colour tints its column (0-255) over ``board_background``."""
    overview_map_frame: str
    # Type.
    font_size_pt: int
    """The UI's type size: large in the projector theme so menus read from the room."""
    toolbar_icon_px: int
    focus_width_px: int

    def tokens(self) -> dict[str, str]:
        """Every token as text, plus the app font's family, for the stylesheets."""
        values = {name: str(value) for name, value in asdict(self).items()}
        values["font_family"] = app_font_family()
        return values


LIGHT = Theme(
    name="light",
    title="Light (projector)",
    background="#FFFFFF",
    foreground="#000000",
    panel="#F0F0F0",
    border="#5A5A5A",
    highlight="#0B4FC4",
    highlight_text="#FFFFFF",
    secondary="#3D3D3D",
    icon="#111111",
    board_background="#FFFFFF",
    lane_tint_alpha=45,
    overview_map_frame="#D0021B",
    font_size_pt=13,
    toolbar_icon_px=32,
    focus_width_px=3,
)

DARK = Theme(
    name="dark",
    title="Dark",
    background="#1E1F22",
    foreground="#F2F2F2",
    panel="#2B2D31",
    border="#8A8D93",
    highlight="#6EA8FF",
    highlight_text="#000000",
    secondary="#C4C7CC",
    icon="#EDEDED",
    board_background="#17181A",
    lane_tint_alpha=60,
    overview_map_frame="#FFB020",
    font_size_pt=12,
    toolbar_icon_px=28,
    focus_width_px=2,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, DARK)}
DEFAULT_THEME = LIGHT


class _ThemeSignals(QObject):
    changed = Signal(object)
    """The new :class:`Theme`, after the stylesheet is applied."""


_signals = _ThemeSignals()
#: Emitted with the new :class:`Theme` whenever :func:`apply_theme` switches the look.
theme_changed = _signals.changed
_current: list[Theme] = [DEFAULT_THEME]


def current_theme() -> Theme:
    """The look in use now (the default until :func:`apply_theme` is called)."""
    return _current[0]


def saved_theme() -> Theme:
    """The theme the user chose last time; the default if none or an unknown name is stored."""
    name = QSettings().value(THEME_KEY, DEFAULT_THEME.name)
    return THEMES.get(str(name), DEFAULT_THEME)


def save_theme(theme: Theme) -> None:
    settings = QSettings()
    settings.setValue(THEME_KEY, theme.name)
    settings.sync()


def stylesheet_files() -> list[str]:
    """The stylesheet parts, in the order they are joined (their names start with a number)."""
    return sorted(path.name for path in (resources_dir() / "styles").glob("*.qss"))


@cache
def _template() -> str:
    folder = resources_dir() / "styles"
    return "\n".join((folder / name).read_text(encoding="utf-8") for name in stylesheet_files())


def stylesheet(theme: Theme) -> str:
    """The joined stylesheets with every ``{{ token }}`` filled; an unknown token is an error
    here rather than a silently broken rule in the running app."""
    tokens = theme.tokens()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tokens:
            raise ThemeError(f"The stylesheet uses {{{{ {name} }}}}, which no theme defines.")
        return tokens[name]

    return _TOKEN.sub(fill, _template())


def palette(theme: Theme) -> QPalette:
    """A palette to match, for what stylesheets do not reach (tooltips, item views' defaults)."""
    result = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, theme.panel),
        (roles.WindowText, theme.foreground),
        (roles.Base, theme.background),
        (roles.AlternateBase, theme.panel),
        (roles.Text, theme.foreground),
        (roles.Button, theme.panel),
        (roles.ButtonText, theme.foreground),
        (roles.Highlight, theme.highlight),
        (roles.HighlightedText, theme.highlight_text),
        (roles.ToolTipBase, theme.background),
        (roles.ToolTipText, theme.foreground),
        (roles.PlaceholderText, theme.secondary),
    ):
        result.setColor(role, QColor(colour))
    return result


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    """Restyle the whole application and tell the board (``theme_changed``)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    _current[0] = theme
    app.setPalette(palette(theme))
    app.setStyleSheet(stylesheet(theme))
    theme_changed.emit(theme)
