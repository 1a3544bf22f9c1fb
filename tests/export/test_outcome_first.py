"""Page 1 answers "what did we decide and who does what": every closed round kept in the
outcome (decisions first, any round can be left out), then the next steps."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from canvasapp.commands.voting import SetRoundOutcome
from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.archive import dump_archive, load_archive, session_from_archive
from canvasapp.model import Session, VotingError
from canvasapp.ops.summary import build_summary
from tests.export.conftest import normalise
from tests.export.multilingual import multilingual_session


def page_text(path: Path, page: int) -> str:
    raw = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return normalise(raw)


@pytest.fixture(scope="module")
def session() -> Session:
    return multilingual_session()


def test_every_closed_round_is_in_the_outcome_in_the_order_held(session: Session) -> None:
    summary = build_summary(session)
    assert [r.title for r in summary.outcomes] == ["Which activities do we start with?", "Biggest blockers"]


def test_a_decision_leads_and_a_left_out_round_is_only_listed(session: Session) -> None:
    copy = session_from_archive(load_archive(dump_archive(session)))
    decide, tally = copy.voting.rounds
    SetRoundOutcome(tally.id, "decision").apply(copy)
    assert [r.title for r in build_summary(copy).outcomes] == ["Biggest blockers", "Which activities do we start with?"]
    SetRoundOutcome(decide.id, "left_out").apply(copy)
    summary = build_summary(copy)
    assert [r.title for r in summary.outcomes] == ["Biggest blockers"]
    assert len(summary.rounds) == 2  # still ranked under "Vote rounds"
    with pytest.raises(VotingError):
        copy.voting.set_outcome(decide.id, "maybe")


def test_the_archive_keeps_each_rounds_place_in_the_outcome(session: Session) -> None:
    copy = session_from_archive(load_archive(dump_archive(session)))
    copy.voting.set_outcome(copy.voting.rounds[1].id, "decision")
    copy.voting.set_outcome(copy.voting.rounds[0].id, "left_out")
    back = session_from_archive(load_archive(dump_archive(copy)))
    assert [r.outcome for r in back.voting.rounds] == ["left_out", "decision"]


def test_page_one_holds_both_rounds_and_every_next_step(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(summary_pdf(build_summary(session, template_name="Drivers, blockers and activities")))
    first = page_text(path, 1)
    for expected in [
        "Nachbarschaftstreffen Nordstadt", "Which activities do we start with?", "Monthly repair café",
        "Biggest blockers", "No time after work", "Next steps", "Ben Okafor", "15 Dec 2026", "Dev Sharma",
        "Chiara Rossi", "Emre Yilmaz", "佐藤 花子",
    ]:
        assert expected in first, expected
    # The decision comes before the tally, and both before the next steps.
    assert first.index("Which activities") < first.index("Biggest blockers") < first.index("Next steps")
