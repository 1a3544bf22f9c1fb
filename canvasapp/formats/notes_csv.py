"""Importing notes from CSV into a new session built from a template.

The file: UTF-8 (a byte order mark is fine) or UTF-16 with its byte order mark, as
spreadsheets save "CSV UTF-8" and "Unicode text"; other encodings are refused with a sentence
saying to save as CSV UTF-8. Cells are separated by commas, semicolons or tabs (found from the
header row: spreadsheets in German or Dutch settings write semicolons). A header row, then
one note per row. Columns, matched by name in any order and case:

- ``text`` (required): the note's text; it may span several lines inside quotes.
- ``lane``: a lane id or title of the template, case-insensitive; empty means the first lane.
- ``cluster``: a cluster's title; rows with the same title in the same lane make one cluster
  (case and spacing aside), gathered in a block below the lane's other notes.
- ``colour``: ``#RRGGBB``, or empty to follow the lane's colour.
- ``created``: an ISO 8601 time (as ``canvasapp export --csv`` writes it), or empty.

A leading apostrophe that ``canvasapp export --csv`` put before a cell a spreadsheet would
have run as a formula (``=``, ``+``, ``-``, ``@``) is taken off again, so the text comes back
exactly as typed.

Other columns (``dots`` from an export, or anything a spreadsheet adds) are ignored. Rows are
counted as a spreadsheet shows them: the header is row 1. Any bad row refuses the whole file,
naming the row, so an import is all or nothing. Notes are laid out on each lane's grid in the
order of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from canvasapp.formats.incoming import IncomingFileError, read_capped
from canvasapp.formats.template import WorkshopTemplate
from canvasapp.formats.template_io import agenda_of
from canvasapp.model import Cluster, Lane, Note, Session, new_id, utc_now
from canvasapp.ops.csv_cells import undefuse
from canvasapp.ops.lane_layout import BLOCK_GAP, GridPlacer, stacked_blocks
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, lane_rects

MAX_CSV_BYTES = 32 * 1024 * 1024
MAX_ROWS = 50_000
MAX_TEXT = 100_000
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class CsvImportError(ValueError):
    """A CSV file that cannot be imported; ``str()`` is one plain sentence."""


@dataclass(frozen=True, slots=True)
class _LaneFinder:
    """Finds a lane by id or title, case-insensitively, as people type them in spreadsheets."""

    lanes: Sequence[Lane]
    #: Lanes already found, by the cell's words: a file names the same few lanes on every row.
    found: dict[str, str] = field(default_factory=dict)

    def find(self, value: str, row: int, name: str) -> str:
        known = self.found.get(value)
        if known is None:
            known = self.found[value] = self._find(value, row, name)
        return known

    def _find(self, value: str, row: int, name: str) -> str:
        wanted = value.strip()
        if not wanted:
            return self.lanes[0].id
        for lane in self.lanes:
            if lane.id == wanted:
                return lane.id
        folded = wanted.casefold()
        by_id = [lane for lane in self.lanes if lane.id.casefold() == folded]
        by_title = [lane for lane in self.lanes if lane.title.strip().casefold() == folded]
        matches = by_id or by_title
        if len(matches) == 1:
            return matches[0].id
        if len(matches) > 1:
            ids = ", ".join(lane.id for lane in matches)
            raise CsvImportError(f"{name}, row {row}: the lane {wanted!r} matches more than one lane; use its id ({ids}).")
        raise CsvImportError(
            f"{name}, row {row}: there is no lane {wanted!r}. The lanes are: {self.describe()} "
            "(an id or a title, any case; empty for the first lane)."
        )

    def describe(self) -> str:
        return ", ".join(
            lane.id if lane.title.casefold() == lane.id.casefold() else f"{lane.id} ({lane.title})"
            for lane in self.lanes
        )


def lanes_of(template: WorkshopTemplate) -> list[Lane]:
    """The template's lanes as model lanes, in order."""
    return [
        Lane(id=lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour, order=index)
        for index, lane in enumerate(template.lanes)
    ]


def notes_from_csv(data: bytes, lanes: Sequence[Lane], name: str = "the CSV file") -> list[Note]:
    """The notes of a CSV file, placed on the grid of their lanes. Raises :class:`CsvImportError`."""
    return notes_and_clusters_from_csv(data, lanes, name)[0]


