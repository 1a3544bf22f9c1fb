"""The export and import figures in docs/ARCHITECTURE.md: PDF of 1,000 notes, CSV import of 10,000.

``pdf_1k_s``: the whole PDF export of a 1,000-note session (summary, board picture, every note),
beside a bare reportlab ``SimpleDocTemplate`` of 1,000 plain Paragraphs of the same texts.
``csv_import_10k_s``: reading, checking and placing 10,000 notes from a CSV file and adding the
session to a library in one transaction, beside a bare ``csv.reader`` over the same file.
Smaller ``--notes`` shrink both (the test suite's smoke run).
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from xml.sax.saxutils import escape

from common import Figure, Measurement, timed

from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.notes_csv import read_csv_file, session_from_csv
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session, new_id
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.placement import GridPlacer
from canvasapp.ops.summary import build_summary
from canvasapp.storage import SessionRepository, open_library

_WORDS = ["members", "want", "to", "feel", "heard", "time", "pressure", "volunteers", "burn", "out", "shared", "meals", "welcome", "new", "people", "trust", "grows", "slowly", "nobody", "owns", "the", "newsletter", "clear", "roles", "local", "pride", "stories", "of", "change", "funding", "gaps", "childcare", "at", "meetings", "a", "safe", "place", "to", "disagree", "consent", "before", "photos", "rituals", "mark", "beginnings", "the", "hall", "is", "cold", "on", "Tuesdays", "mentors", "for", "first", "timers", "Привет", "Γειά", "café"]


def _texts(count: int) -> list[str]:
    generator = random.Random(5)
    return [" ".join(generator.choices(_WORDS, k=generator.randint(3, 24))) for _ in range(count)]


def _session(count: int) -> Session:
    session = session_from_template(find_template("drivers-blockers-activities"), "Benchmark")
    session.remove_notes([note.id for note in session.notes])
    lanes = [lane.id for lane in session.lanes]
    placer = GridPlacer(lane_rects(session.lanes))
    notes = []
    for index, text in enumerate(_texts(count)):
        lane = lanes[index % len(lanes)]
        x, y = placer.place(lane)
        notes.append(Note(id=new_id(), lane_id=lane, text=text, x=x, y=y))
    session.add_notes(notes)
    return session


def measure_pdf(folder: Path, notes: int) -> Measurement:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    count = min(notes, 1000)
    session = _session(count)
    value = timed(lambda: summary_pdf(build_summary(session, template_name="Drivers, blockers and activities")))

    texts = [note.text for note in session.notes]
    style = getSampleStyleSheet()["BodyText"]

    def bare() -> None:
        SimpleDocTemplate(io.BytesIO()).build([Paragraph(escape(text), style) for text in texts])

    return Measurement(value=value, baseline=timed(bare))


def measure_csv_import(folder: Path, notes: int) -> Measurement:
    path = folder / "import-notes.csv"
    lanes = ("drivers", "Blockers", "ACTIVITIES")
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["text", "lane", "cluster", "colour"])
        for index, text in enumerate(_texts(notes)):
            writer.writerow([text, lanes[index % 3], "", "#FFB3C7" if index % 7 == 0 else ""])
    template = find_template("drivers-blockers-activities")
    library = open_library(folder / "import-library.sqlite")
    try:
        repository = SessionRepository(library)
        value = timed(lambda: repository.add(session_from_csv(read_csv_file(path), template, "Imported", path.name)))
    finally:
        library.close()

    def bare() -> None:
        with path.open(encoding="utf-8-sig", newline="") as file:
            for _row in csv.reader(file):
                pass

    return Measurement(value=value, baseline=timed(bare))


FIGURES = [
    Figure("pdf_1k_s", "s", 3.0, measure_pdf),
    Figure("csv_import_10k_s", "s", 1.0, measure_csv_import),
]
