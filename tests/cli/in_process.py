"""The command line run in the test's own process: the same ``main`` a user's shell reaches,
with its output captured, a few times quicker than a child process. Tests of what only a
process shows (exit without a traceback on a crash, start-up imports and speed, the window path
without a display, a file that could hang the reader) keep running ``python -m canvasapp``."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from canvasapp.cli import main


@dataclass(frozen=True)
class Ran:
    """What a child process would have given: exit code, standard output, standard error."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path) -> Ran:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as stop:  # argparse's --help and --version end this way
            code = stop.code if isinstance(stop.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())