def notes_and_clusters_from_csv(
    data: bytes, lanes: Sequence[Lane], name: str = "the CSV file"
) -> tuple[list[Note], list[Cluster]]:
    """The notes of a CSV file and the clusters its ``cluster`` column names. Unclustered
    notes go on their lanes' grid; each cluster's notes in a block below them."""
    if not lanes:
        raise CsvImportError(f"{name}: the session has no lanes to put notes in.")
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise CsvImportError(f"{name} is empty; it needs a header row with a 'text' column, then one note per row.")
        columns = _columns(header, name)
        finder = _LaneFinder(lanes)
        rows: list[tuple[str, str, str | None, datetime | None]] = []
        themes: list[str] = []
        for row_number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue  # blank lines, often at the end of hand-made files
            if len(rows) >= MAX_ROWS:
                raise CsvImportError(f"{name} has more than {MAX_ROWS:,} notes; split it into several files.")
            rows.append(_read_row(row, row_number, columns, finder, name))
            themes.append(" ".join(_cell(row, columns.cluster).split())[:200])
    except csv.Error as error:
        raise CsvImportError(f"{name}, row {reader.line_num}: this is not valid CSV ({error}).") from None

    rects = lane_rects(list(lanes))
    placer = GridPlacer(rects)
    now = utc_now()
    # Distinct, increasing times keep the file's order wherever notes are sorted by creation.
    start = now - timedelta(milliseconds=len(rows))
    notes: list[Note] = []
    # Same title (case aside) in the same lane: one cluster, in the order first named.
    groups: dict[tuple[str, str], list[int]] = {}
    for index, ((lane_id, *_rest), theme) in enumerate(zip(rows, themes, strict=True)):
        if theme:
            groups.setdefault((lane_id, theme.casefold()), []).append(index)
    clustered = {index for members in groups.values() for index in members}
    for index, (lane_id, note_text, colour, created) in enumerate(rows):
        x, y = placer.place(lane_id) if index not in clustered else (0.0, 0.0)
        notes.append(Note(
            id=new_id(), lane_id=lane_id, text=note_text, x=x, y=y, colour=colour,
            created=created or start + timedelta(milliseconds=index), updated=now,
        ))
    clusters: list[Cluster] = []
    bottoms: dict[str, float] = {}
    for index, note in enumerate(notes):
        if index not in clustered and note.lane_id is not None:
            bottoms[note.lane_id] = max(bottoms.get(note.lane_id, 0.0), note.y + note.height)
    by_id = {note.id: note for note in notes}
    for lane in lanes:
        in_lane = [(key, members) for key, members in groups.items() if key[0] == lane.id]
        if not in_lane:
            continue
        top = max(bottoms.get(lane.id, 0.0), rects[lane.id].y + LANE_HEADER_HEIGHT) + BLOCK_GAP
        blocks = [[notes[index].id for index in members] for _key, members in in_lane]
        for note_id, (x, y) in stacked_blocks(blocks, rects[lane.id], top).items():
            by_id[note_id].x, by_id[note_id].y = x, y
        for (_lane, _folded), members in in_lane:
            clusters.append(Cluster(new_id(), themes[members[0]], lane.id, [notes[index].id for index in members]))
    return notes, clusters


def session_from_csv(
    data: bytes, template: WorkshopTemplate, title: str, name: str = "the CSV file"
) -> Session:
    """A new session with the template's lanes and agenda and the file's notes (no starter notes)."""
    lanes = lanes_of(template)
    notes, clusters = notes_and_clusters_from_csv(data, lanes, name)
    session = Session(new_id(), title, lanes=lanes, notes=notes, template_id=template.id, clusters=clusters)
    for phase in agenda_of(template):  # the template's agenda, as a session made from it has
        session.agenda.add_phase(phase)
    return session


def read_csv_file(path: str | Path) -> bytes:
    """The bytes of a CSV file, refused before reading if it is too large."""
    try:
        return read_capped(Path(path), MAX_CSV_BYTES, "CSV file of notes")
    except IncomingFileError as error:
        raise CsvImportError(str(error)) from None


# --- the parts ----------------------------------------------------------------------------------


