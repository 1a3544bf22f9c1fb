"""Files of other tools, written here from their published formats (not by our exporters):

- Excalidraw's scene (``type``, ``version``, ``source``, ``elements`` with every base field of
  its element schema, ``appState``, ``files``) and its clipboard (``excalidraw/clipboard``);
- JSON Canvas 1.0 (``nodes`` with ``id``/``type``/``x``/``y``/``width``/``height``/``color``,
  ``text`` or ``label``; ``edges`` with ``fromNode``/``toNode``);
- Scrumlr's board export (``board``, ``participants``, ``columns``, ``notes`` with
  ``position``, ``votings`` with ``votes.votesPerNote``);
- Parabol's retrospective CSV (json2csv: byte order mark, quoted header and strings, ``\\n``).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

_serial = itertools.count(1)


# --- Excalidraw ---------------------------------------------------------------------------------


def element(kind: str, element_id: str, x: float, y: float, width: float, height: float, **fields: Any) -> dict[str, Any]:
    """An element with every base field Excalidraw writes."""
    number = next(_serial)
    base: dict[str, Any] = {
        "id": element_id, "type": kind, "x": x, "y": y, "width": width, "height": height, "angle": 0,
        "strokeColor": "#1e1e1e", "backgroundColor": "transparent", "fillStyle": "solid", "strokeWidth": 2,
        "strokeStyle": "solid", "roughness": 1, "opacity": 100, "groupIds": [], "frameId": None,
        "index": f"a{number % 10}V{number}", "roundness": {"type": 3}, "seed": 1000 + number, "version": 3,
        "versionNonce": 2000 + number, "isDeleted": False, "boundElements": None, "updated": 1717000000000 + number,
        "link": None, "locked": False,
    }
    base.update(fields)
    return base


def text(element_id: str, x: float, y: float, words: str, *, container: str | None = None, **fields: Any) -> dict[str, Any]:
    return element(
        "text", element_id, x, y, max(20.0, 10.0 * len(words)), 25.0, text=words, originalText=words,
        fontSize=20, fontFamily=5, textAlign="center" if container else "left",
        verticalAlign="middle" if container else "top", containerId=container, autoResize=True, lineHeight=1.25,
        **fields,
    )


def sticky(
    element_id: str, x: float, y: float, words: str, colour: str = "#ffec99", *, frame: str | None = None,
    groups: list[str] | None = None, shape: str = "rectangle", width: float = 180.0, height: float = 120.0,
) -> list[dict[str, Any]]:
    """A shape with its text bound to it (``boundElements`` / ``containerId``)."""
    label = f"{element_id}-text"
    return [
        element(shape, element_id, x, y, width, height, backgroundColor=colour, frameId=frame,
                groupIds=list(groups or []), boundElements=[{"type": "text", "id": label}]),
        text(label, x + 10, y + height / 2 - 12, words, container=element_id, frameId=frame, groupIds=list(groups or [])),
    ]


def frame(element_id: str, name: str | None, x: float, y: float, width: float, height: float) -> dict[str, Any]:
    return element("frame", element_id, x, y, width, height, name=name, roundness=None)


def arrow(element_id: str, x: float, y: float) -> dict[str, Any]:
    return element("arrow", element_id, x, y, 100, 0, points=[[0, 0], [100, 0]], startBinding=None,
                   endBinding=None, startArrowhead=None, endArrowhead="arrow", lastCommittedPoint=None)


def scene(elements: list[dict[str, Any]], clipboard: bool = False) -> bytes:
    if clipboard:
        return json.dumps({"type": "excalidraw/clipboard", "elements": elements, "files": {}}).encode()
    document = {
        "type": "excalidraw", "version": 2, "source": "https://excalidraw.com", "elements": elements,
        "appState": {"gridSize": 20, "gridStep": 5, "gridModeEnabled": False, "viewBackgroundColor": "#ffffff"},
        "files": {},
    }
    return json.dumps(document, indent=2).encode()


FOUNDING_LANES = {
    "Drivers": ["We want to meet our neighbours", "Kids need a safe place to play", "Shared tools save money",
                "Elders feel lonely", "The park is unused"],
    "Blockers": ["No time after work", "Nobody knows who to ask", "Fear of being rejected", "No meeting room"],
    "Activities": ["Monthly street dinner", "Tool library in the garage", "Walking group on Sundays",
                   "Welcome letter for newcomers", "Repair café"],
}
FOUNDING_COLOURS = {"Drivers": "#ffec99", "Blockers": "#ffc9c9", "Activities": "#b2f2bb"}


def founding_board() -> bytes:
    """A board like the founding workshop's: three frames of sticky notes (two of which
    grouped as a theme), an arrow between frames and a doodle."""
    elements: list[dict[str, Any]] = []
    for column, (lane, notes) in enumerate(FOUNDING_LANES.items()):
        frame_id = f"frame-{lane.lower()}"
        left = column * 700.0
        for index, words in enumerate(notes):
            x = left + 40 + (index % 3) * 200
            y = 80 + (index // 3) * 150
            groups = ["theme-time"] if lane == "Blockers" and index in (0, 1) else None
            elements += sticky(f"{lane.lower()}-{index}", x, y, words, FOUNDING_COLOURS[lane], frame=frame_id, groups=groups)
        elements.append(frame(frame_id, lane, left, 0, 660, 420))
    elements.append(arrow("link-1", 660, 200))
    elements.append(element("freedraw", "doodle", 2200, 50, 40, 40, points=[[0, 0], [10, 10]], pressures=[],
                            simulatePressure=True))
    return scene(elements)


# --- JSON Canvas ---------------------------------------------------------------------------------


def canvas_node(node_id: str, kind: str, x: int, y: int, width: int, height: int, **fields: Any) -> dict[str, Any]:
    return {"id": node_id, "type": kind, "x": x, "y": y, "width": width, "height": height, **fields}


def json_canvas(nodes: list[dict[str, Any]], edges: list[dict[str, Any]] | None = None) -> bytes:
    return json.dumps({"nodes": nodes, "edges": edges or []}, indent="\t").encode()


def retro_canvas() -> bytes:
    """Two groups (lanes), one of them holding a nested group (a cluster), text nodes, a link
    node and an edge, in the spec's example style."""
    nodes = [
        canvas_node("g-went-well", "group", 0, 0, 700, 600, label="Went well", color="4"),
        canvas_node("g-theme", "group", 20, 300, 460, 220, label="Team spirit"),
        canvas_node("g-improve", "group", 760, 0, 700, 600, label="To improve", color="#FFB3C7"),
        canvas_node("n1", "text", 40, 60, 200, 120, text="Demo went **great**"),
        canvas_node("n2", "text", 40, 360, 200, 120, text="Helped each other", color="3"),
        canvas_node("n3", "text", 260, 360, 200, 120, text="Pairing on bugs"),
        canvas_node("n4", "text", 800, 60, 200, 120, text="Too many meetings"),
        canvas_node("link", "link", 800, 300, 200, 80, url="https://example.org"),
        canvas_node("loose", "text", 1600, 60, 200, 120, text="Parking lot: budget"),
    ]
    edges = [{"id": "e1", "fromNode": "n1", "fromSide": "right", "toNode": "n4", "toSide": "left", "toEnd": "arrow"}]
    return json_canvas(nodes, edges)


