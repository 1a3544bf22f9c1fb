"""Every vote round's result as plain values, for the exports (PDF, Markdown, CSV).

Only rounds with dots are kept; items that were deleted are left out (their votes stay in the
model, so an undo would bring them back, but a summary shows what is on the board). A blind
round that is still open is kept as "in progress" with no counts at all: an export made in the
middle of a round (from the window or the command line) tells nobody how it is going.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from canvasapp.model import Session
from canvasapp.model.voting import CLOSED, CLUSTERS, DECISION, LEFT_OUT, OPEN, PAPER
from canvasapp.ops.voting import item_lane, item_title, round_ranking, share_text


@dataclass(frozen=True, slots=True)
class RankedEntry:
    """One ranked item: "1=" style rank text, its words, its lane's title, dots and share."""

    rank: int
    tied: bool
    item_id: str
    title: str
    lane_title: str
    dots: int
    share: str
    lane_order: int = 0
    """The lane's place on the board, so per-lane lists follow the board from left to right."""

    @property
    def rank_text(self) -> str:
        return f"{self.rank}{'=' if self.tied else ''}"


@dataclass(frozen=True, slots=True)
class RoundResult:
    """A round as readers see it: what was voted on, how, and its ranking."""

    id: str
    title: str
    target: str
    closed: bool
    dots_each: int
    voters: int
    total: int
    entries: tuple[RankedEntry, ...]
    outcome: str = "included"
    """``"decision"``, ``"included"`` or ``"left_out"``: the round's place in the outcome."""
    hidden: bool = False
    """A blind round still being voted: no counts until the facilitator reveals it."""
    tallied: bool = False
    """Every dot was counted on paper (no one voted on the screen): there is no "N each"."""

    @property
    def how(self) -> str:
        kind = "clusters" if self.target == CLUSTERS else "notes"
        if self.hidden:
            return f"a blind vote on {kind}, in progress: its counts are shown once it is revealed"
        if self.tallied:
            state = "" if self.closed else " (still open)"
            return f"{self.total} dots on {kind}, counted on paper{state}"
        who = f", {self.voters} {'voter' if self.voters == 1 else 'voters'}" if self.voters else ""
        state = "" if self.closed else " (still open)"
        return f"{self.total} dots on {kind}, {self.dots_each} each{who}{state}"


def round_results(session: Session) -> tuple[RoundResult, ...]:
    """Every round that holds dots, in the session's order."""
    lanes = {lane.id: lane.title for lane in session.lanes}
    order = {lane.id: index for index, lane in enumerate(session.lanes)}
    results = []
    for round_ in session.voting.rounds:
        if round_.state == OPEN and round_.blind:
            if session.voting.votes(round_.id) or round_.current_voter_id or round_.done_ids:
                results.append(RoundResult(
                    round_.id, round_.title, round_.target, False, round_.dots_per_participant, 0, 0, (), hidden=True,
                ))
            continue
        ranked = round_ranking(session, round_.id)
        if not ranked:
            continue
        entries = tuple(
            RankedEntry(
                entry.rank, entry.tied, entry.item_id, item_title(session, round_, entry.item_id),
                lanes.get(item_lane(session, round_, entry.item_id) or "", "Outside the lanes"),
                entry.dots, share_text(entry.share),
                order.get(item_lane(session, round_, entry.item_id) or "", len(order)),
            )
            for entry in ranked
        )
        tallied = not round_.done_ids and all(vote.participant_id == PAPER for vote in session.voting.votes(round_.id))
        results.append(RoundResult(
            round_.id, round_.title, round_.target, round_.state == CLOSED, round_.dots_per_participant,
            len(round_.done_ids), sum(entry.dots for entry in ranked), entries, round_.outcome, tallied=tallied,
        ))
    return tuple(results)


def outcome_rounds(results: tuple[RoundResult, ...]) -> tuple[RoundResult, ...]:
    """The closed rounds the outcome shows: those marked as the decision first, then the
    others not left out, each group in the order the rounds were held."""
    kept = [result for result in results if result.closed and result.outcome != LEFT_OUT]
    return tuple(sorted(kept, key=lambda result: result.outcome != DECISION))  # stable: held order kept


def top_per_lane(result: RoundResult, most: int = 3) -> dict[str, list[RankedEntry]]:
    """``lane title → its best-ranked items`` (ties at the edge kept: a tie is never cut)."""
    by_lane: dict[str, list[RankedEntry]] = {}
    for entry in sorted(result.entries, key=lambda e: e.lane_order):  # stable: ranks stay in order
        by_lane.setdefault(entry.lane_title, []).append(entry)
    top: dict[str, list[RankedEntry]] = {}
    for lane, board_ranked in by_lane.items():
        # Ranked again within the lane: its best item is "1" there, whatever the board's order.
        entries = [
            replace(
                entry,
                rank=1 + sum(other.dots > entry.dots for other in board_ranked),
                tied=sum(other.dots == entry.dots for other in board_ranked) > 1,
            )
            for entry in board_ranked
        ]
        kept = entries[:most]
        kept += [entry for entry in entries[most:] if kept and entry.dots == kept[-1].dots]
        top[lane] = kept
    return top


def dots_by_item(result: RoundResult) -> dict[str, int]:
    return {entry.item_id: entry.dots for entry in result.entries}
