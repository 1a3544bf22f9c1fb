"""CSV and Markdown of notes, and the atomic file writer every export uses."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from canvasapp import files
from canvasapp.export.markdown import escape_markdown, notes_markdown
from canvasapp.export.notes_csv import COLUMNS, notes_csv
from canvasapp.files import write_atomically
from canvasapp.ops.summary import WorkshopSummary
from tests.export.hostile import HOSTILE_TEXTS


def test_csv_has_bom_header_and_every_note(summary: WorkshopSummary) -> None:
    data = notes_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    texts = [row[1] for row in rows[1:]]
    assert sorted(texts) == sorted([*HOSTILE_TEXTS, "Parked: ask the council about rooms"])
    lanes = {row[0] for row in rows[1:]}
    assert lanes == {"Drivers", "Blockers", "Activities", ""}
    assert all(row[2] == "" and row[4] == "" for row in rows[1:])  # no clusters or votes yet
    assert all(row[5].endswith("+00:00") for row in rows[1:])


def test_markdown_has_a_heading_per_lane_and_a_bullet_per_note(summary: WorkshopSummary) -> None:
    text = notes_markdown(summary)
    assert "## Drivers (5)" in text and "## Outside the lanes (1)" in text
    assert r"- a\<b" in text
    assert r"- \<img src=\"/etc/passwd\"\>" in text or r'- \<img src="/etc/passwd"\>' in text
    assert "- line one  \n  line two  \n  \\\n  line four after a blank" in text
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 6 + len(HOSTILE_TEXTS) + 1  # six facts, then one bullet per note


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("*bold* _it_", r"\*bold\* \_it\_"), ("# not a heading", r"\# not a heading"),
     ("1. not a list", r"1\. not a list"), ("- not a bullet", r"\- not a bullet"),
     ("[link](javascript:x)", r"\[link\](javascript:x)"), ("`code`", r"\`code\`"), ("a<b>&c", r"a\<b\>\&c")],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_atomic_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [path.name for path in tmp_path.iterdir()] == ["out.pdf"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary document, not 0600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.csv"]
