"""Where the app's shipped files are, installed or run from a checkout.

A wheel carries ``resources/`` and ``workshop_templates/`` inside the package; a checkout (and an
editable install) keeps them at the repository's top level. Standard library only, so any layer
may use it.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    """Fonts, icons and other files the app draws with."""
    return _shipped("resources")


def builtin_templates_dir() -> Path:
    """The built-in workshop templates (``*.workshop-template.json``)."""
    return _shipped("workshop_templates")


def font_path() -> Path:
    """The app's own Unicode font, shared by the canvas and the PDF."""
    return resources_dir() / "fonts" / "DejaVuSans.ttf"


def bold_font_path() -> Path:
    return resources_dir() / "fonts" / "DejaVuSans-Bold.ttf"


def app_icon_svg() -> Path:
    """The app's own icon, drawn as SVG (the desktop entry's icon and the source of the PNGs)."""
    return resources_dir() / "icons" / "app" / "canvasapp.svg"


def app_icon_pngs() -> list[Path]:
    """The app's icon rendered at 16 to 512 pixels, smallest first: one file per size for a QIcon."""
    return sorted(app_icon_svg().parent.glob("canvasapp-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
