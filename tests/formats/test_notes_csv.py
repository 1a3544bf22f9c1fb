"""CSV import of notes: lanes by id or title, clear refusals, all or nothing."""

from __future__ import annotations

import time

import pytest

from canvasapp.formats import notes_csv as notes_csv_module
from canvasapp.formats.notes_csv import CsvImportError, notes_from_csv, session_from_csv
from canvasapp.formats.template_library import find_template
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.storage import Library, SessionRepository


@pytest.fixture
def template():  # type: ignore[no-untyped-def]
    return find_template("drivers-blockers-activities")


def _csv(text: str, bom: bool = True) -> bytes:
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def test_lanes_by_id_or_title_any_case_and_empty_is_first(template) -> None:  # type: ignore[no-untyped-def]
    data = _csv('Text,LANE,colour,cluster\nalpha,drivers,,\nbeta,BLOCKERS,#112233,Theme A\n"gamma\nsecond line",Activities,,\ndelta,,,\n')
    session = session_from_csv(data, template, "Imported")
    by_text = {note.text: note for note in session.notes}
    assert by_text["alpha"].lane_id == "drivers"
    assert by_text["beta"].lane_id == "blockers" and by_text["beta"].colour == "#112233"
    assert by_text["gamma\nsecond line"].lane_id == "activities"
    assert by_text["delta"].lane_id == "drivers"
    assert session.template_id == template.id and [lane.id for lane in session.lanes] == ["drivers", "blockers", "activities"]


def test_notes_sit_on_their_lanes_grid_without_overlap(template) -> None:  # type: ignore[no-untyped-def]
    rows = "".join(f"note {i},{('drivers', 'blockers')[i % 2]}\n" for i in range(40))
    session = session_from_csv(_csv("text,lane\n" + rows), template, "Grid")
    spots = {(note.x, note.y) for note in session.notes}
    assert len(spots) == 40
    for a in session.notes:
        for b in session.notes:
            if a is not b:
                assert abs(a.x - b.x) >= NOTE_WIDTH or abs(a.y - b.y) >= NOTE_HEIGHT
    # The file's order is kept where notes are sorted by creation.
    ordered = sorted(session.notes, key=lambda note: note.created)
    assert [note.text for note in ordered] == [f"note {i}" for i in range(40)]


def test_unknown_lane_names_the_row_and_the_valid_lanes(template) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CsvImportError) as caught:
        notes_from_csv(_csv("text,lane\nok,drivers\n\nbad,Ideas\n"), [*session_from_csv(_csv("text\nx\n"), template, "t").lanes], "notes.csv")
    message = str(caught.value)
    assert "notes.csv, row 4" in message and "'Ideas'" in message
    assert "drivers" in message and "blockers" in message and "activities" in message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV file"),
        ("text,lane\ncaf\xe9,drivers\n".encode("latin-1"), "not UTF-8 text"),
        (b"lane,colour\ndrivers,#FFFFFF\n", "has no 'text' column"),
        (b"", "is empty"),
        (b"text,colour\nx,red\n", "row 2: the colour 'red'"),
        (b"text,created\nx,yesterday\n", "row 2: the time 'yesterday'"),
    ],
)
def test_bad_files_get_one_plain_sentence(template, data: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CsvImportError, match=message) as caught:
        session_from_csv(data, template, "t", "notes.csv")
    assert "\n" not in str(caught.value)


def test_huge_files_are_refused_before_parsing(template, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(notes_csv_module, "MAX_CSV_BYTES", 100)
    with pytest.raises(CsvImportError, match="too large"):
        session_from_csv(b"text\n" + b"x\n" * 100, template, "t")


def test_created_times_are_kept(template) -> None:  # type: ignore[no-untyped-def]
    session = session_from_csv(_csv("text,created\nx,2024-05-03T10:00:00.123+02:00\n"), template, "t")
    assert session.notes[0].created.isoformat() == "2024-05-03T08:00:00.123000+00:00"


def test_a_failed_import_adds_nothing(template, library: Library) -> None:  # type: ignore[no-untyped-def]
    repository = SessionRepository(library)
    before = repository.list()
    rows = "".join(f"note {i},drivers\n" for i in range(500)) + "the bad one,nowhere\n"
    with pytest.raises(CsvImportError, match="row 502"):
        repository.add(session_from_csv(_csv("text,lane\n" + rows), template, "t"))
    assert repository.list() == before


def test_ten_thousand_notes_import_quickly(template, library: Library) -> None:  # type: ignore[no-untyped-def]
    rows = "".join(f"Idea {i}: meet in person first,{('drivers', 'Blockers', 'ACTIVITIES')[i % 3]},,\n" for i in range(10_000))
    data = _csv("text,lane,colour,cluster\n" + rows)
    start = time.perf_counter()
    session = session_from_csv(data, template, "Big")
    SessionRepository(library).add(session)
    elapsed = time.perf_counter() - start
    assert len(session) == 10_000
    assert elapsed < 3.0  # the bar is 1 s (tests/benchmarks); this guards against quadratic placement
