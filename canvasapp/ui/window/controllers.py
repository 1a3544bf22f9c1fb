"""The window's controllers, handed to every action's handler (``run=lambda c: c.board.cut()``)."""

from __future__ import annotations

from dataclasses import dataclass

from canvasapp.ui.board.edit_actions import BoardActions
from canvasapp.ui.clusters.cluster_actions import ClusterActions
from canvasapp.ui.room.facilitation import FacilitationController
from canvasapp.ui.sessions.library_controller import LibraryController
from canvasapp.ui.sessions.template_controller import TemplateController
from canvasapp.ui.sessions.transfer_controller import TransferController
from canvasapp.ui.voting.controller import VotingController
from canvasapp.ui.window.recent_menu import RecentSessionsMenu
from canvasapp.ui.window.window_actions import WindowActions


@dataclass(frozen=True)
class Controllers:
    """One of each, for one main window."""

    window: WindowActions
    """Sessions, undo and history, zoom, looks, the shortcut sheet."""
    board: BoardActions
    """Notes, the clipboard, find, arrange and lanes."""
    clusters: ClusterActions
    voting: VotingController
    room: FacilitationController
    """Agenda, timer, presenting, the audience window, follow-ups and details."""
    templates: TemplateController
    transfers: TransferController
    recent: RecentSessionsMenu
    """File → Recent Sessions."""
    libraries: LibraryController
    """Open Library and the recent libraries."""
