"""What the bundled executable runs: the same entry point as the installed `canvasapp` command."""

import sys

from canvasapp.cli import main

sys.exit(main())
