"""A board a little taller than a page is drawn on one page, not split with a stub."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, new_id
from canvasapp.ops.summary import build_summary

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def continues(pdf: Path) -> bool:
    """Whether the board picture runs onto a second page (its lanes say "(continued)")."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "(continued)" in text


@pytest.mark.parametrize(("rows", "split"), [(8, False), (16, True)])
def test_a_slightly_tall_board_fits_one_page_and_a_tall_one_continues(tmp_path: Path, rows: int, split: bool) -> None:
    session = session_from_template(find_template(None), "Tall board")
    session.add_notes(
        Note(id=new_id(), lane_id="drivers", text=f"Note row {row}", x=24.0, y=174.0 + 164.0 * row) for row in range(rows)
    )
    pdf = tmp_path / "board.pdf"
    pdf.write_bytes(summary_pdf(build_summary(session)))
    assert continues(pdf) == split
