"""``canvasapp import FILE [--into ID]`` and ``canvasapp export --session ID (--pdf|--csv|--markdown|--archive|--png|--excalidraw|--json-canvas) F``.

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
from canvasapp.cli.library import open_library_telling as open_library
from canvasapp.cli.library import read_session
from canvasapp.cli.templates import default_user_templates_dir
from canvasapp.cli.terminal import tell
from canvasapp.commands.imports import import_command as import_command_for
from canvasapp.export.paper import PAGE_SIZES
from canvasapp.files import write_atomically
from canvasapp.formats.import_any import CsvImport, Imported, ImportRefused, import_any
from canvasapp.formats.template_library import find_template, template_name
from canvasapp.model import Session
from canvasapp.ops.summary import WorkshopDetails, WorkshopSummary, build_summary
from canvasapp.storage import SessionRepository, SessionStore, session_lock


def add_transfer_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    """Register ``import`` and ``export`` on the top-level sub-command table."""
    importing = commands.add_parser(
        "import", parents=[library],
        help="make a new session from a board file (or add it to a session); print its id",
        description="Make a new session from a file, recognised by what it holds: a CSV of notes "
        "(columns: text, and optionally lane, cluster, colour), a session archive (*.workshop.json), a "
        "workshop template, an Excalidraw drawing (.excalidraw), a JSON Canvas (.canvas), a Scrumlr board "
        "export (.json) or a Parabol retrospective export (.csv). With --into, add its lanes, notes and "
        "clusters to an existing session instead. An archive always becomes a new session with new ids, "
        "so importing it twice never clashes.",
    )
    importing.add_argument("file", metavar="FILE", help="the file to import")
    importing.add_argument("--template", metavar="ID|FILE", help="lanes for a CSV import (default: the built-in default)")
    importing.add_argument("--title", help="the new session's title (default: the file's own, or its name)")
    importing.add_argument("--into", metavar="SESSION", help="add to this session (an id or a unique start of one)")
    importing.set_defaults(handler=import_command)

    exporting = commands.add_parser(
        "export", parents=[library],
        help="write a session as a PDF summary, CSV, Markdown, a session archive, a picture, "
        "an Excalidraw drawing or a JSON Canvas",
    )
    exporting.add_argument("--session", required=True, metavar="ID", help="the session (an id or a unique start of one)")
    formats = exporting.add_mutually_exclusive_group(required=True)
    formats.add_argument("--pdf", metavar="FILE", help="the PDF summary to send to everyone")
    formats.add_argument("--csv", metavar="FILE", help="every note as CSV (UTF-8, for spreadsheets)")
    formats.add_argument("--markdown", metavar="FILE", help="every note as Markdown")
    formats.add_argument("--archive", metavar="FILE", help="the whole session as a .workshop.json archive")
    formats.add_argument("--png", metavar="FILE", help="a picture of the whole board")
    formats.add_argument("--excalidraw", metavar="FILE", help="the board as an Excalidraw drawing (.excalidraw)")
    formats.add_argument("--json-canvas", metavar="FILE", help="the board as a JSON Canvas (.canvas, for Obsidian)")
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
    try:
        imported = import_any(path)
    except ImportRefused as error:
        raise UserError(str(error)) from None
    if args.template and not isinstance(imported, CsvImport):
        raise UserError(f"--template is for CSV imports; {path.name} is a {imported.kind} and brings its own lanes.")
    if args.into:
        if args.title:
            raise UserError("--title names a new session; with --into the notes join an existing one.")
        return _import_into(args, imported)
    title = (args.title or "").strip() or None
    template = find_template(args.template, default_user_templates_dir()) if isinstance(imported, CsvImport) else None
    try:
        session = imported.new_session(title, template)
    except ImportRefused as error:
        raise UserError(str(error)) from None

    library = open_library(args.library)
    try:
        SessionRepository(library).add(session)  # one transaction: the whole session or nothing
    finally:
        library.close()
    count = len(session)
    source = f"template {template.name!r}" if template is not None else imported.kind
    tell(f"Imported {count} note{'s' if count != 1 else ''} into {session.title!r} ({source}).")
    if imported.left_out:
        tell(imported.left_out)
    print(session.id)
    return 0


def _import_into(args: argparse.Namespace, imported: Imported) -> int:
    library = open_library(args.library)
    try:
        repository = SessionRepository(library)
        session_id = repository.resolve_id(args.into)
        lock = session_lock(library, session_id)
        if not lock.acquire():
            holder = lock.held_by()
            where = "the app" if holder is None else f"the app of {holder}"
            raise UserError(f"That session is open in {where}; import into it there (File > Import…), or close it first.")
        try:
            session = repository.load(session_id)
            try:
                additions = imported.additions(session)
            except ImportRefused as error:
                raise UserError(str(error)) from None
            store = SessionStore(library, session)
            try:
                # One edit: the store writes lanes, notes and clusters in one transaction.
                import_command_for(session, additions.lanes, additions.notes, additions.clusters).apply(session)
                if store.pending:
                    raise UserError(f"Could not save the import into {session.title!r}; nothing was added.")
            finally:
                store.close()
        finally:
            lock.release()
    finally:
        library.close()
    count = len(additions.notes)
    lanes = f" and {len(additions.lanes)} lane{'s' if len(additions.lanes) != 1 else ''}" if additions.lanes else ""
    tell(f"Added {count} note{'s' if count != 1 else ''}{lanes} to {session.title!r} ({imported.kind}).")
    if additions.left_out:
        tell(additions.left_out)
    print(session.id)
    return 0


# --- export --------------------------------------------------------------------------------------


def export_command(args: argparse.Namespace) -> int:
    session = read_session(args.library, args.session)

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
        return build_summary(session, details, template_name(session.template_id, default_user_templates_dir()))

    # Each writer is imported when chosen: an import, or a CSV export, need not load reportlab.
    if args.pdf:
        from canvasapp.export.pdf import PdfOptions, summary_pdf

        options = PdfOptions(page_size=args.paper, include_board=not args.no_board)
        return args.pdf, "PDF summary", lambda session: summary_pdf(summary(session), options)
    if args.csv:
        from canvasapp.export.notes_csv import notes_csv

        return args.csv, "CSV of notes", lambda session: notes_csv(summary(session))
    if args.markdown:
        from canvasapp.export.markdown import notes_markdown

        return args.markdown, "Markdown", lambda session: notes_markdown(summary(session)).encode("utf-8")
    if args.png:
        from canvasapp.app import board_png_headless  # Qt only for the one export that draws

        def said(used: float) -> None:
            print(f"The board is too big for one picture at scale {args.scale:g}: drawn at {used:.2f}.")

        return args.png, "board picture", lambda session: board_png_headless(session, args.scale, said)
    if args.excalidraw:
        from canvasapp.export.excalidraw import session_excalidraw

        return args.excalidraw, "Excalidraw drawing", session_excalidraw
    if args.json_canvas:
        from canvasapp.export.json_canvas import session_json_canvas

        return args.json_canvas, "JSON Canvas", session_json_canvas
    from canvasapp.formats.archive import dump_archive

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
