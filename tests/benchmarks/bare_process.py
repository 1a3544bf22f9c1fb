"""The bare baselines of the whole-process figures (nothing from canvasapp is imported).

    python bare_process.py import CSV LIBRARY   read a CSV and INSERT its rows in one transaction
    python bare_process.py pdf LIBRARY          1,000 plain Paragraphs of the notes' texts
"""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
import uuid
from xml.sax.saxutils import escape


def bare_import(csv_path: str, library: str) -> None:
    with open(csv_path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))[1:]
    connection = sqlite3.connect(library, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, lane TEXT, text TEXT, colour TEXT)")
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO notes VALUES (?, ?, ?, ?)", [(uuid.uuid4().hex, row[1], row[0], row[3]) for row in rows]
    )
    connection.execute("COMMIT")
    connection.close()


def bare_pdf(library: str) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    with sqlite3.connect(library) as connection:
        texts = [row[0] for row in connection.execute("SELECT text FROM notes LIMIT 1000")]
    connection.close()
    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(io.BytesIO()).build([Paragraph(escape(text), style) for text in texts])


if __name__ == "__main__":
    if sys.argv[1] == "import":
        bare_import(sys.argv[2], sys.argv[3])
    else:
        bare_pdf(sys.argv[2])
