"""Workshop Canvas: a sticky-note canvas for in-person drivers, blockers and activities workshops."""

__version__ = "0.1.0"
APP_NAME = "Workshop Canvas"
