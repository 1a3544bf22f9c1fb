"""A strip across the top of the window while nothing shown can be saved: it says so, and why,
where the facilitator looks (the status bar is too small to read from across a room)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

_STYLE = "QLabel { background: #fff3c4; color: #3d2e00; padding: 6px 12px; font-size: 14px; }"


class ReadOnlyBanner(QToolBar):
    def __init__(self, host: QMainWindow) -> None:
        super().__init__("Read-only", host)
        self.setObjectName("read_only_banner")
        self.setMovable(False)
        self.setFloatable(False)
        # Not a tool bar to switch off: it goes when the reason does.
        self.toggleViewAction().setVisible(False)
        self.label = QLabel()
        self.label.setObjectName("read_only_banner_text")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setStyleSheet(_STYLE)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A word-wrapped label in a tool bar is sized for its narrowest width (a tall column):
        # three lines hold the reason in any window wide enough to work in.
        self.label.setMaximumHeight(self.label.fontMetrics().lineSpacing() * 3 + 16)
        self.addWidget(self.label)
        host.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        host.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()

    def say(self, why: str) -> None:
        """Show the banner with ``why`` (one or two sentences), or hide it (``""``)."""
        self.label.setText(f"<b>Read-only.</b> {html.escape(why)}" if why else "")
        self.label.setToolTip(why)
        self.setVisible(bool(why))
