"""The import and export figures, each a whole fresh process as the facilitator runs it.

``csv_import_s``: ``canvasapp import notes.csv`` of N notes into a new library, beside a bare
process that reads the same CSV and INSERTs its rows in one transaction (``bare_process.py``).
``pdf_1k_s``: ``canvasapp export --pdf`` of a 1,000-note session (summary, board picture, every
note), beside a bare reportlab ``SimpleDocTemplate`` of 1,000 plain Paragraphs of the same texts.
Smaller ``--notes`` shrink both (the test suite's smoke run).
"""

from __future__ import annotations

import csv
import random
from itertools import count
from pathlib import Path

from board import board
from common import PROCESS_RUNS, Figure, Measurement, NotTaken, process_seconds, repeat

BARE = str(Path(__file__).resolve().parent / "bare_process.py")
_WORDS = ["members", "want", "to", "feel", "heard", "time", "pressure", "volunteers", "burn", "out", "shared", "meals", "welcome", "new", "people", "trust", "grows", "slowly", "nobody", "owns", "the", "newsletter", "clear", "roles", "local", "pride", "stories", "of", "change", "funding", "gaps", "childcare", "at", "meetings", "a", "safe", "place", "to", "disagree", "consent", "before", "photos", "rituals", "mark", "beginnings", "the", "hall", "is", "cold", "on", "Tuesdays", "mentors", "for", "first", "timers", "Привет", "Γειά", "café"]
_fresh = count()


def _texts(number: int) -> list[str]:
    generator = random.Random(5)
    return [" ".join(generator.choices(_WORDS, k=generator.randint(3, 24))) for _ in range(number)]


def measure_csv_import(folder: Path, notes: int) -> Measurement:
    from canvasapp.formats.notes_csv import MAX_ROWS

    if notes > MAX_ROWS:
        raise NotTaken(f"a CSV file holds at most {MAX_ROWS:,} notes, by design")
    path = folder / f"import-{notes}.csv"
    lanes = ("drivers", "Blockers", "ACTIVITIES")
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["text", "lane", "cluster", "colour"])
        for index, text in enumerate(_texts(notes)):
            writer.writerow([text, lanes[index % 3], "", "#FFB3C7" if index % 7 == 0 else ""])
    values, baselines = [], []
    for _ in range(repeat(PROCESS_RUNS)):
        library = folder / f"import-{next(_fresh)}.sqlite"
        values.append(process_seconds(
            ["-m", "canvasapp", "import", str(path), "--library", str(library), "--template", "drivers-blockers-activities"],
            cwd=folder,
        ))
        baselines.append(process_seconds([BARE, "import", str(path), str(folder / f"bare-import-{next(_fresh)}.sqlite")]))
    return Measurement.of(values, baselines)


def measure_pdf(folder: Path, notes: int) -> Measurement:
    library, session_id = board(folder, min(notes, 1000))
    values, baselines = [], []
    for _ in range(repeat(PROCESS_RUNS)):
        target = folder / f"summary-{next(_fresh)}.pdf"
        values.append(process_seconds(
            ["-m", "canvasapp", "export", "--library", str(library), "--session", session_id, "--pdf", str(target)],
            cwd=folder,
        ))
        baselines.append(process_seconds([BARE, "pdf", str(library)]))
    return Measurement.of(values, baselines)


FIGURES = [
    Figure("csv_import_s", "s", 1.0, measure_csv_import),
    Figure("pdf_1k_s", "s", 3.0, measure_pdf),
]
