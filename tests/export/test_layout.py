"""Nothing stranded or split: no heading ends a page, no note is cut across pages, the board
starts with an overview, its detail bands never cut a cluster, and a huge board says so."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace
from typing import cast

import pytest
from reportlab.platypus import Paragraph, Table

from canvasapp.export.board import BoardOverview, BoardPicture, _cut_between_notes
from canvasapp.export.pdf import SummaryPdf, _Heading
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note, Session, new_id
from canvasapp.ops.cluster_summary import ClusterEntry
from canvasapp.ops.layout import Rect, lane_rects
from canvasapp.ops.placement import GridPlacer
from canvasapp.ops.summary import build_summary
from tests.export.multilingual import multilingual_session

FOUR_LINES = ("We need a room that is free in the evenings, close to the bus stop, with a kitchen, "
              "so that families with small children can come after work and still get home on time.")


def wordy_session(count: int, clustered: int = 0) -> Session:
    """``count`` notes of about four lines each; the first ``clustered`` of each lane in a cluster."""
    session = session_from_template(find_template("drivers-blockers-activities"), "Layout")
    session.remove_notes([note.id for note in session.notes])
    lanes = [lane.id for lane in session.lanes]
    placer = GridPlacer(lane_rects(session.lanes))
    notes = []
    for index in range(count):
        lane = lanes[index % len(lanes)]
        x, y = placer.place(lane)
        notes.append(Note(id=new_id(), lane_id=lane, text=f"{index}: {FOUR_LINES[: 60 + (index * 37) % 120]}", x=x, y=y))
    session.add_notes(notes)
    for lane in lanes:
        members = [note.id for note in notes if note.lane_id == lane][:clustered]
        if members:
            session.add_cluster(Cluster(id=new_id(), title=f"Theme of {lane}", lane_id=lane, note_ids=members))
    return session


def assert_no_heading_ends_a_page(pdf: SummaryPdf) -> None:
    """Each heading is followed on its page by something a reader sees (text, a table, the
    board), not only by invisible page machinery."""
    seen = [(page, flowable) for page, flowable in pdf.drawn if isinstance(flowable, (Paragraph, Table, BoardPicture))]
    for position, (page, flowable) in enumerate(seen):
        if isinstance(flowable, _Heading):
            assert position + 1 < len(seen), "the document ends with a heading"
            assert seen[position + 1][0] == page, f"the heading {flowable.outline_title!r} ends page {page}"


def rendered(session: Session) -> SummaryPdf:
    pdf = SummaryPdf(build_summary(session))
    pdf.render()
    return pdf


@pytest.mark.parametrize("count", [47, 61, 90, 133])
def test_no_heading_ends_a_page_and_no_note_is_split(count: int) -> None:
    pdf = rendered(wordy_session(count, clustered=5))
    assert_no_heading_ends_a_page(pdf)
    drawn = pdf.drawn
    pages_of: dict[str, set[int]] = {}
    for page, flowable in drawn:
        key = getattr(flowable, "key", None)
        if key is not None:
            pages_of.setdefault(key, set()).add(page)
    assert len(pages_of) == count
    split = {key: pages for key, pages in pages_of.items() if len(pages) > 1}
    assert not split


def test_the_multilingual_summary_keeps_headings_with_their_content() -> None:
    assert_no_heading_ends_a_page(rendered(multilingual_session()))


def test_a_band_is_never_cut_through_a_cluster() -> None:
    # Only a cluster's frame matters to the cut.
    frame = cast(ClusterEntry, SimpleNamespace(frame=Rect(0.0, 100.0, 500.0, 400.0)))
    assert _cut_between_notes((), 0.0, 300.0, (frame,)) == 100.0  # above the cluster, not through it
    # A cluster taller than the band cannot be kept whole: notes are kept whole instead.
    assert _cut_between_notes((), 150.0, 300.0, (frame,)) == 300.0


def test_a_tall_board_starts_with_an_overview_then_bands_that_keep_clusters_whole() -> None:
    pdf = rendered(wordy_session(150, clustered=12))
    board = pdf.summary.board
    overviews = [(page, flowable) for page, flowable in pdf.drawn if isinstance(flowable, BoardOverview)]
    assert len(overviews) == 1
    overview_page, overview = overviews[0]
    # The overview's columns follow one another and hold the whole board.
    assert overview.bands[0][0] == board.y and overview.bands[-1][1] == board.bottom
    assert all(first[1] == second[0] for first, second in pairwise(overview.bands))
    bands = [(page, flowable) for page, flowable in pdf.drawn if isinstance(flowable, BoardPicture)]
    assert bands and all(page > overview_page for page, _band in bands)
    assert bands[0][1].scale > overview.scale
    cuts = [band.bottom for _page, band in bands[:-1]] + [bottom for _top, bottom in overview.bands[:-1]]
    for cut in cuts:
        for cluster in pdf.summary.clusters:
            assert not (cluster.frame.y < cut < cluster.frame.bottom), "a cut goes through a cluster"


@pytest.mark.slow
def test_a_board_of_5000_notes_is_one_overview_page_that_says_so() -> None:
    pdf = rendered(wordy_session(5000))
    assert not [flowable for _page, flowable in pdf.drawn if isinstance(flowable, BoardPicture)]
    overview = next(flowable for _page, flowable in pdf.drawn if isinstance(flowable, BoardOverview))
    assert len(overview.bands) > 3  # a tall board is set in columns, not drawn as a thin strip
    captions = " ".join(getattr(f, "text", "") for _page, f in pdf.drawn)
    assert "it would take about" in captions and "not printed in detail" in captions
