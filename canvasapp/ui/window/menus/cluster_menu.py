"""Cluster: group notes into themes, and suggestions to accept or leave."""

from canvasapp.ops.palette import PALETTE
from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]
COLOUR = "&Cluster/Cluster &Colour"


def _colour(name: str, hex_colour: str, colour_id: str) -> Spec:
    return Spec(f"cluster.colour.{colour_id}", name, COLOUR, run=lambda c: c.clusters.set_colour(hex_colour),
                tip=f"Colour the selected clusters {name.lower()}", swatch=hex_colour)


CLUSTER_MENU: tuple[Spec, ...] = (
    Spec("cluster.group", "&Group into Cluster", "&Cluster", run=lambda c: c.clusters.group(), shortcuts=("Ctrl+G",),
         tip="Make a cluster of the selected notes (or add them to the one most of them are in)"),
    Spec("cluster.ungroup", "&Ungroup", "&Cluster", run=lambda c: c.clusters.ungroup(), shortcuts=("Ctrl+Shift+G",),
         tip="Dissolve the selected clusters; their notes stay where they are"),
    Spec("cluster.take_out", "&Take Out of Cluster", "&Cluster", run=lambda c: c.clusters.take_out(),
         shortcuts=("Ctrl+Alt+G",), tip="The selected notes leave their clusters"),
    Spec("cluster.rename", "&Rename Cluster", "&Cluster", run=lambda c: c.clusters.rename_cluster(),
         tip="Type a new title for the selected cluster (F2 works too)"),
    Spec("cluster.collapse", "&Fold or Unfold", "&Cluster", run=lambda c: c.clusters.toggle_collapsed(),
         shortcuts=("Ctrl+Shift+E",), tip="Show a cluster as one card, or its notes again"),
    Spec("cluster.tidy", "Ti&dy Cluster", "&Cluster", run=lambda c: c.clusters.tidy(),
         tip="Line the cluster's notes up in a grid"),
    Spec("cluster.colour.lane", "&Lane Colour", COLOUR, run=lambda c: c.clusters.set_colour(""),
         tip="The cluster follows its lane's colour again"),
    *(_colour(colour.name, colour.hex, colour.id) for colour in PALETTE),
    Spec("cluster.suggest", "&Suggest Clusters…", "&Cluster", run=lambda c: c.clusters.suggest(),
         tip="Proposed themes from the notes' words, to accept, change or leave"),
)
