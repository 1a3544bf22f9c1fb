"""``canvasapp sessions`` and ``canvasapp new``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from canvasapp.cli.templates import default_user_templates_dir
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import SessionRepository, open_library


def add_session_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("sessions", parents=[library], help="list the library's sessions")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    listing.set_defaults(handler=list_sessions)

    new = commands.add_parser("new", parents=[library], help="create a session and print its id")
    new.add_argument("--title", required=True, help="the session's title")
    new.add_argument("--template", metavar="ID|FILE", help="a built-in template id or a template file")
    new.set_defaults(handler=new_session)


def list_sessions(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    try:
        summaries = SessionRepository(library).list()
    finally:
        library.close()
    if args.json:
        print(json.dumps([
            {
                "id": summary.id,
                "title": summary.title,
                "template": summary.template_id,
                "created": summary.created.isoformat(),
                "updated": summary.updated.isoformat(),
                "notes": summary.notes,
            }
            for summary in summaries
        ], indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print("No sessions yet. Create one with: canvasapp new --title \"My workshop\"")
        return 0
    for summary in summaries:
        changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{summary.id[:12]}  {changed}  {summary.notes:>6} notes  {summary.title}")
    return 0


def new_session(args: argparse.Namespace) -> int:
    title = args.title.strip()
    if not title:
        from canvasapp.cli.errors import UserError

        raise UserError("A session needs a title: --title \"My workshop\".")
    template = find_template(args.template, default_user_templates_dir())
    library = open_library(args.library)
    try:
        session = session_from_template(template, title)
        SessionRepository(library).add(session)
    finally:
        library.close()
    print(f"Created {title!r} from the template {template.name!r}.")
    print(session.id)
    return 0
