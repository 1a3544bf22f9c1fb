"""Clusters in every export: PDF (per lane, and frames on the board), Markdown, CSV out and in,
and the archive round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.archive import ArchiveError, dump_archive, load_archive, session_from_archive
from canvasapp.formats.notes_csv import session_from_csv
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note, Session
from canvasapp.ops.cluster_summary import unclustered
from canvasapp.ops.summary import build_summary
from tests.export.conftest import pdf_text


def clustered_session() -> Session:
    session = session_from_template(find_template(None), "Themes")
    session.remove_notes([note.id for note in session.notes])
    session.add_notes([
        Note("a", "drivers", "Feeling heard", x=40, y=300),
        Note("b", "drivers", "Being seen", x=280, y=300),
        Note("c", "drivers", "Room to experiment", x=40, y=700),
        Note("d", "blockers", "Lack of time", x=824, y=300),
    ])
    session.add_cluster(Cluster("k1", "Belonging <& heard>", "drivers", ["b", "a"]))
    session.add_cluster(Cluster("k2", "Time", "blockers", ["d"], colour="#B5D8FF", collapsed=True))
    return session


def test_the_summary_lists_clusters_per_lane_and_the_rest() -> None:
    summary = build_summary(clustered_session())
    assert [(c.title, c.count, [n.text for n in c.notes]) for c in summary.clusters] == [
        ("Belonging <& heard>", 2, ["Being seen", "Feeling heard"]),
        ("Time", 1, ["Lack of time"]),
    ]
    drivers = summary.lanes[0]
    assert [note.text for note in unclustered(summary.clusters, drivers)] == ["Room to experiment"]
    frame = summary.clusters[0].frame
    assert frame.x < 40 and frame.right > 480 and frame.y < 300


def test_markdown_has_a_heading_per_cluster() -> None:
    text = notes_markdown(build_summary(clustered_session()))
    assert "### Belonging \\<\\& heard\\> (2)\n\n- Being seen\n- Feeling heard" in text
    assert "### Not in a cluster\n\n- Room to experiment" in text
    assert "### Time (1)" in text


def test_csv_names_each_notes_cluster_and_imports_them_again() -> None:
    data = notes_csv(build_summary(clustered_session()))
    rows = data.decode("utf-8-sig").splitlines()
    assert any(row.startswith("Drivers,Being seen,Belonging <& heard>,") for row in rows)
    again = session_from_csv(data, find_template(None), "Again")
    clusters = {c.title: sorted(again.note(n).text for n in c.note_ids) for c in again.clusters}
    assert clusters == {"Belonging <& heard>": ["Being seen", "Feeling heard"], "Time": ["Lack of time"]}


def test_csv_import_same_title_same_lane_is_one_cluster() -> None:
    data = (
        b"text,lane,cluster\nA,drivers,Belonging\nB,Drivers,  belonging \nC,blockers,Belonging\nD,drivers,\n"
    )
    session = session_from_csv(data, find_template(None), "Imported")
    found = sorted((c.lane_id, sorted(session.note(n).text for n in c.note_ids)) for c in session.clusters)
    assert found == [("blockers", ["C"]), ("drivers", ["A", "B"])]
    # Blocks are placed below the lane's other notes, so frames never cover them.
    d = next(note for note in session.notes if note.text == "D")
    a = next(note for note in session.notes if note.text == "A")
    assert a.y > d.y + d.height


def test_the_archive_round_trips_clusters_with_new_ids() -> None:
    session = clustered_session()
    back = session_from_archive(load_archive(dump_archive(session)))
    assert [(c.title, c.lane_id, [back.note(n).text for n in c.note_ids], c.colour, c.collapsed) for c in back.clusters] == [
        ("Belonging <& heard>", "drivers", ["Being seen", "Feeling heard"], None, False),
        ("Time", "blockers", ["Lack of time"], "#B5D8FF", True),
    ]
    assert {c.id for c in back.clusters}.isdisjoint({"k1", "k2"})


def test_an_archive_without_clusters_still_reads_and_a_bad_one_is_refused() -> None:
    document = json.loads(dump_archive(clustered_session()))
    del document["clusters"]
    assert session_from_archive(load_archive(json.dumps(document).encode())).clusters == []
    document = json.loads(dump_archive(clustered_session()))
    document["clusters"][1]["note_ids"] = [document["clusters"][0]["note_ids"][0]]
    with pytest.raises(ArchiveError, match="in two clusters"):
        load_archive(json.dumps(document).encode())


def test_the_pdf_shows_the_themes_with_counts(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(summary_pdf(build_summary(clustered_session())))
    text = pdf_text(path)
    assert "Belonging <& heard> (2 notes)" in text
    assert "Not in a cluster" in text
    assert "Belonging <& heard> · 2" in text  # the frame's title on the board picture
