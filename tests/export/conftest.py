"""Fixtures for the export tests: a session full of hostile text, and reading PDFs back."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session, new_id
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.placement import GridPlacer
from canvasapp.ops.summary import WorkshopDetails, WorkshopSummary, build_summary
from tests.export.hostile import HOSTILE_TEXTS, LANES


def hostile_session(title: str = "Community <b>gathering</b> & R&D") -> Session:
    """A session from the default template with every hostile text, spread over the lanes."""
    session = session_from_template(find_template("drivers-blockers-activities"), title)
    session.remove_notes([note.id for note in session.notes])
    placer = GridPlacer(lane_rects(session.lanes))
    notes = []
    for index, text in enumerate(HOSTILE_TEXTS):
        lane = LANES[index % len(LANES)]
        x, y = placer.place(lane)
        notes.append(Note(id=new_id(), lane_id=lane, text=text, x=x, y=y))
    # One note outside every lane: it must still be listed.
    notes.append(Note(id=new_id(), lane_id=None, text="Parked: ask the council about rooms", x=3000.0, y=200.0))
    session.add_notes(notes)
    return session


@pytest.fixture
def session() -> Session:
    return hostile_session()


@pytest.fixture
def summary(session: Session) -> WorkshopSummary:
    details = WorkshopDetails(date=date(2024, 5, 3), place="Town hall <main room>", facilitator="Ana & Bo", participants=14)
    return build_summary(session, details, "Drivers, blockers and activities")


_FOOTER = re.compile(r"^(Page \d+ of \d+|.* · \d{4}-\d{2}-\d{2})$")


def pdf_text(path: Path) -> str:
    """The text of a PDF with page footers removed and all whitespace collapsed to one space."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in raw.replace("\f", "\n").splitlines() if not _FOOTER.match(line.strip())]
    return normalise(" ".join(lines))


def normalise(text: str) -> str:
    return " ".join(text.split())