# --- Scrumlr ---------------------------------------------------------------------------------------


def scrumlr_export() -> bytes:
    """A retro with three columns, a stack of three notes and a closed voting."""
    columns = [
        {"id": "c-well", "name": "Went well", "description": "What made you happy?", "color": "goal-green",
         "visible": True, "index": 0},
        {"id": "c-bad", "name": "Went wrong", "description": "", "color": "planning-pink", "visible": True, "index": 1},
        {"id": "c-act", "name": "Actions", "description": "", "color": "backlog-blue", "visible": True, "index": 2},
    ]

    def note(note_id: str, column: str, words: str, rank: int, stack: str | None = None) -> dict[str, Any]:
        return {"id": note_id, "author": "u-1", "text": words, "edited": False,
                "position": {"column": column, "stack": stack, "rank": rank}}

    notes = [
        note("n-1", "c-well", "Release on time", 3),
        note("n-2", "c-well", "Good pairing", 2),
        note("n-3", "c-bad", "Flaky tests", 5),
        note("n-4", "c-bad", "CI is slow", 4, stack="n-3"),
        note("n-5", "c-bad", "Tests fail at night", 3, stack="n-3"),
        note("n-6", "c-act", "Quarantine flaky tests", 1),
    ]
    votings = [
        {"id": "v-1", "voteLimit": 5, "allowMultipleVotes": True, "showVotesOfOthers": False, "status": "CLOSED",
         "votes": {"total": 7, "votesPerNote": {"n-3": {"total": 4}, "n-1": {"total": 2}, "n-6": {"total": 1}}},
         "isAnonymous": True},
        {"id": "v-2", "voteLimit": 3, "allowMultipleVotes": False, "showVotesOfOthers": False, "status": "ABORTED",
         "isAnonymous": False},
    ]
    document = {
        "board": {"id": "b-1", "name": "Sprint 42 retro", "description": None, "accessPolicy": "PUBLIC",
                  "showAuthors": True, "showNotesOfOtherUsers": True, "showNoteReactions": True,
                  "allowStacking": True, "isLocked": False, "sharedNote": None, "showVoting": None,
                  "lastModifiedAt": "2024-05-03T10:00:00Z", "createdAt": "2024-05-03T09:00:00Z"},
        "participants": [{"user": {"id": "u-1", "name": "Ana", "isAnonymous": False}, "connected": False,
                          "ready": False, "raisedHand": False, "showHiddenColumns": False, "role": "OWNER"}],
        "columns": columns, "notes": notes, "votings": votings,
    }
    return json.dumps(document).encode()


