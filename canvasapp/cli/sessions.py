"""``canvasapp sessions``, ``new``, ``rename`` and ``delete``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from canvasapp.cli.errors import UserError
from canvasapp.cli.library import open_library_for_reading
from canvasapp.cli.library import open_library_telling as open_library
from canvasapp.cli.templates import default_user_templates_dir
from canvasapp.cli.terminal import json_text, printable, tell
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import SessionRepository, SessionService


def add_session_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("sessions", parents=[library], help="list the library's sessions")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    listing.set_defaults(handler=list_sessions)

    new = commands.add_parser("new", parents=[library], help="create a session and print its id")
    new.add_argument("--title", required=True, help="the session's title")
    new.add_argument("--template", metavar="ID|FILE", help="a built-in template id or a template file")
    new.set_defaults(handler=new_session)

    rename = commands.add_parser(
        "rename", parents=[library], help="give a session a new title",
        description="Give a session a new title. Refused while the session is open in a window.",
    )
    rename.add_argument("--session", required=True, metavar="ID", help="the session (an id or a unique start of one)")
    rename.add_argument("--title", required=True, help="the new title")
    rename.set_defaults(handler=rename_session)

    delete = commands.add_parser(
        "delete", parents=[library], help="delete a session and everything in it",
        description="Delete a session with its notes, clusters and votes; this cannot be undone. "
        "Refused while the session is open in a window.",
    )
    delete.add_argument("--session", required=True, metavar="ID", help="the session (an id or a unique start of one)")
    delete.add_argument("--yes", action="store_true", help="do not ask; needed when not run from a terminal")
    delete.set_defaults(handler=delete_session)


def list_sessions(args: argparse.Namespace) -> int:
    library = open_library_for_reading(args.library)
    try:
        summaries = SessionRepository(library).list()
    finally:
        library.close()
    if args.json:
        print(json_text([
            {
                "id": summary.id,
                "title": summary.title,
                "template": summary.template_id,
                "created": summary.created.isoformat(),
                "updated": summary.updated.isoformat(),
                "notes": summary.notes,
            }
            for summary in summaries
        ]))
        return 0
    if not summaries:
        print("No sessions yet. Create one with: canvasapp new --title \"My workshop\"")
        return 0
    for summary in summaries:
        changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{printable(summary.id[:12])}  {changed}  {summary.notes:>6} notes  {printable(summary.title)}")
    return 0


def new_session(args: argparse.Namespace) -> int:
    title = args.title.strip()
    if not title:
        raise UserError("A session needs a title: --title \"My workshop\".")
    template = find_template(args.template, default_user_templates_dir())
    library = open_library(args.library)
    try:
        session = session_from_template(template, title)
        SessionRepository(library).add(session)
    finally:
        library.close()
    tell(f"Created {title!r} from the template {template.name!r}.")
    print(session.id)
    return 0


def rename_session(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    try:
        session_id = SessionRepository(library).resolve_id(args.session)
        service = SessionService(library)
        before = service.title_of(session_id)
        title = service.rename(session_id, args.title)
    finally:
        library.close()
    print(f"Renamed {before!r} to {title!r}.")
    return 0


def delete_session(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    try:
        repository = SessionRepository(library)
        session_id = repository.resolve_id(args.session)
        summary = next(summary for summary in repository.list() if summary.id == session_id)
        what = f"{summary.title!r} and its {summary.notes} note{'s' if summary.notes != 1 else ''}"
        if not args.yes and not _confirmed(f"Delete {what}? This cannot be undone. [y/N] "):
            raise UserError(f"Nothing deleted; add --yes to delete {what}.")
        SessionService(library).delete(session_id)
    finally:
        library.close()
    print(f"Deleted {what}.")
    return 0


def _confirmed(question: str) -> bool:
    """Ask on the terminal; without one (a script, a pipe) there is nobody to ask."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")
