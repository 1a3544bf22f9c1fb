"""Actions (next steps), the agenda as run and the session's details in every export."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from canvasapp.export.markdown import notes_markdown
from canvasapp.export.notes_csv import notes_csv
from canvasapp.export.pdf import summary_pdf
from canvasapp.formats.archive import dump_archive, load_archive, session_from_archive
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import FollowUp, Note, Session, SessionDetails, new_id
from canvasapp.ops.summary import WorkshopDetails, build_summary


def run_session() -> Session:
    session = session_from_template(find_template(None), "Spring gathering")
    meetup = Note(id=new_id(), lane_id="activities", text="Monthly <b>meetup</b> & potluck", x=30, y=200)
    champions = Note(id=new_id(), lane_id="activities", text="Champions programme", x=270, y=200)
    plain = Note(id=new_id(), lane_id="drivers", text="Being heard", x=30, y=200)
    session.add_notes([meetup, champions, plain])
    session.set_note_actions({
        meetup.id: FollowUp("Ana Petrović", date(2025, 6, 1)),
        champions.id: FollowUp("", None, "done"),
    })
    first, second = session.agenda.phases[:2]
    session.agenda.record_time(first.id, 12 * 60 + 5)
    session.agenda.record_time(second.id, 17 * 60)
    session.set_details(SessionDetails(date(2025, 5, 3), "Town hall, Utrecht", "Ragni", 14, "Plan the spring"))
    return session


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_has_details_next_steps_and_agenda_as_run(tmp_path: Path) -> None:
    session = run_session()
    path = tmp_path / "s.pdf"
    path.write_bytes(summary_pdf(build_summary(session)))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Plan the spring", "3 May 2025", "Town hall, Utrecht", "Ragni", "14",
                     "Next steps", "Monthly <b>meetup</b> & potluck", "Ana Petrović", "1 Jun 2025", "Done",
                     "Agenda as run", "12 min 05 s", "17 min 00 s", "not timed"):
        assert expected in text, expected
    # The command line's details win over the stored ones.
    path.write_bytes(summary_pdf(build_summary(session, WorkshopDetails(place="Online", participants=3))))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Online" in text and "Town hall" not in text and "Ragni" in text


def test_csv_and_markdown_list_the_actions() -> None:
    session = run_session()
    summary = build_summary(session)
    rows = list(csv.DictReader(io.StringIO(notes_csv(summary).decode("utf-8-sig"))))
    by_text = {row["text"]: row for row in rows}
    assert (by_text["Monthly <b>meetup</b> & potluck"]["action_owner"],
            by_text["Monthly <b>meetup</b> & potluck"]["action_due"],
            by_text["Monthly <b>meetup</b> & potluck"]["action_status"]) == ("Ana Petrović", "2025-06-01", "open")
    assert by_text["Champions programme"]["action_status"] == "done"
    assert by_text["Being heard"]["action_status"] == ""

    markdown = notes_markdown(summary)
    assert "## Next steps" in markdown
    assert "- [ ] Monthly \\<b\\>meetup\\</b\\> \\& potluck — Ana Petrović, due 2025-06-01" in markdown
    assert "- [x] Champions programme — no owner yet" in markdown
    assert "## Agenda as run" in markdown and "ran 12 min 05 s" in markdown
    assert "- Purpose: Plan the spring" in markdown


def test_archive_round_trip_keeps_agenda_actions_and_details() -> None:
    session = run_session()
    session.agenda.set_current(session.agenda.phases[1].id)
    rebuilt = session_from_archive(load_archive(dump_archive(session)))
    assert [(p.id, p.title, p.minutes, p.kind, p.lane_ids, p.used_seconds) for p in rebuilt.agenda.phases] == [
        (p.id, p.title, p.minutes, p.kind, p.lane_ids, p.used_seconds) for p in session.agenda.phases]
    assert rebuilt.agenda.current_phase_id == session.agenda.phases[1].id
    assert rebuilt.details == session.details
    assert sorted((n.text, n.action) for n in rebuilt.action_notes) == sorted((n.text, n.action) for n in session.action_notes)


def test_archives_without_the_new_fields_still_read() -> None:
    session = session_from_template(find_template(None), "Old")
    data = dump_archive(session).decode()
    document = json.loads(data)
    for key in ("phases", "current_phase_id", "details"):
        document.pop(key)
    rebuilt = session_from_archive(load_archive(json.dumps(document).encode()))
    assert len(rebuilt.agenda) == 0 and rebuilt.details == SessionDetails()
