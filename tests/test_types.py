"""The house rule of STYLE.md: mypy --strict on everything but the Qt UI and its composition root.

This runs the real ``python -m mypy`` from the repository root, so the ``[tool.mypy]``
configuration in pyproject.toml is exactly what is checked. mypy keeps its cache in
``.mypy_cache/`` (ignored by git): a first run takes about 20 s, later ones about a second.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
PYPROJECT = REPOSITORY / "pyproject.toml"


def test_the_strict_configuration_is_declared() -> None:
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["packages"] == ["canvasapp"]
    relaxed = [override for override in config["overrides"] if override.get("ignore_errors")]
    assert [sorted(override["module"]) for override in relaxed] == [["canvasapp.app", "canvasapp.ui.*"]]


def test_mypy_strict_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"mypy found type errors:\n{result.stdout}{result.stderr}"