# --- Parabol ---------------------------------------------------------------------------------------

PARABOL_FIELDS = ("reflectionGroup", "author", "votes", "type", "createdAt", "discussionThread", "prompt", "content")


def parabol_csv(rows: list[dict[str, Any]]) -> bytes:
    """As json2csv writes it: a byte order mark, every string quoted (quotes doubled), numbers bare."""

    def cell(value: Any) -> str:
        if isinstance(value, (int, float)):
            return str(value)
        return '"' + str(value).replace('"', '""') + '"'

    lines = [",".join(cell(name) for name in PARABOL_FIELDS)]
    lines += [",".join(cell(row[name]) for name in PARABOL_FIELDS) for row in rows]
    return ("\ufeff" + "\n".join(lines)).encode("utf-8")


def parabol_retro() -> bytes:
    def reflection(group: str, votes: int, prompt: str, content: str) -> dict[str, Any]:
        return {"reflectionGroup": group, "author": "Anonymous", "votes": votes, "type": "Reflection",
                "createdAt": "2024-05-03T10:00:00.000Z", "discussionThread": "", "prompt": prompt, "content": content}

    rows = [
        reflection("Meetings", 3, "What’s working?", "Short stand-ups"),
        reflection("Meetings", 3, "What’s working?", "No meetings on Fridays"),
        reflection("Deploys", 2, "What’s working?", "Deploys are boring, \"finally\""),
        reflection("Unclear goals", 0, "Where did you get stuck?", "Nobody knew the sprint goal"),
        reflection("Unclear goals", 0, "Where did you get stuck?", "Tickets without context"),
        reflection("On-call", 0, "Where did you get stuck?", "Pager at 3 am,\nthree nights in a row"),
        {"reflectionGroup": "Meetings", "author": "Ana", "votes": 3, "type": "Comment",
         "createdAt": "2024-05-03T11:00:00.000Z", "discussionThread": "Keep it", "prompt": "", "content": "Keep it"},
        {"reflectionGroup": "Meetings", "author": "Bo", "votes": 3, "type": "Task",
         "createdAt": "2024-05-03T11:05:00.000Z", "discussionThread": "Keep it", "prompt": "", "content": "Write it down"},
    ]
    return parabol_csv(rows)
