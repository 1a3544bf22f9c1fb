"""The suggestions figure: ``cluster_1k_s``, suggested clusters for 1,000 notes.

The notes are the labelled workshop notes (tests/data) repeated with small variations up to
1,000, so the vocabulary is realistic. The baseline is tokenising the same 1,000 notes (what
any text method must at least do). ``--notes`` below 1,000 shrinks it (the smoke run).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from common import Figure, Measurement, timed

from canvasapp.ops.cluster_suggestions import fold, suggest_clusters, words

DATA = Path(__file__).resolve().parents[1] / "data" / "workshop_notes_labelled.csv"
_EXTRA = ("again", "really", "often", "for us", "in town", "at the hall", "online", "this year")


def workshop_notes(count: int) -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    generator = random.Random(6)
    notes = []
    for index in range(count):
        text = texts[index % len(texts)]
        if index >= len(texts):
            text = f"{text} {generator.choice(_EXTRA)}"
        notes.append((f"n{index}", text))
    return notes


def _cluster_1k(folder: Path, notes: int) -> Measurement:
    sample = workshop_notes(min(notes, 1000))
    value = min(timed(lambda: suggest_clusters(sample)) for _ in range(3))
    baseline = min(timed(lambda: [[fold(word) for word in words(text)] for _id, text in sample]) for _ in range(3))
    return Measurement(value, baseline)


FIGURES = [Figure("cluster_1k_s", "s", 2.0, _cluster_1k)]
