"""A long cluster title on the PDF's board picture wraps to two lines and is shortened only
at its end, with the count kept ("Belonging and recognition for … · 4")."""

from __future__ import annotations

import subprocess
from pathlib import Path

from canvasapp.export.pdf import SummaryPdf
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note, new_id
from canvasapp.ops.summary import build_summary

LONG = "Belonging and recognition for everyone who turns up week after week whatever the weather brings"


def test_long_cluster_title_wraps_and_is_cut_only_at_the_end(tmp_path: Path) -> None:
    session = session_from_template(find_template(None), "Titles")
    notes = [Note(new_id(), "drivers", f"Note {i}", x=40.0 + 220 * (i % 3), y=300.0 + 160 * (i // 3)) for i in range(4)]
    session.add_notes(notes)
    session.add_cluster(Cluster(new_id(), LONG, "drivers", [note.id for note in notes]))
    path = tmp_path / "summary.pdf"
    SummaryPdf(build_summary(session)).write(path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    board = next(page for page in pages if "The board" in page)
    lines = [line.strip() for line in board.splitlines() if "Belonging" in line or "· 4" in line]
    assert any(line.startswith("Belonging and") for line in lines), board
    label = " ".join(" ".join(line.split()) for line in lines)
    assert label.endswith("· 4")
    shown = label.removesuffix("· 4").replace("…", "").split()
    words = LONG.split()
    assert shown[:-1] == words[: len(shown) - 1], "the words shown are the title's first words, in order"
    assert words[len(shown) - 1].startswith(shown[-1]), "cut at the end (perhaps within the last word)"
    assert len(shown) >= 6, "two lines' worth of the title"
