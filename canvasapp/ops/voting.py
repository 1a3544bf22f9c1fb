"""Dot-vote arithmetic with no Qt: the suggested budget, tallies, ranking with ties, shares.

The ranking is competition ranking ("1, 1, 3"): items with the same dots share a rank, and the
next item's rank counts everyone ranked above it, so a tie is shown as a tie and nobody reads a
tie-break the room never made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from canvasapp.model import Session, Vote, VoteRound
from canvasapp.model.voting import CLUSTERS
from canvasapp.ops.arrange import Box
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, Rect

#: A suggested budget above this makes a long queue at the screen for little gain.
MOST_SUGGESTED_DOTS = 10


def suggested_dots(item_count: int, voter_count: int = 0, most: int = MOST_SUGGESTED_DOTS) -> int:
    """About a third of the items (the dot-voting rule of thumb), at least 1 and at most
    ``most``; with many voters, no more than would put three dots on every item across the room
    (beyond that, dots spread over everything and the ranking says little)."""
    suggested = max(1, min(most, round(item_count / 3)))
    if voter_count > 0 and item_count > 0:
        suggested = min(suggested, max(1, (3 * item_count) // voter_count))
    return suggested


def suggestion_rule(item_count: int, voter_count: int, kind: str) -> str:
    """The rule behind :func:`suggested_dots`, in the words the set-up dialog shows."""
    dots = suggested_dots(item_count, voter_count)
    rule = f"about a third of the {item_count} {kind}, at most {MOST_SUGGESTED_DOTS}"
    if voter_count > 0:
        rule += f", and no more than three dots per item across {voter_count} voters"
    return f"Suggested: {dots} ({rule})"


def tally(votes: Iterable[Vote], live: Iterable[str] | None = None) -> dict[str, int]:
    """``item → dots`` over all votes; with ``live``, only those items (a deleted note's dots
    are left out)."""
    wanted = None if live is None else set(live)
    totals: dict[str, int] = {}
    for vote in votes:
        if vote.dots > 0 and (wanted is None or vote.item_id in wanted):
            totals[vote.item_id] = totals.get(vote.item_id, 0) + vote.dots
    return totals


@dataclass(frozen=True, slots=True)
class RankedItem:
    """One line of a ranking: shared ``rank`` for ties, ``share`` of all dots (0–1)."""

    rank: int
    item_id: str
    dots: int
    share: float
    tied: bool


def rank(totals: Mapping[str, int], order: Sequence[str] = (), include_zero: bool = False) -> list[RankedItem]:
    """Items by dots, most first, ranked "1, 1, 3". ``order`` breaks ties for the listing only
    (reading order), never for the rank. Items with no dots are left out unless ``include_zero``
    (then ``order`` lists every item)."""
    position = {item: index for index, item in enumerate(order)}
    items = dict(totals)
    if include_zero:
        for item in order:
            items.setdefault(item, 0)
    else:
        items = {item: dots for item, dots in items.items() if dots > 0}
    all_dots = sum(items.values())
    listed = sorted(items.items(), key=lambda pair: (-pair[1], position.get(pair[0], len(position)), pair[0]))
    counts: dict[int, int] = {}
    for _item, dots in listed:
        counts[dots] = counts.get(dots, 0) + 1
    ranked: list[RankedItem] = []
    current_rank = 0
    previous: int | None = None
    for index, (item, dots) in enumerate(listed, start=1):
        if dots != previous:
            current_rank, previous = index, dots
        share = dots / all_dots if all_dots else 0.0
        ranked.append(RankedItem(current_rank, item, dots, share, counts[dots] > 1))
    return ranked


def share_text(share: float) -> str:
    """"33%": whole percent, as people say it in the room."""
    return f"{share * 100:.0f}%"


def item_title(session: Session, round_: VoteRound, item_id: str) -> str:
    """The words a ranking shows for an item: a note's text or a cluster's title."""
    if round_.target == CLUSTERS:
        if session.has_cluster(item_id):
            return session.cluster(item_id).title or "Untitled cluster"
        return "A deleted cluster"
    return session.note(item_id).text if session.has_note(item_id) else "A deleted note"


def item_lane(session: Session, round_: VoteRound, item_id: str) -> str | None:
    if round_.target == CLUSTERS:
        return session.cluster(item_id).lane_id if session.has_cluster(item_id) else None
    return session.note(item_id).lane_id if session.has_note(item_id) else None


def round_ranking(session: Session, round_id: str, include_zero: bool = False) -> list[RankedItem]:
    """A round's ranking over its live items, ties listed in reading order."""
    voting = session.voting
    items = voting.items(round_id)
    round_ = voting.round(round_id)
    if round_.target != CLUSTERS:
        items = sorted(items, key=lambda note_id: _reading(session, note_id))
    return rank(voting.totals(round_id), items, include_zero)


def _reading(session: Session, note_id: str) -> tuple[int, float, float]:
    note = session.note(note_id)
    lane_index = next((i for i, lane in enumerate(session.lanes) if lane.id == note.lane_id), len(session.lanes))
    return (lane_index, note.y, note.x)


def sorted_by_dots(ranked: Sequence[RankedItem], item_ids: Sequence[str]) -> list[str]:
    """``item_ids`` reordered: most dots first (ties and undotted keep their order)."""
    dots = {entry.item_id: entry.dots for entry in ranked}
    position = {item: index for index, item in enumerate(item_ids)}
    return sorted(item_ids, key=lambda item: (-dots.get(item, 0), position[item]))


def neighbour(
    boxes: Mapping[str, tuple[float, float, float, float]], current: str | None, dx: int, dy: int
) -> str | None:
    """The item the arrow ``(dx, dy)`` leads to from ``current``: the nearest box whose centre
    lies that way, straight lines preferred. ``boxes`` are ``id → (x, y, width, height)``."""
    if not boxes:
        return None
    if current is None or current not in boxes:
        return min(boxes, key=lambda item: (boxes[item][1], boxes[item][0]))

    def centre(item: str) -> tuple[float, float]:
        x, y, w, h = boxes[item]
        return x + w / 2, y + h / 2

    cx, cy = centre(current)
    best: tuple[float, str] | None = None
    for item in boxes:
        if item == current:
            continue
        x, y = centre(item)
        along = (x - cx) * dx + (y - cy) * dy
        if along <= 1.0:
            continue
        across = abs((x - cx) * dy) + abs((y - cy) * dx)
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, item)
    return None if best is None else best[1]


def grid_in_order(boxes: Sequence[Box], area: Rect, gap: float = NOTE_GAP) -> dict[str, tuple[float, float]]:
    """The boxes on a grid inside a lane in the order given (most dots first), starting below
    the lane's header: "Sort lane by dots"."""
    if not boxes:
        return {}
    cell_width = max(box.width for box in boxes) + gap
    cell_height = max(box.height for box in boxes) + gap
    columns = min(len(boxes), max(1, int((area.width - gap) // cell_width)))
    top = max(min(box.y for box in boxes), area.y + LANE_HEADER_HEIGHT)
    left = area.x + gap
    return {
        box.id: (left + (index % columns) * cell_width, top + (index // columns) * cell_height)
        for index, box in enumerate(boxes)
    }
