"""``canvasapp import FILE`` and ``canvasapp export --session ID (--pdf|--csv|--markdown|--archive|--png) F``.

Imports build the whole session in memory first and then add it to the library in one
transaction, so a refused file leaves the library as it was. Exports are written to a temporary
file beside the target and moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from canvasapp.cli.errors import UserError
from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.pdf import PAGE_SIZES, PdfOptions, summary_pdf
from canvasapp.files import write_atomically
from canvasapp.formats.archive import SUFFIX as ARCHIVE_SUFFIX
from canvasapp.formats.archive import ArchiveError, dump_archive, read_archive
from canvasapp.formats.notes_csv import CsvImportError, read_csv_file, session_from_csv
from canvasapp.formats.template_library import find_template, template_name
from canvasapp.model import Session
from canvasapp.ops.summary import WorkshopDetails, WorkshopSummary, build_summary
from canvasapp.storage import SessionRepository, open_library


def add_transfer_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    """Register ``import`` and ``export`` on the top-level sub-command table."""
    importing = commands.add_parser(
        "import", parents=[library],
        help="make a new session from a CSV of notes or a session archive; print its id",
        description="Make a new session from a CSV of notes (columns: text, and optionally lane, "
        "cluster, colour) or from a session archive (*.workshop.json). An archive always becomes a "
        "new session with new ids, so importing it twice never clashes.",
    )
    importing.add_argument("file", metavar="FILE", help="a .csv file or a .workshop.json archive")
    importing.add_argument("--template", metavar="ID|FILE", help="lanes for a CSV import (default: the built-in default)")
    importing.add_argument("--title", help="the new session's title (default: the archive's, or the CSV file's name)")
    importing.set_defaults(handler=import_command)

    exporting = commands.add_parser(
        "export", parents=[library],
        help="write a session as a PDF summary, CSV, Markdown or a session archive",
    )
    exporting.add_argument("--session", required=True, metavar="ID", help="the session (an id or a unique start of one)")
    formats = exporting.add_mutually_exclusive_group(required=True)
    formats.add_argument("--pdf", metavar="FILE", help="the PDF summary to send to everyone")
    formats.add_argument("--csv", metavar="FILE", help="every note as CSV (UTF-8, for spreadsheets)")
    formats.add_argument("--markdown", metavar="FILE", help="every note as Markdown")
    formats.add_argument("--archive", metavar="FILE", help="the whole session as a .workshop.json archive")
    formats.add_argument("--png", metavar="FILE", help="a picture of the whole board")
    exporting.add_argument("--scale", type=_scale, default=1.0, help="PNG size: 1 = 100%% (default), 0.5 = half")
    pdf = exporting.add_argument_group("PDF summary")
    pdf.add_argument("--paper", choices=sorted(PAGE_SIZES), default="a4", help="paper size (default: a4)")
    pdf.add_argument("--no-board", action="store_true", help="leave out the picture of the board")
    pdf.add_argument("--date", type=_date, help="the workshop's date, YYYY-MM-DD (default: the session's creation)")
    pdf.add_argument("--place", help="where the workshop was held")
    pdf.add_argument("--facilitator", help="who facilitated (also the PDF's author)")
    pdf.add_argument("--participants", type=_count, metavar="N", help="how many people took part")
    exporting.set_defaults(handler=export_command)


# --- import --------------------------------------------------------------------------------------


def import_command(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(f"There is no file {args.file!r}." if not path.exists() else f"{args.file!r} is not a file.")
    kind = _import_kind(path)
    title = (args.title or "").strip() or None
    try:
        if kind == "archive":
            if args.template:
                raise UserError("--template is for CSV imports; an archive brings its own lanes.")
            session = read_archive(path, title)
            source = "session archive"
        else:
            template = find_template(args.template)
            session = session_from_csv(read_csv_file(path), template, title or _title_from(path), path.name)
            source = f"template {template.name!r}"
    except (ArchiveError, CsvImportError) as error:
        raise UserError(str(error)) from None

    library = open_library(args.library)
    try:
        SessionRepository(library).add(session)  # one transaction: the whole session or nothing
    finally:
        library.close()
    count = len(session)
    print(f"Imported {count} note{'s' if count != 1 else ''} into {session.title!r} ({source}).")
    print(session.id)
    return 0


def _import_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((ARCHIVE_SUFFIX, ".json")):
        return "archive"
    raise UserError(
        f"Cannot tell what {path.name} is: import a .csv file of notes or a {ARCHIVE_SUFFIX} session archive."
    )


def _title_from(path: Path) -> str:
    title = " ".join(path.stem.replace("_", " ").split())
    return title or "Imported notes"


# --- export --------------------------------------------------------------------------------------


def export_command(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    try:
        repository = SessionRepository(library)
        session = repository.load(repository.resolve_id(args.session))
    finally:
        library.close()

    target, what, render = _export_choice(args)
    try:
        data = render(session)
    except (OSError, ValueError) as error:  # reportlab or a format refusing the content
        raise UserError(f"Could not make the {what} of {session.title!r}: {error}") from None
    try:
        written = write_atomically(Path(target).expanduser(), data)
    except OSError as error:
        raise UserError(f"Could not write {target}: {error.strerror or error}.") from None
    count = len(session)
    print(f"Wrote the {what} of {session.title!r} ({count} note{'s' if count != 1 else ''}) to {written}.")
    return 0


def _export_choice(args: argparse.Namespace) -> tuple[str, str, Callable[[Session], bytes]]:
    def summary(session: Session) -> WorkshopSummary:
        details = WorkshopDetails(
            date=args.date, place=_text(args.place), facilitator=_text(args.facilitator),
            participants=args.participants,
        )
        return build_summary(session, details, template_name(session.template_id))

    if args.pdf:
        options = PdfOptions(page_size=args.paper, include_board=not args.no_board)
        return args.pdf, "PDF summary", lambda session: summary_pdf(summary(session), options)
    if args.csv:
        return args.csv, "CSV of notes", lambda session: notes_csv(summary(session))
    if args.markdown:
        return args.markdown, "Markdown", lambda session: notes_markdown(summary(session)).encode("utf-8")
    if args.png:
        from canvasapp.app import board_png_headless  # Qt only for the one export that draws

        return args.png, "board picture", lambda session: board_png_headless(session, args.scale)
    return args.archive, "session archive", dump_archive


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-05-03") from None


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number like 0.5 or 2") from None
    if not 0.05 <= value <= 4:
        raise argparse.ArgumentTypeError("the scale must be between 0.05 and 4")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the number of participants cannot be negative")
    return value
