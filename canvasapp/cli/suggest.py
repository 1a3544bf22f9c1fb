"""``canvasapp suggest --session ID [--lane LANE] [--json]``: suggested clusters, read only.

The same suggestions as *Cluster → Suggest Clusters…* (by meaning when the language model
loads, by shared words otherwise, and the output says which), printed for scripting and for
checking their quality outside the app. The session is only read: nothing is grouped.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from canvasapp.cli.errors import UserError
from canvasapp.cli.library import read_session
from canvasapp.cli.terminal import json_text, printable
from canvasapp.model import Session
from canvasapp.ops.sentence_model import ModelLoader
from canvasapp.ops.session_suggestions import Suggestions, suggest_for_session
from canvasapp.storage.embedding_cache import EmbeddingCache


def add_suggest_commands(commands: Any, library: argparse.ArgumentParser) -> None:
    suggest = commands.add_parser(
        "suggest", parents=[library],
        help="print suggested clusters of a session's notes (changes nothing)",
        description="Print groups of notes that say the same thing, lane by lane, each with a proposed "
        "title. By meaning, in any of the model's 16 languages, when the language model loads; by "
        "shared words otherwise. Notes already in a cluster are left out unless --include-clustered.",
    )
    suggest.add_argument("--session", required=True, metavar="ID", help="the session (an id or a unique start of one)")
    suggest.add_argument("--lane", metavar="LANE", help="only this lane (its title or id)")
    suggest.add_argument("--include-clustered", action="store_true", help="also consider notes already in a cluster")
    suggest.add_argument(
        "--method", choices=("meaning", "words"), default="meaning",
        help="meaning (default; falls back to words if the model cannot load) or words",
    )
    suggest.add_argument("--json", action="store_true", help="print JSON instead of text")
    suggest.set_defaults(handler=suggest_command)


def suggest_command(args: argparse.Namespace) -> int:
    session = read_session(args.library, args.session)
    lane_id = _lane_id(session, args.lane) if args.lane else None
    loader = ModelLoader(EmbeddingCache()) if args.method == "meaning" else None
    if loader is not None and sys.stderr.isatty():
        # A few seconds of loading: say so on a terminal, never in a pipe or a script's log.
        loader.load(lambda _fraction, what: print(f"\r\033[K{what}…", end="", file=sys.stderr, flush=True))
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    suggestions = suggest_for_session(
        session, "lane" if args.lane else "board", args.include_clustered, lane_id=lane_id, loader=loader, wait=True
    )
    if loader is None:
        suggestions = _replace_reason(suggestions, "asked for with --method words.")
    if args.json:
        print(json_text(as_json(session, suggestions)))
    else:
        print_text(session, suggestions)
    return 0


def _replace_reason(suggestions: Suggestions, reason: str) -> Suggestions:
    return Suggestions(suggestions.method, suggestions.groups, suggestions.texts, suggestions.lanes, reason)


def _lane_id(session: Session, wanted: str) -> str:
    text = wanted.strip()
    for lane in session.lanes:
        if lane.id == text:
            return lane.id
    matches = [lane for lane in session.lanes if lane.title.strip().casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0].id
    titles = ", ".join(repr(lane.title) for lane in session.lanes) or "none"
    if matches:
        raise UserError(f"More than one lane is called {wanted!r}; give its id instead.")
    raise UserError(f"The session {session.title!r} has no lane {wanted!r} (its lanes: {titles}).")


def as_json(session: Session, suggestions: Suggestions) -> dict[str, Any]:
    return {
        "session": session.id,
        "method": suggestions.method,
        "method_label": suggestions.method_label,
        "reason": suggestions.reason,
        "groups": [
            {
                "title": group.title,
                "lane": suggestions.lanes.get(group.note_ids[0]),
                "lane_title": _lane_title(session, suggestions.lanes.get(group.note_ids[0])),
                "notes": [{"id": note_id, "text": suggestions.texts[note_id]} for note_id in group.note_ids],
            }
            for group in suggestions.groups
        ],
    }


def print_text(session: Session, suggestions: Suggestions) -> None:
    out = sys.stdout
    considered = len(suggestions.texts)
    out.write(f"Suggested clusters in {session.title!r} ({considered} note{'s' if considered != 1 else ''} considered)\n")
    out.write(f"{suggestions.method_label}\n")
    if not suggestions.groups:
        out.write("No two notes are alike enough to suggest a cluster.\n")
        return
    for group in suggestions.groups:
        lane = _lane_title(session, suggestions.lanes.get(group.note_ids[0]))
        out.write(f"\n{printable(group.title)}  ({len(group.note_ids)} notes{', ' + printable(lane) if lane else ''})\n")
        for note_id in group.note_ids:
            text = " ".join(suggestions.texts[note_id].split())
            out.write(f"  {note_id[:12]}  {printable(text)}\n")


def _lane_title(session: Session, lane_id: str | None) -> str | None:
    lane = session.lane(lane_id)
    return lane.title if lane is not None else None
