"""The session archive: exact round trip, new ids on import, and clear refusals."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from canvasapp.formats import archive as archive_module
from canvasapp.formats.archive import (
    MAX_ARCHIVE_BYTES,
    ArchiveError,
    ArchiveLane,
    ArchiveNote,
    archive_json_schema_text,
    dump_archive,
    load_archive,
    read_archive,
    session_from_archive,
)
from canvasapp.locations import builtin_templates_dir
from canvasapp.model import Lane, Note, Session
from canvasapp.storage import Library, SessionRepository
from tests.export.conftest import hostile_session

SCHEMA_FILE = builtin_templates_dir() / "schema" / "workshop-session.schema.json"


def _note_fields(note: Note) -> dict[str, Any]:
    return {key: value for key, value in dataclasses.asdict(note).items() if key != "id"}


def _raw(session: Session) -> dict[str, Any]:
    return json.loads(dump_archive(session))


def test_round_trip_is_exact_with_new_ids(library: Library) -> None:
    original = hostile_session()
    original.notes[0].colour = "#112233"
    rebuilt = session_from_archive(load_archive(dump_archive(original)))
    assert rebuilt.id != original.id
    assert {note.id for note in rebuilt.notes}.isdisjoint(note.id for note in original.notes)
    assert (rebuilt.title, rebuilt.template_id, rebuilt.created, rebuilt.updated) == (
        original.title, original.template_id, original.created, original.updated)
    assert rebuilt.lanes == original.lanes
    key = lambda fields: (fields["created"], fields["text"])  # noqa: E731
    assert sorted(map(_note_fields, rebuilt.notes), key=key) == sorted(map(_note_fields, original.notes), key=key)

    # Through a library and back: importing twice never clashes, and nothing changes on the way.
    repository = SessionRepository(library)
    data = dump_archive(original)
    first = session_from_archive(load_archive(data))
    second = session_from_archive(load_archive(data))
    repository.add(first)
    repository.add(second)
    loaded = repository.load(second.id)
    assert sorted(map(_note_fields, loaded.notes), key=key) == sorted(map(_note_fields, original.notes), key=key)


def test_every_model_field_is_archived() -> None:
    # A new field in the model must reach the archive (and a new format version), or it is lost.
    assert {field.name for field in dataclasses.fields(Lane)} == set(ArchiveLane.model_fields)
    assert {field.name for field in dataclasses.fields(Note)} == set(ArchiveNote.model_fields)


def test_committed_schema_is_current() -> None:
    # Regenerate with: python -m canvasapp.formats.archive > workshop_templates/schema/workshop-session.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == archive_json_schema_text()


def test_title_can_be_replaced_on_import(tmp_path: Path) -> None:
    path = tmp_path / "s.workshop.json"
    path.write_bytes(dump_archive(hostile_session()))
    assert read_archive(path, title="  Copy for the board  ").title == "Copy for the board"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d.update(format_version=2), "made by a newer version of Workshop Canvas"),
        (lambda d: d.update(format="canvasapp.template"), "is a workshop template, not a session archive"),
        (lambda d: d.update(format="excalidraw"), "is not a Workshop Canvas session archive"),
        (lambda d: d.pop("format"), "its format is missing"),
        (lambda d: d.update(format_version="1"), "format_version must be a whole number"),
        (lambda d: d.update(surprise=1), "surprise: Extra inputs are not permitted"),
        (lambda d: d["notes"][0].update(x="12"), "notes.0.x"),
        (lambda d: d["notes"][0].update(colour="red"), "notes.0.colour"),
        (lambda d: d["notes"][0].update(created="2024-05-03T10:00:00"), "notes.0.created"),
        (lambda d: d["notes"][0].update(text="x" * 100_001), "notes.0.text"),
        (lambda d: d["lanes"].append(d["lanes"][0]), "two lanes share the id"),
        (lambda d: d["notes"].append(d["notes"][0]), "two notes share the id"),
    ],
)
def test_spoiled_archives_are_refused_clearly(spoil: Any, message: str) -> None:
    document = _raw(hostile_session())
    spoil(document)
    with pytest.raises(ArchiveError, match=message.replace(".", r"\.")) as caught:
        load_archive(json.dumps(document).encode(), "team.workshop.json")
    assert str(caught.value).startswith("team.workshop.json")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not a session archive"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"format": "canvasapp.session", "format_version": 1, "title": "x"', "cut short"),
        (b"[1, 2]", "holds no JSON object"),
        (b'{"format": "canvasapp.session", "format": "canvasapp.session"}', "appears twice"),
        (b'{"format": "canvasapp.session", "format_version": 1, "x": NaN}', "NaN and Infinity are not JSON numbers"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_damaged_and_foreign_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        load_archive(data, "x.workshop.json")


def test_size_is_capped_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_module, "MAX_ARCHIVE_BYTES", 1000)
    path = tmp_path / "big.workshop.json"
    path.write_bytes(b" " * 2000)
    with pytest.raises(ArchiveError, match="too large"):
        read_archive(path)
    assert MAX_ARCHIVE_BYTES >= 32 * 1024 * 1024


def test_an_older_version_climbs_the_upgrade_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend version 1 is old: a version 0 file is upgraded one step, as v2 will upgrade v1.
    document = _raw(hostile_session())
    document["format_version"] = 0
    document["old_title"] = document.pop("title")

    def upgrade_0(old: dict[str, Any]) -> dict[str, Any]:
        old["title"] = old.pop("old_title")
        return old

    monkeypatch.setitem(archive_module.UPGRADES, 0, upgrade_0)
    monkeypatch.setattr(archive_module, "_check_header", lambda d, name: d["format_version"])
    assert load_archive(json.dumps(document).encode()).title == "Community <b>gathering</b> & R&D"
