"""Alembic: one head, migrations equal to the models, and every released schema keeps opening."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from canvasapp.storage import LibraryError, SessionRepository, open_library
from canvasapp.storage import library as library_module
from canvasapp.storage.library import APPLICATION_ID, SCHEMA_VERSION
from canvasapp.storage.orm import Base

from .library_files import raw, sha256

MIGRATIONS = Path(library_module.__file__).resolve().parent / "migrations"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"
FIXTURE_FILES = sorted(FIXTURES.glob("*.sqlite"))


def script_directory(location: Path = MIGRATIONS) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(location))
    return ScriptDirectory.from_config(config)


def run_migrations(path: Path, location: Path = MIGRATIONS, target: str = "head") -> None:
    """The shipped migrations on a plain file, the way the app hands alembic its connection."""
    config = Config()
    config.set_main_option("script_location", str(location))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    finally:
        engine.dispose()


def sqlite_schema(path: Path) -> dict[str, Any]:
    """Tables, columns, keys and indexes as SQLite itself reports them (alembic_version aside)."""
    with raw(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        schema: dict[str, Any] = {}
        for table in tables:
            indexes = connection.execute(f"PRAGMA index_list('{table}')").fetchall()
            schema[table] = {
                "columns": connection.execute(f"PRAGMA table_info('{table}')").fetchall(),
                "foreign_keys": connection.execute(f"PRAGMA foreign_key_list('{table}')").fetchall(),
                "indexes": sorted(
                    (name, unique, origin, connection.execute(f"PRAGMA index_info('{name}')").fetchall())
                    for _seq, name, unique, origin, _partial in indexes
                    # Autoindexes are named by position; compare what they cover instead.
                    if not name.startswith("sqlite_autoindex")
                ),
                "autoindexes": sorted(
                    connection.execute(f"PRAGMA index_info('{name}')").fetchall()
                    for _seq, name, *_ in indexes
                    if name.startswith("sqlite_autoindex")
                ),
            }
    return schema


def test_there_is_a_single_head() -> None:
    script = script_directory()
    assert len(script.get_heads()) == 1, script.get_heads()
    # Every revision chains back to the first: no orphaned branch.
    assert [rev.down_revision for rev in script.walk_revisions()][-1] is None


def test_the_app_and_the_tests_read_the_same_migrations() -> None:
    assert library_module._script().get_current_head() == script_directory().get_current_head()


def test_migrations_from_empty_equal_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    run_migrations(migrated)

    engine = create_engine(f"sqlite:///{migrated}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []

    # And as SQLite sees them: same columns, types, keys, cascades and indexes as create_all.
    created = tmp_path / "created.sqlite"
    engine = create_engine(f"sqlite:///{created}")
    try:
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    assert sqlite_schema(migrated) == sqlite_schema(created)


def test_a_new_library_is_stamped_at_the_head(library_path: Path, tmp_path: Path) -> None:
    """Stamped without Alembic: the same row, in the same table, as ``alembic stamp head``
    makes, so Alembic reads the library as at its head (nothing to upgrade)."""
    open_library(library_path).close()
    with raw(library_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (script_directory().get_current_head(),)
        ]
        made = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").fetchone()

    stamped = tmp_path / "stamped.sqlite"
    engine = create_engine(f"sqlite:///{stamped}")
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.stamp(config, "head")
    finally:
        engine.dispose()
    with raw(stamped) as connection:
        assert made == connection.execute("SELECT sql FROM sqlite_master WHERE name = 'alembic_version'").fetchone()

    engine = create_engine(f"sqlite:///{library_path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_heads() == (script_directory().get_current_head(),)
    finally:
        engine.dispose()


def test_making_a_library_does_not_import_alembic(tmp_path: Path) -> None:
    """Alembic is for upgrades: a new library (every first start) does without it."""
    probe = (
        "import sys\n"
        "from canvasapp.storage import open_library\n"
        f"open_library({str(tmp_path / 'new.sqlite')!r}).close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout
    assert (tmp_path / "new.sqlite").exists()


# --- every released schema keeps opening ------------------------------------------------------


def expected_contents(fixture: Path) -> dict[str, Any]:
    return json.loads(fixture.with_name(fixture.name.removesuffix(".sqlite") + ".expected.json").read_text("utf-8"))


def test_there_is_a_fixture_for_every_schema_version() -> None:
    # A release that adds a migration must also add tests/fixtures/libraries/schema-N.sqlite.
    schemas = {expected_contents(path)["schema"] for path in FIXTURE_FILES}
    assert schemas == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=[path.name for path in FIXTURE_FILES])
def test_every_released_library_still_opens(fixture: Path, tmp_path: Path) -> None:
    expected = expected_contents(fixture)
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)

    library = open_library(copy)
    try:
        repository = SessionRepository(library)
        listed = {summary.id: summary for summary in repository.list()}
        for known in expected["sessions"]:
            assert known["id"] in listed
            assert listed[known["id"]].notes == len(known["notes"])
            session = repository.load(known["id"])
            assert session.title == known["title"]
            assert session.template_id == known["template_id"]
            assert session.created == datetime.fromisoformat(known["created"])
            assert session.updated == datetime.fromisoformat(known["updated"])
            assert [(lane.id, lane.title, lane.prompt, lane.colour, lane.order) for lane in session.lanes] == [
                (lane["id"], lane["title"], lane["prompt"], lane["colour"], lane["order"]) for lane in known["lanes"]
            ]
            for note in known["notes"]:
                loaded = session.note(note["id"])
                # Only the fields the old schema knew: later ones may have been added since.
                for field, saved in note.items():
                    value = datetime.fromisoformat(saved) if field in ("created", "updated") else saved
                    assert getattr(loaded, field) == value, (note["id"], field)
            # Schema 2 added clusters; a fixture from before it has none (and so must load none).
            assert [
                {field: getattr(cluster, field) for field in ("id", "title", "colour", "lane_id", "collapsed", "note_ids")}
                for cluster in session.clusters
            ] == known.get("clusters", [])
            # Schema 3 added the agenda, the details and the notes' actions; older fixtures have
            # none of them, and must load with an empty agenda, no details and no actions.
            assert [
                {"id": p.id, "title": p.title, "minutes": p.minutes, "kind": p.kind, "instructions": p.instructions,
                 "lane_ids": list(p.lane_ids), "used_seconds": p.used_seconds}
                for p in session.agenda.phases
            ] == known.get("phases", [])
            assert session.agenda.current_phase_id == known.get("current_phase_id")
            details = session.details
            assert {
                "date": details.date.isoformat() if details.date else None, "place": details.place,
                "facilitator": details.facilitator, "participants": details.participants, "purpose": details.purpose,
            } == known.get("details", {"date": None, "place": "", "facilitator": "", "participants": None, "purpose": ""})
            assert [
                {"note_id": n.id, "owner": n.action.owner, "due": n.action.due.isoformat() if n.action.due else None,
                 "status": n.action.status}
                for n in session.action_notes if n.action is not None
            ] == known.get("actions", [])
            # Schema 4 added dot voting; older fixtures have no roster and no rounds. The open round
            # of the schema-4 fixture resumes at the voter whose turn it was, with every dot.
            voting = session.voting
            assert {
                "participants": [[p.id, p.name, p.colour] for p in voting.participants],
                "rounds": [
                    {
                        "id": r.id, "title": r.title, "target": r.target, "lane_ids": list(r.lane_ids),
                        "dots_per_participant": r.dots_per_participant, "max_dots_per_item": r.max_dots_per_item,
                        "anonymous": r.anonymous, "blind": r.blind, "state": r.state,
                        "created": r.created.isoformat(), "opened": r.opened.isoformat() if r.opened else None,
                        "closed": r.closed.isoformat() if r.closed else None, "current_voter_id": r.current_voter_id,
                        "done_ids": list(r.done_ids), "skipped_ids": list(r.skipped_ids),
                        "votes": sorted([v.participant_id or "", v.item_id, v.dots] for v in voting.votes(r.id)),
                    }
                    for r in voting.rounds
                ],
            } == known.get("voting", {"participants": [], "rounds": []})
            # Schema 5 added a round's place in the outcome; older rounds are all "included".
            assert {r.id: r.outcome for r in voting.rounds} == known.get(
                "round_outcomes", {r.id: "included" for r in voting.rounds}
            )
    finally:
        library.close()

    with raw(copy) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            script_directory().get_current_head()
        )
    upgraded = expected["schema"] < SCHEMA_VERSION
    assert bool(list(tmp_path.glob("*.backup-*"))) == upgraded


def test_the_committed_fixture_itself_is_untouched_by_the_tests() -> None:
    # Tests open copies; a fixture opened in place would be upgraded and lose its meaning.
    for fixture in FIXTURE_FILES:
        assert not fixture.with_name(fixture.name + "-wal").exists()
        with sqlite3.connect(f"{fixture.as_uri()}?immutable=1", uri=True) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.close()
        assert version == expected_contents(fixture)["schema"]


# --- an older library is backed up, then upgraded ---------------------------------------------
#
# A failing upgrade needs a migration that fails, so a future one is simulated: a copy of the
# shipped migrations plus the next revision after the head, adding an index, with the app's
# SCHEMA_VERSION raised by one. The schema-1 fixture climbs every real migration, then that one.

HEAD = ScriptDirectory.from_config(
    (lambda config: (config.set_main_option("script_location", str(MIGRATIONS)), config)[1])(Config())
).get_current_head()
assert HEAD is not None
NEXT = f"{int(HEAD) + 1:04d}"
FUTURE_SCHEMA = SCHEMA_VERSION + 1

MIGRATION_NEXT = '''"""Simulated future migration."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_notes_lane_id", "notes", ["lane_id"])
    {failure}


