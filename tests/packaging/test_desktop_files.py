"""What a Linux desktop reads: the desktop entry, the AppStream metainfo and the icons agree and validate."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from canvasapp import __version__
from canvasapp.locations import app_icon_pngs, app_icon_svg

from .bundle import REPO

LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.workshopcanvas.canvasapp"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def needs(program: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(program) is None,
                              reason=f"needs {program} (scripts/setup.sh --test installs it)")


@needs("desktop-file-validate")
def test_desktop_entry_validates() -> None:
    checked = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr


@needs("appstreamcli")
def test_metainfo_validates_pedantically() -> None:
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_metainfo_names_the_desktop_entry_and_this_version() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "canvasapp"
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__


def test_desktop_entry_runs_the_command_with_the_shipped_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "canvasapp"
    assert (ICONS / f"{section['Icon']}.svg").is_file()


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_icon_size_is_rendered_where_the_app_finds_it() -> None:
    assert [png_size(path) for path in app_icon_pngs()] == [(size, size) for size in PNG_SIZES]
    assert app_icon_svg() == ICONS / "canvasapp.svg"
    svg = ElementTree.parse(app_icon_svg()).getroot()
    assert svg.get("viewBox") == "0 0 512 512"
