"""The sentence vector cache: remembers, stays bounded, and never fails on a bad file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from canvasapp.ops.sentence_model import CachedModel
from canvasapp.storage.embedding_cache import DIMENSIONS, EmbeddingCache, default_cache_path

REPOSITORY = Path(__file__).resolve().parents[2]


def vector(seed: int) -> np.ndarray:
    values = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
    return values / np.linalg.norm(values)


def test_vectors_come_back_exactly_and_only_for_their_model_version(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "v.sqlite")
    cache.put_many("m-1", {"no time": vector(1), "keine Zeit": vector(2)})
    found = cache.get_many("m-1", ["no time", "keine Zeit", "sin tiempo"])
    assert set(found) == {"no time", "keine Zeit"}
    assert np.array_equal(found["no time"], vector(1))
    assert cache.get_many("m-2", ["no time"]) == {}
    cache.close()
    assert set(EmbeddingCache(tmp_path / "v.sqlite").get_many("m-1", ["keine Zeit"])) == {"keine Zeit"}


def test_the_note_text_itself_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    cache = EmbeddingCache(path)
    cache.put_many("m", {"Confidential: the director resigns": vector(1)})
    cache.close()
    assert b"director" not in path.read_bytes()


def test_the_least_recently_used_go_past_the_bound(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "v.sqlite", max_entries=10)
    cache.put_many("m", {f"old {n}": vector(n) for n in range(5)})
    cache.put_many("m", {f"new {n}": vector(n) for n in range(5)})
    cache.get_many("m", ["old 0"])  # used again: it stays
    cache.put_many("m", {"newest": vector(99)})
    assert len(cache) <= 10
    remaining = cache.get_many("m", ["old 0", "newest", *(f"old {n}" for n in range(1, 5))])
    assert {"old 0", "newest"} <= set(remaining)
    assert len(remaining) < 6


@pytest.mark.parametrize(
    "content",
    [b"not a database at all" * 50, b"SQLite format 3\x00" + b"\xff" * 5000, b""],
    ids=["garbage", "damaged-header", "empty"],
)
def test_a_damaged_file_is_replaced_and_nothing_fails(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "v.sqlite"
    path.write_bytes(content)
    cache = EmbeddingCache(path)
    assert cache.get_many("m", ["no time"]) == {}
    cache.put_many("m", {"no time": vector(1)})
    assert set(cache.get_many("m", ["no time"])) == {"no time"}


def test_a_foreign_table_of_the_same_name_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE vectors (x)")
    cache = EmbeddingCache(path)
    cache.put_many("m", {"a": vector(1)})
    assert set(cache.get_many("m", ["a"])) == {"a"}


def test_vectors_of_the_wrong_size_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    cache = EmbeddingCache(path)
    cache.put_many("m", {"a": vector(1)})
    cache.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE vectors SET vector = x'0102'")
    assert EmbeddingCache(path).get_many("m", ["a"]) == {}


def test_an_unusable_place_means_no_cache_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = EmbeddingCache(blocker / "inside" / "v.sqlite")  # a folder cannot be made in a file
    cache.put_many("m", {"a": vector(1)})
    assert cache.get_many("m", ["a"]) == {}
    assert blocker.read_text() == "x"


def test_the_default_place_is_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert default_cache_path() == tmp_path / "canvasapp" / "sentence-vectors.sqlite"


class CountingModel:
    version = "count-1"

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return np.stack([vector(len(text)) for text in texts])


def test_a_second_run_reads_the_file_instead_of_encoding(tmp_path: Path) -> None:
    first = CountingModel()
    CachedModel(first, EmbeddingCache(tmp_path / "v.sqlite")).encode(["a", "bb", "a"])
    assert first.encoded == ["a", "bb"]
    second = CountingModel()
    vectors = CachedModel(second, EmbeddingCache(tmp_path / "v.sqlite")).encode(["bb", "ccc", "a"])
    assert second.encoded == ["ccc"]
    assert np.array_equal(vectors[0], vector(2)) and np.array_equal(vectors[2], vector(1))


WRITER = """
import sys, numpy as np
from canvasapp.storage.embedding_cache import EmbeddingCache
cache = EmbeddingCache(__import__("pathlib").Path(sys.argv[1]), max_entries=300)
for round in range(20):
    cache.put_many("m", {f"{sys.argv[2]} {round} {n}": np.full(512, n, dtype=np.float32) for n in range(20)})
    cache.get_many("m", [f"{sys.argv[2]} {round} {n}" for n in range(20)])
"""


def test_two_processes_writing_at_once_leave_a_usable_bounded_file(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name], env=env, stderr=subprocess.PIPE)
        for name in ("one", "two")
    ]
    for writer in writers:
        _out, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors.decode()
    cache = EmbeddingCache(path, max_entries=300)
    assert 0 < len(cache) <= 300
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


KILLED_WRITER = """
import sys, numpy as np
from pathlib import Path
from canvasapp.storage.embedding_cache import EmbeddingCache
cache = EmbeddingCache(Path(sys.argv[1]), max_entries=500)
round = 0
while True:
    cache.put_many("m", {f"{round} {n}": np.full(512, n, dtype=np.float32) for n in range(50)})
    round += 1
    if round == 3:
        print("writing", flush=True)
"""


def test_a_process_killed_while_writing_leaves_a_usable_cache(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    finally:
        writer.kill()  # SIGKILL: no clean-up, mid-transaction as likely as not
        writer.wait(timeout=60)
        if writer.stdout is not None:
            writer.stdout.close()
    cache = EmbeddingCache(path, max_entries=500)
    assert 150 <= len(cache) <= 500  # three rounds were committed; the bound held
    cache.put_many("m", {"after": vector(1)})
    assert set(cache.get_many("m", ["after"])) == {"after"}
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
