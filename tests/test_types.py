"""The house rules for the whole package: mypy --strict with nothing relaxed, and ruff with the
rule set chosen in pyproject.toml.

Both run the real tools from the repository root, so the configuration in pyproject.toml is
exactly what is checked. mypy keeps its cache in ``.mypy_cache/`` (ignored by git): a first run
takes about 20 s, later ones a few seconds.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
PYPROJECT = REPOSITORY / "pyproject.toml"


def test_the_strict_configuration_is_declared_with_nothing_relaxed() -> None:
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["packages"] == ["canvasapp"]
    relaxed = [override for override in config.get("overrides", []) if override.get("ignore_errors")]
    assert relaxed == []


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], capture_output=True, text=True, cwd=REPOSITORY, timeout=300, check=False
    )


def test_mypy_strict_passes() -> None:
    result = _run("mypy")
    assert result.returncode == 0, f"mypy found type errors:\n{result.stdout}{result.stderr}"


def test_ruff_passes() -> None:
    result = _run("ruff", "check", "canvasapp", "tests")
    assert result.returncode == 0, f"ruff found problems:\n{result.stdout}{result.stderr}"
