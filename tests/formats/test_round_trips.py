"""Nothing is lost on the way: Save as Template, installed templates on the command line, the
archive's stacking order, a CSV import's agenda, and the CSV's vote columns."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from canvasapp.export.notes_csv import notes_csv
from canvasapp.formats.archive import dump_archive, load_archive, session_from_archive
from canvasapp.formats.notes_csv import session_from_csv
from canvasapp.formats.template import StarterNote, VotingDefaults, WorkshopTemplate
from canvasapp.formats.template_io import session_from_template, write_template
from canvasapp.formats.template_library import find_template, install_template, template_for_session
from canvasapp.model import Cluster, Lane, Note, Participant, Session, VoteRound
from canvasapp.ops.summary import build_summary
from canvasapp.storage import SessionRepository, open_library
from tests.cli.test_templates_cli import run


def peer_template() -> WorkshopTemplate:
    """An installed template unlike the built-ins in every field Save as Template must keep."""
    base = find_template(None)
    lanes = [lane.id for lane in base.lanes]
    return base.model_copy(update={
        "id": "nachbarschaft", "name": "Nachbarschaftstreffen", "language": "de", "author": "Amira Haddad",
        "licence": "CC-BY-SA-4.0", "description": "Für Nachbarschaften.",
        "voting": VotingDefaults(target="clusters", lanes=[lanes[2]], dots_per_participant=5, max_dots_per_item=2,
                                 blind=False, anonymous=False),
        "starter_notes": [
            StarterNote(lane=lanes[2], text="Zuerst: Kaffee"), StarterNote(lane=lanes[0], text="Gesehen werden"),
            StarterNote(lane=lanes[0], text="Lernen"), StarterNote(lane=None, text="Parkplatz: Fragen"),
            StarterNote(lane=lanes[1], text="Keine Zeit"), StarterNote(lane=lanes[2], text="Reparatur-Café"),
        ],
    })


def grouped(template: WorkshopTemplate) -> list[tuple[str | None, str]]:
    """Starter notes lane by lane (a session places them per lane, so this order is the kept one)."""
    order = {lane.id: index for index, lane in enumerate(template.lanes)}
    notes = [(note.lane, note.text) for note in template.starter_notes]
    return sorted(notes, key=lambda note: order.get(note[0] or "", len(order)))  # stable within a lane


def test_save_as_template_keeps_every_field_of_an_installed_template(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    source = tmp_path / "peer.workshop-template.json"
    write_template(peer_template(), source)
    installed = install_template(source, user_dir).template
    session = session_from_template(installed, "Treffen im Mai")
    saved = template_for_session(session, "Unser Treffen", user_dir, include_notes=True)
    assert saved.voting == installed.voting
    assert (saved.language, saved.author, saved.licence, saved.description) == (
        "de", "Amira Haddad", "CC-BY-SA-4.0", "Für Nachbarschaften.")
    assert [(n.lane, n.text) for n in saved.starter_notes] == grouped(installed)
    # Saving again (and again) changes nothing: the order is stable, the outside note stays.
    again = template_for_session(session_from_template(saved, "Noch einmal"), "Unser Treffen", None,
                                 include_notes=True, language=None)
    assert [(n.lane, n.text) for n in again.starter_notes] == [(n.lane, n.text) for n in saved.starter_notes]
    assert (None, "Parkplatz: Fragen") in [(n.lane, n.text) for n in again.starter_notes]
    outside = [note for note in session_from_template(saved, "x").notes if note.lane_id is None]
    assert [note.text for note in outside] == ["Parkplatz: Fragen"]


def test_an_installed_template_works_on_the_command_line(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    data_home.mkdir()
    source = tmp_path / "peer.workshop-template.json"
    write_template(peer_template(), source)
    library = str(tmp_path / "lib.sqlite")
    assert run("templates", "install", str(source), data_home=data_home).returncode == 0
    made = run("new", "--title", "Treffen", "--template", "nachbarschaft", "--library", library, data_home=data_home)
    assert made.returncode == 0, made.stderr
    session_id = made.stdout.split()[-1]
    csv_file = tmp_path / "notes.csv"
    csv_file.write_text("text,lane\nMehr Bänke,drivers\n", encoding="utf-8")
    imported = run("import", str(csv_file), "--template", "nachbarschaft", "--library", library, data_home=data_home)
    assert imported.returncode == 0, imported.stderr
    pdf = tmp_path / "s.pdf"
    exported = run("export", "--session", session_id, "--library", library, "--pdf", str(pdf), data_home=data_home)
    assert exported.returncode == 0, exported.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nachbarschaftstreffen (nachbarschaft)" in " ".join(text.split())


def test_a_csv_import_gets_the_templates_agenda() -> None:
    template = find_template(None)
    session = session_from_csv(b"text,lane\nMore benches,drivers\n", template, "Imported")
    assert [(p.id, p.title, p.minutes, p.kind) for p in session.agenda.phases] == [
        (p.id, p.title, p.minutes, p.kind) for p in template.phases
    ]


def test_the_archive_keeps_which_overlapping_note_is_on_top(tmp_path: Path) -> None:
    instant = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    original = Session.create("Stack", [Lane("a", "A", order=0)])
    # Made in the same instant (a paste) and overlapping: only their order says which is on top.
    original.add_notes([Note(id=f"{9 - i}", lane_id="a", text=text, x=10.0 + i, y=10.0, created=instant)
                        for i, text in enumerate(["one", "two", "three"])])

    def through_a_library(session: Session, name: str) -> list[str]:
        library = open_library(tmp_path / f"{name}.sqlite")
        try:
            SessionRepository(library).add(session)
            return [note.text for note in SessionRepository(library).load(session.id).notes]
        finally:
            library.close()

    shown = through_a_library(original, "original")  # the order the app draws them in
    for attempt in range(5):  # fresh random ids each time: the order must not depend on them
        copy = session_from_archive(load_archive(dump_archive(original)))
        assert [note.text for note in copy.notes] == shown
        assert through_a_library(copy, f"copy{attempt}") == shown


def clustered_vote() -> Session:
    session = Session.create("Vote", [Lane("a", "A", order=0)])
    session.add_notes(Note(id=f"n{i}", lane_id="a", text=f"note {i}", x=0.0, y=160.0 * i) for i in range(4))
    session.add_cluster(Cluster(id="c1", title="Theme", lane_id="a", note_ids=["n0", "n1", "n2"]))
    voting = session.voting
    voting.set_roster([Participant("ana", "Ana", "#D7263D")])
    voting.add_round(VoteRound(id="r1", title="Themes", target="clusters", dots_per_participant=3,
                               max_dots_per_item=3))
    voting.start_round("r1")
    voting.set_tally("r1", "c1", 7)
    voting.close_round("r1")
    voting.add_round(VoteRound(id="r2", title="Notes"))
    voting.start_round("r2")
    voting.set_tally("r2", "n3", 2)
    voting.set_tally("r2", "n1", 1)
    voting.close_round("r2")
    return session


@pytest.mark.parametrize("lead", ["r1", "r2"])
def test_csv_vote_columns_give_a_clusters_dots_once(lead: str) -> None:
    session = clustered_vote()
    session.voting.set_outcome(lead, "decision")
    rows = list(csv.DictReader(io.StringIO(notes_csv(build_summary(session)).decode("utf-8-sig"))))
    themes = [row["dots: Themes"] for row in rows]
    assert sorted(themes) == ["", "", "", "7"]  # once, on the cluster's first note
    assert sum(int(value or 0) for value in themes) == 7
    assert [row["dots: Notes"] for row in rows] == ["", "1", "", "2"]
    expected = themes if lead == "r1" else [row["dots: Notes"] for row in rows]
    assert [row["dots"] for row in rows] == expected  # never empty because the lead round is on clusters
