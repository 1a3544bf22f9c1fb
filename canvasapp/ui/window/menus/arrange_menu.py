"""Arrange: tidy, align, distribute and snap the selected notes."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]

ARRANGE_MENU: tuple[Spec, ...] = (
    Spec("arrange.tidy", "&Tidy into Grid", "&Arrange", run=lambda c: c.board.tidy(), shortcuts=("Ctrl+Shift+A",),
         tip="Line the selected notes up on a grid inside their lane"),
    Spec("arrange.align_left", "Align &Left", "&Arrange", run=lambda c: c.board.align_left(),
         shortcuts=("Ctrl+Shift+L",), tip="Line up the left edges of the selected notes"),
    Spec("arrange.align_top", "Align T&op", "&Arrange", run=lambda c: c.board.align_top(),
         shortcuts=("Ctrl+Shift+T",), tip="Line up the top edges of the selected notes"),
    Spec("arrange.distribute_horizontally", "Distribute &Horizontally", "&Arrange",
         run=lambda c: c.board.distribute_horizontally(), shortcuts=("Ctrl+Shift+H",), tip="Equal gaps from left to right"),
    Spec("arrange.distribute_vertically", "Distribute &Vertically", "&Arrange",
         run=lambda c: c.board.distribute_vertically(), shortcuts=("Ctrl+Shift+J",), tip="Equal gaps from top to bottom"),
    Spec("arrange.snap", "&Snap to Grid", "&Arrange", toggle=lambda c, on: c.board.set_snap(on), shortcuts=("Ctrl+'",),
         tip="Dragged notes land on a grid"),
)
