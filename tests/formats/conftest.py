"""Fixtures for the template format tests: a valid template as raw JSON data, to spoil."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from canvasapp.locations import builtin_templates_dir


@pytest.fixture
def good_raw() -> dict[str, Any]:
    """The default built-in template as a plain JSON object."""
    path = builtin_templates_dir() / "drivers-blockers-activities.workshop-template.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def write_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write bytes (or a JSON-able object) to a template file and return its path."""

    def write(content: bytes | dict[str, Any] | list[Any], name: str = "team.workshop-template.json") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else json.dumps(content).encode()
        path.write_bytes(data)
        return path

    return write
