"""View: zoom and navigation, looks, presenting to the room and the panels."""

from canvasapp.ui.window.action_table import ActionSpec, StandardKey
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]

VIEW_MENU: tuple[Spec, ...] = (
    Spec("view.fit_all", "&Fit All", "&View", run=lambda c: c.window.fit_all(), shortcuts=("Ctrl+0",),
         tip="Show the whole board", icon="fit_all"),
    Spec("view.zoom_100", "&Actual Size (100%)", "&View", run=lambda c: c.window.zoom_100(), shortcuts=("Ctrl+1",),
         tip="Zoom to 100%", icon="zoom_100"),
    Spec("view.zoom_selection", "Zoom to &Selection", "&View", run=lambda c: c.window.zoom_to_selection(),
         shortcuts=("Ctrl+2",), tip="Fit the selected notes in the window", icon="zoom_selection"),
    Spec("view.zoom_in", "Zoom &In", "&View", run=lambda c: c.window.zoom_in(), shortcuts=(StandardKey.ZoomIn, "Ctrl+="),
         tip="Zoom in around the middle of the window", icon="zoom_in"),
    Spec("view.zoom_out", "Zoom &Out", "&View", run=lambda c: c.window.zoom_out(), shortcuts=(StandardKey.ZoomOut,),
         tip="Zoom out around the middle of the window", icon="zoom_out"),
    Spec("view.overview_map", "&Overview Map", "&View", toggle=lambda c, shown: c.window.show_overview_map(shown),
         shortcuts=("Ctrl+M",), tip="Show or hide the overview of the whole board", icon="minimap"),
    Spec("view.theme_light", "&Light Theme (Projector)", "&View", toggle=lambda c, _on: c.window.use_light_theme(),
         tip="High contrast and large type, for a projector", group="theme"),
    Spec("view.theme_dark", "&Dark Theme", "&View", toggle=lambda c, _on: c.window.use_dark_theme(),
         tip="Light text on dark, for preparing at a screen", group="theme"),
    Spec("view.present", "&Presentation Mode", "&View", toggle=lambda c, on: c.room.present(on), shortcuts=("F5",),
         tip="Full screen for the projector: the board, the phase and the timer (Esc leaves)", separator_before=True),
    Spec("view.audience", "A&udience Window", "&View", toggle=lambda c, shown: c.room.show_audience(shown),
         shortcuts=("F6",), tip="A clean view of the board for a second screen (the projector)"),
    Spec("view.audience_follow", "Audience Follows My &View", "&View",
         toggle=lambda c, follow: c.room.audience_follow(follow),
         tip="The audience window shows what you see; off: the whole board"),
    Spec("view.agenda", "A&genda Panel", "&View", toggle=lambda c, shown: c.room.show_agenda(shown), shortcuts=("F8",),
         tip="The phases, the current one and its timer", separator_before=True),
    Spec("view.actions", "A&ctions Panel", "&View", toggle=lambda c, shown: c.room.show_actions(shown),
         shortcuts=("F9",), tip="The follow-up actions with owners and due dates"),
)
