"""Vote: dot voting in turns on one screen, and the keys a participant uses during a turn."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]
TURN = "&Vote/During a &Turn"

VOTE_MENU: tuple[Spec, ...] = (
    Spec("vote.new_round", "&New Vote Round…", "&Vote", run=lambda c: c.voting.new_round(),
         shortcuts=("Ctrl+Shift+V",), tip="Choose what is voted on, the dots each and who votes, then start"),
    Spec("vote.resume", "&Resume Voting", "&Vote", run=lambda c: c.voting.resume(), shortcuts=("F7",),
         tip="Back to the open round: the voter whose turn it is, else “Who is voting?”"),
    Spec("vote.tally", "&Tally Paper Dots…", "&Vote", run=lambda c: c.voting.tally_counts(), shortcuts=("Ctrl+Alt+T",),
         tip="Type or step each item's count from paper dots or a show of hands"),
    Spec("vote.end_round", "&End Round and Reveal", "&Vote", run=lambda c: c.voting.end_round(),
         shortcuts=("Ctrl+Alt+E",), tip="Close the open round now and show every dot and the ranking"),
    Spec("vote.show_results", "Show &Results", "&Vote", run=lambda c: c.voting.show_results(),
         shortcuts=("Ctrl+Alt+R",), tip="The last closed round's dots on the board and its ranking"),
    Spec("vote.hide_results", "&Hide Dots", "&Vote", run=lambda c: c.voting.hide_results(),
         tip="Take the dots off the board again"),
    Spec("vote.sort_by_dots", "&Sort Lanes by Dots", "&Vote", run=lambda c: c.voting.sort_lanes_by_dots(),
         shortcuts=("Ctrl+Alt+S",), tip="Each lane's notes in a grid, most dots first (one undo step)"),
    Spec("vote.rounds", "Vote Ro&unds…", "&Vote", run=lambda c: c.voting.show_rounds(), shortcuts=("Ctrl+Alt+U",),
         tip="Every round of this session: show its results again, reopen or delete it"),
    # The one way back for the facilitator while the room votes (menus are hidden then): a
    # chord no participant presses by chance. Holding the screens' Facilitator button does the same.
    Spec("vote.facilitator", "&Facilitator Takes the Screen", "&Vote", run=lambda c: c.voting.take_control(),
         shortcuts=("Ctrl+Alt+Shift+F",),
         tip="During a round: menus and the facilitator's buttons back (skip, redo, tally, end, pause)",
         separator_before=True),
    # The participant's keys, live only while someone votes (the board's own keys are off then).
    Spec("vote.turn.place", "Place a Dot", TURN, run=lambda c: c.voting.place_key(),
         shortcuts=("Return", "Enter", "Space"), tip="A dot on the chosen item (Done once none are left)",
         scope="turn", separator_before=True),
    Spec("vote.turn.take_back", "Take Back a Dot", TURN, run=lambda c: c.voting.take_back_key(),
         shortcuts=("Backspace", "Delete"), tip="Your dot off the chosen item", scope="turn"),
    Spec("vote.turn.left", "Choose Left", TURN, run=lambda c: c.voting.walk(-1, 0), shortcuts=("Left",), scope="turn"),
    Spec("vote.turn.right", "Choose Right", TURN, run=lambda c: c.voting.walk(1, 0), shortcuts=("Right", "Tab"),
         scope="turn"),
    Spec("vote.turn.up", "Choose Up", TURN, run=lambda c: c.voting.walk(0, -1), shortcuts=("Up",), scope="turn"),
    Spec("vote.turn.down", "Choose Down", TURN, run=lambda c: c.voting.walk(0, 1), shortcuts=("Down",), scope="turn"),
    Spec("vote.turn.done", "Done", TURN, run=lambda c: c.voting.finish_turn(), shortcuts=("D", "Shift+Return"),
         tip="End your turn and hand over", scope="turn"),
)
