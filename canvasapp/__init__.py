"""Workshop Canvas: a sticky-note canvas for in-person drivers, blockers and activities workshops."""

__version__ = "0.1.0"
APP_NAME = "Workshop Canvas"
#: The SPDX licence expression, as in pyproject.toml, the metainfo and the .deb (a test holds them together).
LICENSE = "GPL-3.0-or-later"
