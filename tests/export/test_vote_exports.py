"""Every round's ranking reaches the PDF (outcome first), Markdown, CSV and the archive."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.archive import dump_archive, load_archive, session_from_archive
from canvasapp.model import Lane, Note, Participant, Session, VoteRound
from canvasapp.ops.summary import build_summary
from tests.export.conftest import pdf_text


def voted_session() -> Session:
    session = Session.create("Gathering", [Lane("drivers", "Drivers", order=0), Lane("blockers", "Blockers", order=1)])
    texts = [("drivers", "Being heard"), ("drivers", "A clear task"), ("blockers", "No time <b>&"), ("blockers", "Far")]
    session.add_notes(Note(id=f"n{i}", lane_id=lane, text=text, y=160.0 * i) for i, (lane, text) in enumerate(texts))
    voting = session.voting
    voting.set_roster([Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B6CA8")])
    voting.add_round(VoteRound(id="r1", title="First pass", dots_per_participant=2, anonymous=False))
    voting.start_round("r1")
    for who, items in (("ana", ["n0", "n2"]), ("ben", ["n0", "n1"])):
        voting.begin_turn("r1", who)
        for item in items:
            voting.cast_dot("r1", who, item)
        voting.finish_turn("r1", who)
    voting.close_round("r1")
    voting.add_round(VoteRound(id="r2", title="Paper dots"))
    voting.start_round("r2")
    voting.set_tally("r2", "n3", 5)
    voting.close_round("r2")
    return session


def test_summary_ranks_each_round_with_ties_and_the_outcome_holds_every_closed_round() -> None:
    summary = build_summary(voted_session())
    assert summary.votes_held
    first = summary.rounds[0]
    assert [(e.rank_text, e.title, e.dots) for e in first.entries] == [
        ("1", "Being heard", 2), ("2=", "A clear task", 1), ("2=", "No time <b>&", 1),
    ]
    # Every closed round is in the outcome, in the order held, unless marked otherwise.
    assert [result.title for result in summary.outcomes] == ["First pass", "Paper dots"]
    assert summary.outcome is not None and summary.outcome.title == "First pass"


def test_markdown_and_csv_have_every_round() -> None:
    summary = build_summary(voted_session())
    markdown = notes_markdown(summary)
    assert "## Vote results" in markdown and "### First pass" in markdown
    assert "| 2= | A clear task | Drivers | 1 | 25% |" in markdown
    rows = list(csv.DictReader(io.StringIO(notes_csv(summary).decode("utf-8-sig"))))
    by_text = {row["text"]: row for row in rows}
    assert by_text["Being heard"]["dots: First pass"] == "2"
    assert by_text["Far"]["dots: Paper dots"] == "5"
    assert by_text["Being heard"]["dots"] == "2"  # the round the outcome leads with
    assert by_text["Far"]["dots"] == ""
    assert by_text["A clear task"]["dots: Paper dots"] == ""


def test_pdf_leads_with_the_outcome_and_lists_every_ranking(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(summary_pdf(build_summary(voted_session())))
    text = pdf_text(path)
    assert "Dot vote: “First pass”" in text and "Dot vote: “Paper dots”" in text
    assert "Vote rounds" in text and "First pass" in text and "2=" in text
    assert "No time <b>&" in text


def test_archive_keeps_rounds_roster_and_votes() -> None:
    session = voted_session()
    back = session_from_archive(load_archive(dump_archive(session)))
    voting = back.voting
    assert [p.name for p in voting.participants] == ["Ana", "Ben"]
    assert [r.title for r in voting.rounds] == ["First pass", "Paper dots"]
    first = voting.rounds[0]
    texts = {back.note(item).text: dots for item, dots in voting.totals(first.id).items()}
    assert texts == {"Being heard": 2, "A clear task": 1, "No time <b>&": 1}
    assert voting.round(first.id).state == "closed"