_SEPARATORS = ",;\t"
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_CSV_BYTES:
        raise CsvImportError(f"{name} is too large to import ({len(data):,} bytes; at most {MAX_CSV_BYTES:,}).")
    save_as = f"{name} is not UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\" and try again."
    if data.startswith(_UTF16_MARKS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvImportError(save_as) from None
        if "\x00" in text:  # UTF-32, whose mark starts like UTF-16's
            raise CsvImportError(save_as)
        return text
    if b"\x00" in data[:65536]:
        # UTF-16 without a byte order mark (mostly ASCII: every other byte zero), or not text.
        encoding = _utf16_without_mark(data)
        if encoding is None:
            raise CsvImportError(f"{name} is not a CSV file (it holds binary data).")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise CsvImportError(save_as) from None
        if "\x00" in text:
            raise CsvImportError(f"{name} is not a CSV file (it holds binary data).")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvImportError(save_as) from None


def _utf16_without_mark(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) % 2:
        sample = sample[:-1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd * 10 >= half * 9 and even == 0:
        return "utf-16-le"
    if even * 10 >= half * 9 and odd == 0:
        return "utf-16-be"
    return None


def _separator(text: str) -> str:
    """Comma, semicolon or tab: of those that make the header name a ``text`` column, the one
    that splits the most of the first rows into as many cells as the header has (a comma when
    none fits, so the refusal names the header as a comma reads it).

    ``csv.Sniffer`` was tried first and guessed a comma for a one-column file written with
    semicolons whose notes hold commas; counting cells per row is what it tries, done right."""
    sample = text[:65536]
    best, best_score = ",", -1
    for separator in _SEPARATORS:
        try:
            rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=separator), 200))
        except csv.Error:
            continue
        if not rows or "text" not in (cell.strip().lstrip("\ufeff").casefold() for cell in rows[0]):
            continue
        width = len(rows[0])
        score = sum(1 for row in rows[1:] if len(row) == width)
        if score > best_score:
            best, best_score = separator, score
    return best


@dataclass(frozen=True, slots=True)
class _Columns:
    text: int
    lane: int | None
    cluster: int | None
    colour: int | None
    created: int | None


def _columns(header: list[str], name: str) -> _Columns:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        positions.setdefault(cell.strip().lstrip("\ufeff").casefold(), index)
    if "text" not in positions:
        found = ", ".join(repr(cell.strip()) for cell in header[:8] if cell.strip()) or "none"
        raise CsvImportError(
            f"{name} has no 'text' column; its first row must name the columns "
            f"(text, and optionally lane, cluster, colour). Found: {found}."
        )
    return _Columns(
        text=positions["text"],
        lane=positions.get("lane"),
        cluster=positions.get("cluster"),
        colour=positions.get("colour", positions.get("color")),
        created=positions.get("created"),
    )


def _cell(row: list[str], index: int | None) -> str:
    return undefuse(row[index]) if index is not None and index < len(row) else ""


def _read_row(
    row: list[str], number: int, columns: _Columns, finder: _LaneFinder, name: str
) -> tuple[str, str, str | None, datetime | None]:
    text = _cell(row, columns.text).replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT:
        raise CsvImportError(f"{name}, row {number}: the text is longer than {MAX_TEXT:,} characters.")
    lane_id = finder.find(_cell(row, columns.lane), number, name)
    colour_text = _cell(row, columns.colour).strip()
    if colour_text and not _COLOUR.match(colour_text):
        raise CsvImportError(
            f"{name}, row {number}: the colour {colour_text[:20]!r} is not like #FFE45C (or leave it empty)."
        )
    created_text = _cell(row, columns.created).strip()
    created: datetime | None = None
    if created_text:
        try:
            created = datetime.fromisoformat(created_text)
        except ValueError:
            raise CsvImportError(
                f"{name}, row {number}: the time {created_text[:40]!r} is not like "
                "2024-05-03T14:30:00+00:00 (or leave 'created' empty)."
            ) from None
        created = (created if created.tzinfo else created.replace(tzinfo=UTC)).astimezone(UTC)
        # Milliseconds: what every storage back end keeps, so a round trip is exact.
        created = created.replace(microsecond=created.microsecond // 1000 * 1000)
    return lane_id, text, colour_text or None, created
