"""Dots and the reveal's total never cover words: on random boards, after random sequences of
the organising gestures (the ones the layout property test runs, undo and redo included), every
note shows a reveal with up to a couple of rows' worth of dots, and no badge drawn in the scene
touches any note's text or any cluster's title, measured on the real items."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from canvasapp.model import Lane, Note, Session
from canvasapp.ops.badge_strip import strip_of
from canvasapp.ops.layout import Rect
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.voting.dot_badges import DotBadgeItem, DotLayer, NoteDots
from tests.editing.test_tidy_board_properties import STEPS, Editors, boards, step

COLOURS = ("#E4572E", "#17BEBB", "#FFC914", "#2E282A", "#76B041")


def badge_rects(badge: DotBadgeItem) -> list[QRectF]:
    """Every dot and the total, in scene coordinates."""
    rects = [badge.mapRectToScene(rect) for rect in badge.dot_rects()]
    total = badge.total_rect()
    return [*rects, badge.mapRectToScene(total)] if not total.isEmpty() else rects


def words_covered(scene: BoardScene, layer: DotLayer) -> list[str]:
    """Each badge that covers a note's text or a cluster's title, one sentence each."""
    texts = {
        item.note_id: item.mapRectToScene(item.text_rect()) for item in scene.note_items() if item.isVisible()
    }
    titles = {
        item.cluster_id: item.mapRectToScene(item.title_rect()) for item in scene.clusters.items() if item.isVisible()
    }
    problems = []
    for note_id in texts:
        badge = layer.badge(note_id)
        if badge is None:
            continue  # no dots on this note
        for rect in badge_rects(badge):
            problems += [f"a badge of {note_id} covers the text of {other}" for other, text in texts.items() if rect.intersects(text)]
            problems += [f"a badge of {note_id} covers the title of {c}" for c, title in titles.items() if rect.intersects(title)]
    return problems


@st.composite
def reveals(draw: st.DrawFn, note_ids: list[str]) -> dict[str, NoteDots]:
    """Every note revealed with 1 to 14 dots in runs of voters' colours (a row holds three)."""
    shown = {}
    for note_id in note_ids:
        runs = draw(st.lists(st.tuples(st.sampled_from(COLOURS), st.integers(1, 5)), min_size=1, max_size=3))
        shown[note_id] = NoteDots(tuple(runs), draw(st.sampled_from([None, sum(c for _, c in runs), 120])))
    return shown


@settings(
    max_examples=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(session=boards(), data=st.data())
def test_no_badge_covers_a_note_text_or_a_cluster_title(qapp: QApplication, session: Session, data: st.DataObject) -> None:
    editors = Editors(session)
    for _ in range(data.draw(st.integers(0, 10))):
        step(data.draw, editors, data.draw(STEPS))
    scene = BoardScene(session)
    try:
        layer = DotLayer(scene.note_item)
        layer.set_scale(data.draw(st.sampled_from([0.2, 0.5, 1.0, 2.0])))  # the zoom of the view
        layer.set_dots(data.draw(reveals(sorted(note.id for note in session.notes))))
        assert words_covered(scene, layer) == []
    finally:
        scene.detach()


def test_a_crowded_reveal_stays_in_the_strip_under_its_note(qapp: QApplication) -> None:
    """Twenty dots and a three-digit total: the row ends in "+n" before it would wrap, and
    everything stays inside the note's strip, clear of the note itself."""
    session = Session.create("Reveal", [Lane(id="L", title="Lane", order=0, width=760.0)])
    for width in (80.0, 200.0, 280.0):
        session.add_notes([Note(id=f"n{int(width)}", lane_id="L", text="Words " * 20, x=24, y=200 + width * 2, width=width)])
    scene = BoardScene(session)
    try:
        layer = DotLayer(scene.note_item)
        layer.set_dots({note.id: NoteDots((("#E4572E", 12), ("#17BEBB", 8)), 120) for note in session.notes})
        for note in session.notes:
            badge = layer.badge(note.id)
            assert badge is not None
            strip = strip_of(Rect(note.x, note.y, note.width, note.height))
            area = QRectF(strip.x, strip.y, strip.width, strip.height)
            item = scene.note_item(note.id)
            for rect in badge_rects(badge):
                assert area.contains(rect) and not rect.intersects(item.mapRectToScene(item.text_rect()))
            assert len(badge.dot_rects()) < 20  # the last one says how many more
            assert not badge.total_rect().isEmpty()
    finally:
        scene.detach()
