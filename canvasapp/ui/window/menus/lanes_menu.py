"""Lanes: add, rename, recolour, move, resize and delete the board's lanes."""

from canvasapp.ops.palette import PALETTE
from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]


def _colour(name: str, hex_colour: str, colour_id: str) -> Spec:
    return Spec(f"lane.colour.{colour_id}", name, "&Lanes/Lane &Colour", run=lambda c: c.board.set_lane_colour(hex_colour),
                tip=f"Colour the lane {name.lower()}", swatch=hex_colour)


LANES_MENU: tuple[Spec, ...] = (
    Spec("lane.add", "&New Lane…", "&Lanes", run=lambda c: c.board.add_lane(), shortcuts=("Ctrl+Shift+N",),
         tip="Add a lane right of the current one"),
    # F2 renames a selected cluster in place; else the lane.
    Spec("lane.rename", "&Rename Lane…", "&Lanes", run=lambda c: c.clusters.rename() or c.board.rename_lane_here(),
         shortcuts=("F2",), tip="Rename the lane of the selected note, or the one under the mouse"),
    *(_colour(colour.name, colour.hex, colour.id) for colour in PALETTE),
    Spec("lane.move_left", "Move Lane &Left", "&Lanes", run=lambda c: c.board.move_lane(-1),
         shortcuts=("Ctrl+Shift+PgUp",), tip="Swap the lane with the one on its left; its notes go with it"),
    Spec("lane.move_right", "Move Lane Ri&ght", "&Lanes", run=lambda c: c.board.move_lane(1),
         shortcuts=("Ctrl+Shift+PgDown",), tip="Swap the lane with the one on its right; its notes go with it"),
    Spec("lane.width", "Lane &Width…", "&Lanes", run=lambda c: c.board.lane_width(),
         tip="Make the lane wider or narrower (or drag its right edge)"),
    Spec("lane.delete", "&Delete Lane", "&Lanes", run=lambda c: c.board.delete_lane(),
         tip="Delete the lane and its notes (Undo brings both back)"),
)
