"""One licence, said the same way everywhere: the package metadata, the AppStream metainfo, the
.deb's copyright file, the About box, and the full text beside the code."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from canvasapp import LICENSE

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"


def test_the_licence_is_gpl_3_or_later_everywhere() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    metainfo = ElementTree.parse(LINUX / "io.github.workshopcanvas.canvasapp.metainfo.xml").getroot()
    copyright_file = (LINUX / "copyright").read_text(encoding="utf-8")
    ours = copyright_file.split("Files: *", 1)[1].split("\n\n", 1)[0]

    assert LICENSE == "GPL-3.0-or-later"
    assert project["license"] == LICENSE
    assert "LICENSE" in project["license-files"]
    assert metainfo.findtext("project_license") == LICENSE
    assert re.search(r"^License: (.+)$", ours, re.MULTILINE).group(1) == LICENSE  # type: ignore[union-attr]
    assert "/usr/share/common-licenses/GPL-3" in ours


def test_the_full_text_of_the_gpl_3_is_beside_the_code() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.split("\n")[:2] == [" " * 20 + "GNU GENERAL PUBLIC LICENSE", " " * 23 + "Version 3, 29 June 2007"]
    assert "END OF TERMS AND CONDITIONS" in text
    debian = Path("/usr/share/common-licenses/GPL-3")
    if debian.is_file():
        assert text == debian.read_text(encoding="utf-8")
