"""After a restart, a revealed round is shown as it was left; hidden stays hidden."""

from __future__ import annotations

from tests.ui.test_voting_ui import start_round


def test_a_revealed_round_is_shown_again_after_a_restart(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("drivers", "Pride")])
    window = make_window(session.id)
    round_id, _roster = start_round(window, anonymous=False, blind=True)
    window.controllers.voting.end_round()  # closes the round and reveals it
    assert window.controllers.voting.mode == "reveal"
    window.close()
    window.library.close()

    again = make_window(session.id)
    assert again.controllers.voting.mode == "reveal" and again.controllers.voting.round_id == round_id
    again.controllers.voting.hide_results()
    again.close()
    again.library.close()

    third = make_window(session.id)
    assert third.controllers.voting.mode == "idle"
