"""``canvasapp templates ...`` and ``canvasapp new --template`` in a subprocess, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from canvasapp.formats.template import template_json_schema_text
from canvasapp.formats.template_io import write_template
from canvasapp.formats.template_library import find_template
from tests.cli.in_process import run_cli

REPOSITORY = Path(__file__).resolve().parents[2]
BUILTINS = REPOSITORY / "workshop_templates"


def run(*args: str, data_home: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "PYTHONPATH": str(REPOSITORY), **extra_env}
    return subprocess.run(
        [sys.executable, "-m", "canvasapp", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPOSITORY, timeout=60, check=False,
    )


def run_here(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The same command in this process (quicker): exit code, stdout, stderr."""
    from canvasapp.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user data folder (platformdirs follows XDG_DATA_HOME on Linux)."""
    home = tmp_path / "data"
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(home))  # for the commands run in this process
    return home


def test_list_prints_id_and_name_of_each_built_in(data_home: Path) -> None:
    result = run_cli("templates", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(list(BUILTINS.glob("*.workshop-template.json")))
    ids = [line.split()[0] for line in lines]
    assert "drivers-blockers-activities" in ids and "retrospective" in ids
    assert any(line.split(maxsplit=1)[1] == "Retrospective" for line in lines)


def test_list_includes_installed_user_templates(data_home: Path, tmp_path: Path, capsys) -> None:
    peer = tmp_path / "peer.workshop-template.json"
    write_template(find_template(None).model_copy(update={"id": "peer-kit", "name": "Peer kit"}), peer)
    code, _, err = run_here("templates", "install", str(peer), capsys=capsys)
    assert code == 0, err
    assert (data_home / "canvasapp" / "templates" / "peer-kit.workshop-template.json").is_file()
    (data_home / "canvasapp" / "templates" / "junk.workshop-template.json").write_text("junk")
    code, out, err = run_here("templates", "list", capsys=capsys)
    assert code == 0
    assert "peer-kit" in out and "Peer kit  (your template)" in out
    assert "junk.workshop-template.json" in err
    code, _, err = run_here("templates", "install", str(peer), capsys=capsys)
    assert code == 2 and "already have a template" in err


def test_validate_a_good_file(data_home: Path, capsys) -> None:
    result = run("templates", "validate", str(BUILTINS / "retrospective.workshop-template.json"), data_home=data_home)
    assert (result.returncode, result.stdout, result.stderr) == (0, "valid\n", "")
    for path in BUILTINS.glob("*.workshop-template.json"):
        assert run_here("templates", "validate", str(path), capsys=capsys) == (0, "valid\n", "")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "bad.workshop-template.json: the file is empty."),
    (b"[]", "bad.workshop-template.json: the file holds a list, but a template is a JSON object"),
    (b'{"dependencies": {}}', "not a Workshop Canvas template"),
    (b"\x00\x01\x02", "binary file"),
    (b'{"format": "canvasapp.template", "format_version": 1', "cut short"),
])
def test_validate_refuses_a_bad_file_in_one_line(
    data_home: Path, tmp_path: Path, capsys, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.workshop-template.json"
    path.write_bytes(content)
    code, out, err = run_here("templates", "validate", str(path), capsys=capsys)
    assert (code, out) == (2, "")
    assert expected in err and err.startswith("canvasapp: ")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "canvasapp.template", "format_version": 9}', "made by a newer version of Workshop Canvas"),
    (b"[" * 100_000, "nested too deeply"),
])
def test_validate_refuses_in_a_subprocess_without_traceback(
    data_home: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.workshop-template.json"
    path.write_bytes(content)
    result = run("templates", "validate", str(path), data_home=data_home)
    assert result.returncode == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_validate_names_field_paths_in_a_few_lines(data_home: Path, tmp_path: Path, capsys) -> None:
    raw = json.loads((BUILTINS / "retrospective.workshop-template.json").read_text())
    raw["lanes"][1]["colour"] = "pink"
    raw["lanes"][2]["title"] = ""
    raw["phases"][0]["minutes"] = "five"
    path = tmp_path / "retro.workshop-template.json"
    path.write_text(json.dumps(raw))
    code, _, err = run_here("templates", "validate", str(path), capsys=capsys)
    assert code == 2
    lines = err.splitlines()
    assert 1 <= len(lines) <= 5
    assert lines[0] == (
        "canvasapp: retro.workshop-template.json: lanes[1].colour: "
        "should be a colour written #RRGGBB, like #FFE45C ('pink')."
    )
    assert any("lanes[2].title: must not be empty" in line for line in lines)
    assert any("phases[0].minutes: should be a whole number ('five')" in line for line in lines)


def test_validate_a_huge_file_is_refused_with_bounded_memory(data_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.workshop-template.json"
    with path.open("wb") as stream:
        stream.write(b'{"format": "canvasapp.template", "name": "')
        for _ in range(60):
            stream.write(b"x" * 1_000_000)
        stream.write(b'"}')
    result = run("templates", "validate", str(path), data_home=data_home)
    assert result.returncode == 2 and "too large for a template" in result.stderr
    # Refused by its size before it is read: the peak memory below shows it (no wall-clock
    # assertion, which a busy machine would break).
    if sys.platform.startswith("linux"):
        # Peak memory of a process that refuses the file, against its own peak before: reading
        # 60 MB (or parsing it) would show as a jump of tens of MB.
        probe = (
            "import resource, sys\n"
            "from canvasapp.formats.template_io import TemplateError, read_template\n"
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "try:\n    read_template(__import__('pathlib').Path(sys.argv[1]))\n"
            "except TemplateError:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
        )
        measured = subprocess.run(
            [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, cwd=REPOSITORY,
            env={**os.environ, "PYTHONPATH": str(REPOSITORY)}, timeout=60, check=True,
        )
        assert int(measured.stdout) < 10_000, f"peak memory grew by {measured.stdout.strip()} KB"


def test_validate_a_missing_file(data_home: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run_here("templates", "validate", str(tmp_path / "nowhere.json"), capsys=capsys)
    assert code == 2
    assert err.startswith("canvasapp: nowhere.json: cannot read the file")


def test_schema_prints_the_committed_schema(data_home: Path) -> None:
    result = run_cli("templates", "schema")
    assert result.returncode == 0
    assert result.stdout == template_json_schema_text()
    assert result.stdout == (BUILTINS / "schema" / "workshop-template.schema.json").read_text(encoding="utf-8")


def test_templates_without_an_action_is_a_user_error(data_home: Path, capsys) -> None:
    code, _, err = run_here("templates", capsys=capsys)
    assert code == 2
    assert len(err.splitlines()) == 1


def test_new_from_a_built_in_id_and_from_a_file(data_home: Path, tmp_path: Path, capsys) -> None:
    library = tmp_path / "library.sqlite"
    by_id = run_cli("new", "--title", "Retro", "--template", "retrospective", "--library", str(library))
    assert by_id.returncode == 0, by_id.stderr
    assert "'Retrospective'" in by_id.stderr
    kit = tmp_path / "kit.workshop-template.json"
    write_template(find_template(None).model_copy(update={"id": "kit", "name": "Our kit"}), kit)
    by_file = run_cli("new", "--title", "Ours", "--template", str(kit), "--library", str(library))
    assert by_file.returncode == 0, by_file.stderr
    assert "'Our kit'" in by_file.stderr
    missing = run_here("new", "--title", "X", "--template", "no-such", "--library", str(library), capsys=capsys)
    assert missing[0] == 2 and "There is no template 'no-such'" in missing[2]
