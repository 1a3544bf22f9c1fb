"""One door for every file a facilitator may bring: recognised by what it holds, not its name.

:func:`import_any` reads a file (or bytes, from a drop or the clipboard) and returns an
:class:`Imported`, which can become a new session (:meth:`Imported.new_session`) or what to add
to the open one (:meth:`Imported.additions`). What it knows:

- this app's session archive (``format: canvasapp.session``) and template
  (``format: canvasapp.template``), and its CSV of notes (a ``text`` column);
- Excalidraw drawings and clipboard contents (``type: excalidraw`` / ``excalidraw/clipboard``);
- JSON Canvas (``nodes`` / ``edges``);
- a Scrumlr board export (``board``, ``columns``, ``notes``);
- a Parabol retrospective CSV (``reflectionGroup``, ``votes``, ``type``, ``prompt``, ``content``).

Every file is treated as a stranger's: its size is capped before it is read or parsed, JSON
nesting, counts and strings are capped, NaN and duplicate keys are refused, and a file that
cannot be taken in is refused whole with :class:`ImportRefused` (one sentence naming the file).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from canvasapp.formats.archive import (
    MAX_ARCHIVE_BYTES,
    ArchiveError,
    SessionArchive,
    load_archive,
    session_from_archive,
)
from canvasapp.formats.excalidraw_in import board_from_excalidraw, is_excalidraw
from canvasapp.formats.import_refused import ImportRefused as ImportRefused  # where it was always imported from
from canvasapp.formats.incoming import IncomingFileError, decode_text, parse_json, read_capped
from canvasapp.formats.incoming_board import (
    Additions,
    IncomingBoard,
    IncomingCluster,
    IncomingLane,
    IncomingNote,
    additions_from_board,
    left_out_sentence,
    session_from_board,
)
from canvasapp.formats.json_canvas_in import board_from_json_canvas, is_json_canvas
from canvasapp.formats.notes_csv import CsvImportError, notes_and_clusters_from_csv, session_from_csv
from canvasapp.formats.parabol_in import board_from_parabol, is_parabol_header
from canvasapp.formats.scrumlr_in import board_from_scrumlr, is_scrumlr
from canvasapp.formats.template import TemplateError, WorkshopTemplate
from canvasapp.formats.template_io import parse_template, session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Session
from canvasapp.ops.lane_layout import placed_below

#: The most any importable file may weigh (an Excalidraw drawing with pictures is the largest).
MAX_IMPORT_BYTES: Final = MAX_ARCHIVE_BYTES


class Imported(ABC):
    """A file read and checked, not yet part of any session."""

    name: str
    kind: str
    """What the file is, for people: "Excalidraw drawing", "CSV of notes", ..."""

    @property
    def title(self) -> str:
        """The title a new session gets by default: the file's own, else its name."""
        stem = self.name
        for suffix in (".workshop.json", ".workshop-template.json", ".excalidraw", ".canvas", ".json", ".csv"):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        return " ".join(stem.replace("_", " ").split()) or "Imported board"

    @property
    def left_out(self) -> str | None:
        """One sentence naming what the file held that could not be brought in, or ``None``."""
        return None

    @abstractmethod
    def new_session(self, title: str | None = None, template: WorkshopTemplate | None = None) -> Session:
        """A new session made from the file (``template``: lanes for a CSV of notes)."""

    @abstractmethod
    def additions(self, session: Session) -> Additions:
        """What to add to ``session`` (which is not changed): lanes it lacks, notes placed below
        the notes already in each lane, and clusters of those notes."""


@dataclass
class BoardImport(Imported):
    """A board from another tool, or an archive or template seen as a board."""

    name: str
    kind: str
    board: IncomingBoard

    @property
    def title(self) -> str:
        return self.board.title or super().title

    @property
    def left_out(self) -> str | None:
        return left_out_sentence(self.name, self.board.left_out)

    def new_session(self, title: str | None = None, template: WorkshopTemplate | None = None) -> Session:
        return session_from_board(self.board, (title or "").strip() or self.title)

    def additions(self, session: Session) -> Additions:
        additions = additions_from_board(self.board, session)
        additions.left_out = self.left_out
        return additions


@dataclass
class ArchiveImport(Imported):
    name: str
    archive: SessionArchive
    kind: str = "session archive"

    @property
    def title(self) -> str:
        return self.archive.title

    def new_session(self, title: str | None = None, template: WorkshopTemplate | None = None) -> Session:
        return session_from_archive(self.archive, title)

    def additions(self, session: Session) -> Additions:
        return additions_from_board(board_of(session_from_archive(self.archive), self.kind), session)


@dataclass
class TemplateImport(Imported):
    name: str
    template: WorkshopTemplate
    kind: str = "workshop template"

    @property
    def title(self) -> str:
        return self.template.name

    def new_session(self, title: str | None = None, template: WorkshopTemplate | None = None) -> Session:
        return session_from_template(self.template, (title or "").strip() or self.template.name)

    def additions(self, session: Session) -> Additions:
        """The template's lanes the session lacks (matched by title) and its starter notes."""
        return additions_from_board(board_of(session_from_template(self.template, self.template.name), self.kind), session)