def downgrade() -> None:
    op.drop_index("ix_notes_lane_id", "notes")
'''


def future_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, failing: bool) -> None:
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    failure = 'raise RuntimeError("simulated failure halfway through the upgrade")' if failing else "pass"
    (location / "versions" / f"{NEXT}_future.py").write_text(
        MIGRATION_NEXT.format(failure=failure, revision=NEXT, down_revision=HEAD)
    )
    monkeypatch.setattr(library_module, "_MIGRATIONS", location)
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", FUTURE_SCHEMA)


def schema_1_copy(tmp_path: Path) -> Path:
    source = FIXTURES / "schema-1.sqlite"
    copy = tmp_path / "library.sqlite"
    shutil.copyfile(source, copy)
    return copy


def index_names(path: Path) -> set[str]:
    with raw(path) as connection:
        return {row[1] for row in connection.execute("PRAGMA index_list('notes')")}


def test_an_older_library_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = schema_1_copy(tmp_path)
    original = sha256(copy)
    future_migrations(tmp_path, monkeypatch, failing=False)

    library = open_library(copy)
    try:
        sessions = SessionRepository(library).list()
    finally:
        library.close()

    assert len(sessions) == len(expected_contents(FIXTURES / "schema-1.sqlite")["sessions"])
    with raw(copy) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == FUTURE_SCHEMA
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == NEXT
    assert "ix_notes_lane_id" in index_names(copy)

    backups = list(tmp_path.glob("library.backup-v1-*.sqlite"))
    assert len(backups) == 1
    backup = backups[0]
    # The backup is the library as it was before the upgrade: same schema, same rows.
    with raw(backup) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "ix_notes_lane_id" not in index_names(backup)
    assert sqlite_schema(backup) == sqlite_schema(FIXTURES / "schema-1.sqlite")
    assert original != sha256(copy)


def test_a_failed_upgrade_leaves_the_library_at_its_old_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = schema_1_copy(tmp_path)
    future_migrations(tmp_path, monkeypatch, failing=True)

    with pytest.raises(LibraryError, match="Could not upgrade"):
        open_library(copy)

    # The migration's transaction rolled back whole, DDL included: no half-made index.
    with raw(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "ix_notes_lane_id" not in index_names(copy)
    assert len(list(tmp_path.glob("library.backup-v1-*.sqlite"))) == 1

    # With the migration fixed, the same file upgrades.
    future_migrations(tmp_path / "fixed", monkeypatch, failing=False)
    open_library(copy).close()
    assert "ix_notes_lane_id" in index_names(copy)


def test_migration_files_are_named_by_their_revision() -> None:
    """Opening a library reads the revisions from the file names (no Alembic import):
    they must say exactly what Alembic's own walk says, in order."""
    walked = [script.revision for script in reversed(list(library_module._script().walk_revisions()))]
    assert library_module.known_revisions() == walked
    for script in library_module._script().walk_revisions():
        assert Path(script.path).name.startswith(f"{script.revision}_")
