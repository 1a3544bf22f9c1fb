"""The child of test_blind_voting's kill test: votes in a real window (offscreen) until killed.

Usage: ``python voting_child.py LIBRARY SESSION_ID``. It opens the session in the app's main
window, starts a blind, anonymous round for Ana, Ben and Cy, lets Ana place two dots and finish,
lets Ben pick his name and place two dots, printing ``dot <item>`` after each of Ben's dots is
placed and ``waiting`` at the end; then it waits to be killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from canvasapp.app import open_main_window
from canvasapp.model import Participant, VoteRound


def main(library: str, session_id: str) -> None:
    window = open_main_window(library, session_id, Path(library).parent / "templates")
    window.show()
    voting = window.controllers.voting
    items = sorted(note.id for note in window.document.session.notes)
    roster = [Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B6CA8"),
              Participant("cy", "Cy", "#1B998B")]
    round_ = VoteRound(id="round", title="Blind", dots_per_participant=2, anonymous=True, blind=True)
    assert voting.start(round_, roster)
    voting.pick_voter("ana")
    editing = window.document.voting
    editing.cast("round", "ana", items[0])
    editing.cast("round", "ana", items[1])
    voting.finish_turn()
    voting.next_voter_screen()
    voting.pick_voter("ben")
    for item in (items[1], items[2]):
        editing.cast("round", "ben", item)
        print(f"dot {item}", flush=True)
    print("waiting", flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
