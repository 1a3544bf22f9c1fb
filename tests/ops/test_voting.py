"""Dot-vote arithmetic: the suggested budget, tallies, ranking with ties, shares, arrows."""

from __future__ import annotations

from canvasapp.model import Vote
from canvasapp.ops.arrange import Box
from canvasapp.ops.layout import Rect
from canvasapp.ops.voting import grid_in_order, neighbour, rank, share_text, suggested_dots, suggestion_rule, tally


def test_suggested_dots_is_about_a_third_capped_and_at_least_one() -> None:
    assert suggested_dots(0) == 1
    assert suggested_dots(2) == 1
    assert suggested_dots(9) == 3
    assert suggested_dots(16) == 5
    assert suggested_dots(300) == 10
    assert suggested_dots(300, most=6) == 6


def test_tally_sums_every_voter_and_leaves_out_gone_items() -> None:
    votes = [Vote("r", "a", "x", 2), Vote("r", None, "x", 3), Vote("r", "b", "y", 1), Vote("r", "b", "gone", 4)]
    assert tally(votes) == {"x": 5, "y": 1, "gone": 4}
    assert tally(votes, live=["x", "y"]) == {"x": 5, "y": 1}


def test_ranking_shows_ties_as_ties() -> None:
    ranked = rank({"a": 5, "b": 5, "c": 3, "d": 1, "e": 1, "f": 0}, order=["b", "a", "c", "d", "e", "f"])
    assert [(entry.rank, entry.item_id, entry.dots) for entry in ranked] == [
        (1, "b", 5), (1, "a", 5), (3, "c", 3), (4, "d", 1), (4, "e", 1),
    ]
    assert [entry.tied for entry in ranked] == [True, True, False, True, True]
    assert abs(sum(entry.share for entry in ranked) - 1.0) < 1e-9
    assert share_text(ranked[0].share) == "33%"


def test_ranking_can_list_items_without_dots() -> None:
    ranked = rank({"a": 2}, order=["a", "b", "c"], include_zero=True)
    assert [(entry.rank, entry.item_id) for entry in ranked] == [(1, "a"), (2, "b"), (2, "c")]
    assert rank({}, order=["a"]) == []


def test_arrows_lead_to_the_nearest_item_that_way() -> None:
    boxes = {"a": (0, 0, 100, 100), "b": (200, 0, 100, 100), "c": (0, 200, 100, 100), "d": (200, 210, 100, 100)}
    assert neighbour(boxes, None, 1, 0) == "a"
    assert neighbour(boxes, "a", 1, 0) == "b"
    assert neighbour(boxes, "a", 0, 1) == "c"
    assert neighbour(boxes, "c", 1, 0) == "d"
    assert neighbour(boxes, "a", -1, 0) is None


def test_grid_in_order_keeps_the_given_order() -> None:
    boxes = [Box("z", 0, 500, 200, 140), Box("y", 0, 100, 200, 140), Box("x", 0, 300, 200, 140)]
    positions = grid_in_order(boxes, Rect(0, 0, 500, 1000))
    # Two columns fit: z first (top left), y beside it, x on the next row.
    assert positions["z"][1] == positions["y"][1] < positions["x"][1]
    assert positions["z"][0] < positions["y"][0]


def test_top_per_lane_ranks_within_each_lane() -> None:
    from canvasapp.ops.vote_summary import RankedEntry, RoundResult, top_per_lane

    def entry(rank: int, tied: bool, item: str, lane: str, order: int, dots: int) -> RankedEntry:
        return RankedEntry(rank, tied, item, item, lane, dots, "", order)

    entries = (
        entry(1, False, "a", "Activities", 2, 5),
        entry(2, True, "d1", "Drivers", 0, 3),
        entry(2, True, "d2", "Drivers", 0, 3),
        entry(4, False, "d3", "Drivers", 0, 1),
    )
    result = RoundResult("r", "What first?", "notes", True, 3, 4, 12, entries)
    top = top_per_lane(result)
    assert [(e.item_id, e.rank_text) for e in top["Drivers"]] == [("d1", "1="), ("d2", "1="), ("d3", "3")]
    assert [(e.item_id, e.rank_text) for e in top["Activities"]] == [("a", "1")]
    assert list(top) == ["Drivers", "Activities"]


def test_suggested_dots_shrink_when_many_voters_would_flood_the_items() -> None:
    assert suggested_dots(12, voter_count=4) == 4  # a third of the items; 16 dots on 12 items is fine
    assert suggested_dots(12, voter_count=40) == 1  # 3 x 12 / 40: one dot each, not four
    assert suggested_dots(30, voter_count=25) == 3
    assert "no more than three dots per item across 40 voters" in suggestion_rule(12, 40, "notes")
