"""Upgrading older template files, one format version at a time (the nbformat way).

Each step takes the raw JSON object of version ``n`` and returns the raw object of version
``n + 1``; the models only ever see the current version. To release format 2: add
``UPGRADES[1] = _v1_to_v2`` here, bump ``FORMAT_VERSION`` and the ``format_version`` literal in
``template.py``, and keep a version 1 file among the test fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from canvasapp.formats.template import FORMAT, FORMAT_VERSION, TemplateError

RawTemplate = dict[str, Any]
UpgradeStep = Callable[[RawTemplate], RawTemplate]

UPGRADES: dict[int, UpgradeStep] = {}
"""``UPGRADES[n]`` turns a version ``n`` object into a version ``n + 1`` object."""

FIRST_VERSION = 1
"""The oldest template format ever released."""


def check_kind(raw: object, name: str) -> RawTemplate:
    """The raw object if it is a Workshop Canvas template of any version; else a TemplateError."""
    if not isinstance(raw, dict):
        kind = {list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(
            type(raw), "a number"
        )
        raise TemplateError(
            f"{name}: the file holds {kind}, but a template is a JSON object ({{ ... }})."
        )
    marker = raw.get("format")
    if marker == FORMAT:
        return raw
    if isinstance(marker, str) and marker.startswith("canvasapp."):
        raise TemplateError(
            f"{name}: this is a Workshop Canvas file of another kind ({marker!r}), not a template."
        )
    raise TemplateError(
        f"{name}: this JSON file is not a Workshop Canvas template "
        f"(a template has \"format\": \"{FORMAT}\")."
    )


def upgrade(
    raw: RawTemplate,
    name: str,
    steps: Mapping[int, UpgradeStep] = UPGRADES,
    current: int = FORMAT_VERSION,
) -> tuple[RawTemplate, bool]:
    """The raw template brought up to ``current``, and whether anything was upgraded.

    ``steps`` and ``current`` are parameters so the chain can be tested before a version 2
    exists.
    """
    version = raw.get("format_version")
    # bool is an int in Python, but ``true`` is not a version.
    if isinstance(version, bool) or not isinstance(version, int):
        if "format_version" not in raw:
            raise TemplateError(f"{name}: format_version: is missing (this format's version is {current}).")
        raise TemplateError(f"{name}: format_version: should be a whole number like {current}.")
    if version > current:
        raise TemplateError(
            f"{name}: this template was made by a newer version of Workshop Canvas "
            f"(template format {version}; this version reads up to {current}); "
            "update Workshop Canvas to open it."
        )
    if version < FIRST_VERSION or any(step not in steps for step in range(version, current)):
        raise TemplateError(f"{name}: format_version: {version} is not a version of the template format.")
    for step in range(version, current):
        raw = steps[step](dict(raw))
        raw["format_version"] = step + 1
    return raw, version != current
