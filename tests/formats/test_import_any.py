"""One door: every format recognised by what it holds, ours included; strangers' files refused
before they cost anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvasapp.formats.archive import dump_archive
from canvasapp.formats.import_any import (
    MAX_IMPORT_BYTES,
    ArchiveImport,
    CsvImport,
    ImportRefused,
    TemplateImport,
    import_any,
)
from canvasapp.formats.template_io import template_json
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Lane, Note, Session, new_id
from tests.board_invariants import broken_promises
from tests.formats.board_files import founding_board, parabol_retro, retro_canvas, scrumlr_export


def _session() -> Session:
    lanes = [Lane("drivers", "Drivers", order=0), Lane("blockers", "Blockers", colour="#FFB3C7", order=1)]
    notes = [Note(new_id(), "drivers", "Neighbours", x=24, y=174), Note(new_id(), "blockers", "Time", x=808, y=260)]
    return Session(new_id(), "Workshop", lanes=lanes, notes=notes, clusters=[Cluster(new_id(), "T", "blockers", [notes[1].id])])


@pytest.mark.parametrize("name", ["board.excalidraw", "board.json", "board.txt", "board"])
def test_formats_are_recognised_by_content_not_by_name(tmp_path: Path, name: str) -> None:
    for data, kind in [
        (founding_board(), "Excalidraw drawing"),
        (retro_canvas(), "JSON Canvas"),
        (scrumlr_export(), "Scrumlr board"),
        (parabol_retro(), "Parabol retrospective"),
        (dump_archive(_session()), "session archive"),
        (template_json(find_template(None)).encode(), "workshop template"),
        (b"text,lane\nHello,drivers\n", "CSV of notes"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        assert import_any(path).kind == kind, (name, kind)


def test_our_own_formats_become_sessions_and_additions() -> None:
    archive = import_any(dump_archive(_session()), "w.workshop.json")
    assert isinstance(archive, ArchiveImport)
    assert sorted(note.text for note in archive.new_session().notes) == ["Neighbours", "Time"]

    open_session = _session()
    additions = archive.additions(open_session)
    assert additions.lanes == [] and sorted(note.text for note in additions.notes) == ["Neighbours", "Time"]
    assert [cluster.title for cluster in additions.clusters] == ["T"]

    template = import_any(template_json(find_template(None)).encode(), "t.workshop-template.json")
    assert isinstance(template, TemplateImport)
    assert template.new_session("From template").title == "From template"

    csv = import_any(b"text,lane,cluster\nMore,blockers,Money\nAgain,blockers,Money\n", "notes.csv")
    assert isinstance(csv, CsvImport)
    added = csv.additions(open_session)
    assert {note.lane_id for note in added.notes} == {"blockers"} and len(added.clusters) == 1
    with pytest.raises(ImportRefused, match="row 2"):
        import_any(b"text,lane\nx,nowhere\n", "notes.csv").new_session()


def test_every_format_added_to_an_open_session_keeps_the_layout_invariants() -> None:
    for data, name in [(founding_board(), "a.excalidraw"), (retro_canvas(), "b.canvas"),
                       (scrumlr_export(), "c.json"), (parabol_retro(), "d.csv")]:
        session = _session()
        additions = import_any(data, name).additions(session)
        for lane in additions.lanes:
            session.add_lane(lane)
        session.add_notes(additions.notes)
        for cluster in additions.clusters:
            session.add_cluster(cluster)
        assert broken_promises(session, every_note_in_a_lane=True) == [], name


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"\xff\xfe\xfa", "not UTF-8"),
        (b'{"hello": "world"}', "not a board this app knows"),
        (b"[1, 2, 3]", "not a board this app knows"),
        (b"just some words\nand more", "neither JSON"),
        (b'{"type": "excalidraw", "elements": [', "cut short"),
    ],
)
def test_files_that_are_no_board_are_refused_with_one_sentence(data: bytes, words: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_any(data, "mystery.bin")
    assert str(caught.value).startswith("mystery.bin") and words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_size_is_capped_before_the_file_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.excalidraw"
    with huge.open("wb") as stream:
        stream.truncate(MAX_IMPORT_BYTES + 1)  # sparse: costs no disk, and is never read
    with pytest.raises(ImportRefused, match=r"huge.excalidraw: the file is too large"):
        import_any(huge)
    with pytest.raises(ImportRefused, match="too large"):
        import_any(b" " * (MAX_IMPORT_BYTES + 1), "dropped")
    with pytest.raises(ImportRefused, match="folder"):
        import_any(tmp_path)