@dataclass
class CsvImport(Imported):
    name: str
    data: bytes
    kind: str = "CSV of notes"

    def new_session(self, title: str | None = None, template: WorkshopTemplate | None = None) -> Session:
        chosen = template or find_template(None)
        try:
            return session_from_csv(self.data, chosen, (title or "").strip() or self.title, self.name)
        except CsvImportError as error:
            raise ImportRefused(str(error)) from None

    def additions(self, session: Session) -> Additions:
        try:
            notes, clusters = notes_and_clusters_from_csv(self.data, session.lanes, self.name)
        except CsvImportError as error:
            raise ImportRefused(str(error)) from None
        placed = placed_below(session, notes, [(cluster.id, cluster.note_ids) for cluster in clusters])
        return Additions([], placed, clusters)


def board_of(session: Session, kind: str) -> IncomingBoard:
    """A session seen as a board from elsewhere (lanes by title, notes with their positions)."""
    return IncomingBoard(
        source=kind,
        title=session.title,
        lanes=[IncomingLane(lane.id, lane.title, lane.colour, lane.prompt, lane.width) for lane in session.lanes],
        notes=[
            IncomingNote(note.id, note.lane_id, note.text, note.x, note.y, note.width, note.height,
                         note.colour or session.note_colour(note))
            for note in sorted(session.notes, key=lambda note: (note.created, note.id))
        ],
        clusters=[IncomingCluster(cluster.title, list(cluster.note_ids), cluster.colour) for cluster in session.clusters],
    )


# --- the door -------------------------------------------------------------------------------------


def import_any(source: str | Path | bytes, name: str | None = None) -> Imported:
    """Read and check a file (a path, or its bytes with ``name`` for messages); raises
    :class:`ImportRefused` with one sentence if it cannot be imported."""
    try:
        if isinstance(source, bytes):
            data, label = source, name or "the dropped data"
            if len(data) > MAX_IMPORT_BYTES:
                raise IncomingFileError(
                    f"{label}: the data is too large to import ({len(data):,} bytes; at most {MAX_IMPORT_BYTES:,})."
                )
        else:
            path = Path(source)
            label = name or path.name
            data = read_capped(path, MAX_IMPORT_BYTES, "board")
        return _recognise(data, label)
    except (IncomingFileError, ArchiveError, TemplateError, CsvImportError) as error:
        raise ImportRefused(str(error)) from None


def _recognise(data: bytes, name: str) -> Imported:
    text = decode_text(data, name, "board, archive, template or CSV file")
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "["):
        return _recognise_json(data, name)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    if is_parabol_header(first_line):
        return _board_import(name, board_from_parabol(text, name))
    cells = {cell.strip().strip('"').casefold() for cell in re.split(r"[,;\t]", first_line)}
    if "text" in cells or name.lower().endswith(".csv"):
        # Our CSV of notes. Its rows are read against the lanes it goes into (a template's, or
        # the open session's), so the CSV reader's own sentence comes when it is used.
        return CsvImport(name, data)
    raise IncomingFileError(
        f"{name} is not a file this app can import: it is neither JSON (Excalidraw, JSON Canvas, Scrumlr, "
        "a session archive or a template) nor a CSV with a 'text' column or Parabol's columns."
    )


def _board_import(name: str, board: IncomingBoard) -> BoardImport:
    if not board.notes and not board.lanes:
        held = left_out_sentence(name, board.left_out)
        why = f" ({held.split(': ', 1)[1].rstrip('.')} cannot be notes)" if held else ""
        raise IncomingFileError(f"{name}: this {board.source} holds nothing that can become a lane or a note{why}.")
    return BoardImport(name, board.source, board)


def _recognise_json(data: bytes, name: str) -> Imported:
    document = parse_json(data, name, "board")
    if isinstance(document, dict):
        kind = document.get("format")
        if kind == "canvasapp.session":
            return ArchiveImport(name, load_archive(data, name))
        if kind == "canvasapp.template":
            return TemplateImport(name, parse_template(data, name))
        if is_excalidraw(document):
            return _board_import(name, board_from_excalidraw(document, name))
        if is_scrumlr(document):
            return _board_import(name, board_from_scrumlr(document, name))
        if is_json_canvas(document):
            return _board_import(name, board_from_json_canvas(document, name))
        if document.get("type") == "excalidrawlib":
            raise IncomingFileError(f"{name} is an Excalidraw library (shapes to reuse), not a drawing; open a .excalidraw file.")
    raise IncomingFileError(
        f"{name} is JSON, but not a board this app knows (Excalidraw, JSON Canvas, Scrumlr, "
        "a session archive or a template)."
    )
