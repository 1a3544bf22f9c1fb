"""The PDF summary: every note verbatim, fonts embedded, outline, metadata, nothing injected."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from canvasapp.export.pdf import PdfOptions, SummaryPdf, chunks, markup, summary_pdf
from canvasapp.model import Note, Session, new_id
from canvasapp.ops.lane_layout import GridPlacer
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.summary import WorkshopSummary, build_summary
from tests.export.conftest import normalise, pdf_text
from tests.export.hostile import HOSTILE_TEXTS


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from canvasapp.ops.summary import WorkshopDetails
    from tests.export.conftest import hostile_session

    details = WorkshopDetails(date=date(2024, 5, 3), place="Town hall <main room>", facilitator="Ana & Bo", participants=14)
    summary = build_summary(hostile_session(), details, "Drivers, blockers and activities")
    path = tmp_path_factory.mktemp("pdf") / "summary.pdf"
    SummaryPdf(summary).write(path)
    return path


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_every_note_is_in_the_pdf_verbatim(exported: Path) -> None:
    text = pdf_text(exported)
    for note in [*HOSTILE_TEXTS, "Parked: ask the council about rooms"]:
        assert normalise(note) in text, f"missing from the PDF: {note[:60]!r}"


def test_title_block_and_outcome_read_on_their_own(exported: Path) -> None:
    text = pdf_text(exported)
    for expected in [
        "Community <b>gathering</b> & R&D", "3 May 2024", "Town hall <main room>", "Ana & Bo", "14",
        "Drivers, blockers and activities (drivers-blockers-activities)", "15 in 3 lanes",
        "No dot vote was recorded in this session", "Drivers (5 notes)", "Outside the lanes (1 note)",
    ]:
        assert expected in text


def test_every_font_is_embedded(exported: Path) -> None:
    rows = _run("pdffonts", str(exported)).splitlines()[2:]
    assert rows, "the PDF uses no fonts at all"
    for row in rows:
        assert "Helvetica" not in row
        # Columns: name type encoding emb sub uni object id; emb and sub are "yes".
        assert re.search(r"\byes\s+yes\s+yes\b", row), row


def test_metadata_pages_and_outline(exported: Path) -> None:
    info = _run("pdfinfo", str(exported))
    assert "Title:           Community <b>gathering</b> & R&D" in info
    assert "Author:          Ana & Bo" in info
    assert "Subject:         Workshop summary" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    text = _run("pdftotext", str(exported), "-")
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    # Outline entries are plain (uncompressed) objects: read their titles from the file.
    titles = re.findall(rb"/Title \((.*?)\)(?: /|\s|>>)", exported.read_bytes())
    for entry in [b"Outcome", b"The board", b"Drivers \\(5 notes\\)", b"Outside the lanes \\(1 note\\)"]:
        assert entry in titles, titles


def test_no_link_image_or_script_comes_from_note_text(exported: Path) -> None:
    data = exported.read_bytes()
    for marker in [b"/Link", b"/URI", b"/JavaScript", b"/JS", b"/Subtype /Image", b"/Launch"]:
        assert marker not in data
    assert _run("pdfimages", "-list", str(exported)).splitlines()[2:] == []


def test_the_board_has_its_own_landscape_page(exported: Path) -> None:
    info = _run("pdfinfo", "-f", "1", "-l", "3", str(exported))
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert float(sizes[0][0]) < float(sizes[0][1])  # the title page is portrait
    assert float(sizes[1][0]) > float(sizes[1][1])  # the board is landscape
    assert "The board" in _run("pdftotext", "-f", "2", "-l", "2", str(exported), "-")


def test_letter_paper_and_no_board(summary: WorkshopSummary, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(summary_pdf(summary, PdfOptions(page_size="letter", include_board=False)))
    info = _run("pdfinfo", str(path))
    assert "612 x 792 pts (letter)" in info
    assert "The board" not in pdf_text(path)


def test_an_empty_session_still_makes_a_sensible_pdf(tmp_path: Path) -> None:
    session = Session.create("Nothing said yet", [], template_id=None)
    path = tmp_path / "empty.pdf"
    path.write_bytes(summary_pdf(build_summary(session)))
    text = pdf_text(path)
    assert "Nothing said yet" in text and "0 in 0 lanes" in text


def test_a_tall_board_continues_over_pages_without_losing_notes(tmp_path: Path) -> None:
    from tests.export.conftest import hostile_session

    session = hostile_session("Tall board")
    placer = GridPlacer(lane_rects(session.lanes), used={"drivers": 5, "blockers": 5, "activities": 4})
    extra = []
    for index in range(240):
        lane = ("drivers", "blockers", "activities")[index % 3]
        x, y = placer.place(lane)
        extra.append(Note(id=new_id(), lane_id=lane, text=f"Extra idea {index}", x=x, y=y))
    session.add_notes(extra)
    path = tmp_path / "tall.pdf"
    path.write_bytes(summary_pdf(build_summary(session)))
    board_pages = [
        page for page in range(2, 12)
        if "(continued)" in _run("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")
    ]
    assert len(board_pages) >= 2
    text = pdf_text(path)
    assert all(f"Extra idea {index}" in text for index in range(240))


def test_markup_escapes_and_keeps_newlines() -> None:
    assert markup('<a href="x">R&D</a>\nnext') == '&lt;a href="x"&gt;R&amp;D&lt;/a&gt;<br/>next'
    assert markup("bell\x07tab\tend") == "bell tab end"


@pytest.mark.parametrize(
    ("text", "has_breaks"),
    [("short", True), ("a\n" * 2000, True), ("x" * 5000, False), (" ".join(["word"] * 3000), True),
     (("line " * 400 + "\n") * 5, True)],
    ids=["short", "many-lines", "one-long-word", "one-long-line", "long-lines"],
)
def test_chunks_lose_no_character(text: str, has_breaks: bool) -> None:
    pieces = chunks(text, 1500)
    assert all(len(piece) <= 1500 for piece in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    if has_breaks:  # a cut replaces one newline or space, so the words are unchanged
        assert normalise(" ".join(pieces)) == normalise(text)
