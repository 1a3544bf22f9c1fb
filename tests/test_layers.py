"""The layers of docs/ARCHITECTURE.md, as import-linter contracts in pyproject.toml, are all kept.

This runs the real ``lint-imports`` command on pyproject.toml exactly as written, so the
configuration itself is tested too: a contract import-linter cannot run counts as broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
PYPROJECT = REPOSITORY / "pyproject.toml"

#: Every contract the design asks for; a renamed or dropped contract must fail here too.
EXPECTED_CONTRACTS = {
    "Layers point down only",
    "Only the UI and the composition root use Qt",
    "The model is plain Python",
    "ORM rows stay in storage, pydantic stays in formats",
}


def test_the_design_contracts_are_declared() -> None:
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]
    assert config["root_package"] == "canvasapp"
    assert {contract["name"] for contract in config["contracts"]} >= EXPECTED_CONTRACTS


def test_every_import_contract_is_kept(tmp_path: Path) -> None:
    command = shutil.which("lint-imports", path=os.path.dirname(sys.executable)) or shutil.which("lint-imports")
    assert command, "import-linter is not installed (the test extra of pyproject.toml)"

    result = subprocess.run(
        [command, "--config", str(PYPROJECT), "--no-cache"],
        capture_output=True,
        text=True,
        # From a temporary folder, so nothing is written into the checkout.
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "NO_COLOR": "1"},
        timeout=120,
        check=False,
    )

    report = result.stdout + result.stderr
    assert "include_external_packages=True" not in report, (
        "[tool.importlinter] needs `include_external_packages = true`: its contracts forbid "
        "third-party packages (PySide6, sqlalchemy, pydantic)."
    )
    for name in EXPECTED_CONTRACTS:
        assert f"{name} KEPT" in report, report
    assert "BROKEN" not in report, report
    assert result.returncode == 0, report
