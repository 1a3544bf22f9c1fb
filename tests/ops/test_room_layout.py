"""The room's arrangement, without a window: one note size for the whole screen, never below
the readable minimum, nothing off screen or overlapping, and every note either shown or
counted in "n more"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.ops.layout import Rect
from canvasapp.ops.room_content import RoomContent, RoomGroup, RoomLane, RoomNote
from canvasapp.ops.room_layout import CLUSTER, LANE, MIN_NOTE_PX, MORE, NOTE, arrange_room, title_px


class FakeMeasure:
    """Greedy word wrap with every character 0.6 em wide; lines 1.2 em apart."""

    def line_count(self, text: str, px: int, bold: bool, width: float) -> int:
        per_line = max(1, int(width // (0.6 * px)))
        lines, used = 1, 0
        for word in text.split() or [""]:
            size = len(word)
            while size > per_line:  # a word longer than a line breaks anywhere
                lines += 1 if used else 0
                size -= per_line
                used = 0
            if used and used + 1 + size > per_line:
                lines, used = lines + 1, size
            else:
                used = used + (1 if used else 0) + size
        return lines

    def line_height(self, px: int, bold: bool) -> float:
        return 1.2 * px


def _content(lanes: list[list[str]], titles: list[str | None] | None = None) -> RoomContent:
    room_lanes = []
    for index, texts in enumerate(lanes):
        notes = tuple(RoomNote(f"n{index}-{i}", text, "#FFE45C", dots=i % 3) for i, text in enumerate(texts))
        title = titles[index] if titles else None
        group = RoomGroup(f"c{index}" if title else None, title, "#FFE45C", notes, dots=2)
        room_lanes.append(RoomLane(f"l{index}", f"Lane {index}", "What brings people here?", "#FFE45C", (group,)))
    return RoomContent("2/8 · Drivers", "Write one idea per note.", tuple(room_lanes))


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.bottom - 0.01 and b.y < a.bottom - 0.01


def _inside(inner: Rect, outer: Rect) -> bool:
    return inner.x >= outer.x - 0.01 and inner.y >= outer.y - 0.01 and inner.right <= outer.right + 0.01 and inner.bottom <= outer.bottom + 0.01


texts = st.text(alphabet=st.sampled_from("abcdefghij  "), min_size=0, max_size=120)


@settings(max_examples=60, deadline=None)
@given(
    lanes=st.lists(st.lists(texts, max_size=70), min_size=1, max_size=8),
    titled=st.booleans(),
    show_dots=st.booleans(),
    size=st.sampled_from([(1920, 1080), (1280, 720), (1024, 768)]),
)
def test_arrangement_invariants(lanes: list[list[str]], titled: bool, show_dots: bool, size: tuple[int, int]) -> None:
    content = _content(lanes, ["Belonging and recognition"] * len(lanes) if titled else None)
    layout = arrange_room(content, size[0], size[1], FakeMeasure(), show_dots=show_dots)
    screen = Rect(0, 0, size[0], size[1])
    assert layout.note_px >= MIN_NOTE_PX
    for text in layout.texts:
        assert _inside(text.rect, screen), text
    notes = [text for text in layout.texts if text.role == NOTE]
    assert {text.px for text in notes} <= {layout.note_px}, "one note size for the whole room"
    assert all(text.px == title_px(layout.note_px) for text in layout.texts if text.role == CLUSTER)
    cards = [card for card in layout.cards if card.kind != LANE]
    for i, first in enumerate(cards):
        for second in cards[i + 1:]:
            assert not _overlap(first.rect, second.rect), (first, second)
        if first.badge is not None:
            assert _inside(first.badge, first.rect)
    lane_cards = {card.item_id: card.rect for card in layout.cards if card.kind == LANE}
    for i, first in enumerate(lane_cards.values()):
        assert _inside(first, screen)
        for second in list(lane_cards.values())[i + 1:]:
            assert not _overlap(first, second)
    shown = len(notes)
    hidden = sum(layout.hidden.values())
    assert shown + hidden == sum(len(lane) for lane in lanes), "every note shown or counted"
    assert len([text for text in layout.texts if text.role == MORE]) == len([n for n in layout.hidden.values() if n])


def test_thirty_notes_in_one_lane_all_show_above_the_minimum() -> None:
    content = _content([["mentoring and a monthly meetup"] * 30])
    layout = arrange_room(content, 1920, 1080, FakeMeasure())
    assert not layout.hidden and len(layout.texts_of(NOTE)) == 30


def test_more_notes_use_more_columns_then_say_how_many_more() -> None:
    few = arrange_room(_content([["trust"] * 10]), 1920, 1080, FakeMeasure())
    many = arrange_room(_content([["mentoring and a monthly meetup"] * 200]), 1920, 1080, FakeMeasure())
    assert few.note_px > MIN_NOTE_PX, "few notes: larger type"
    assert many.note_px == MIN_NOTE_PX
    columns = {text.rect.x for text in many.texts_of(NOTE)}
    assert len(columns) > 3
    assert many.texts_of(MORE)[0].text == f"{many.hidden['l0']} more"


def test_a_phase_without_lanes_shows_its_words_large() -> None:
    layout = arrange_room(RoomContent("1/8 · Welcome", "Say your name.", ()), 1920, 1080, FakeMeasure())
    assert [text.role for text in layout.texts] == ["heading", "instructions"]
    assert layout.texts[0].px >= 80 and layout.texts[1].px >= 48


def test_dot_badges_sit_beside_the_text() -> None:
    layout = arrange_room(_content([["trust"] * 5], ["Belonging"]), 1920, 1080, FakeMeasure(), show_dots=True)
    texts = {text.rect.y: text.rect for text in layout.texts if text.role in (NOTE, CLUSTER)}
    for card in layout.cards:
        if card.badge is not None:
            words = next(rect for y, rect in texts.items() if card.rect.y <= y < card.rect.bottom)
            assert not _overlap(card.badge, words)
