"""A damaged library said in one line, whatever SQLite's report: the whole report goes to a
file the line names (an integrity report can run to hundreds of lines)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

_SHOWN = 160


def damage_message(path: Path, report: list[str]) -> str:
    lines = [line for entry in report for line in entry.splitlines() if line.strip()]
    first = next((line for line in lines if not line.startswith("***")), lines[0] if lines else "no answer")
    first = " ".join(first.split())
    if len(first) > _SHOWN:
        first = first[: _SHOWN - 1] + "…"
    saved = _save_report(path, lines)
    where = f"; the full report is in {saved}" if saved is not None and len(lines) > 1 else ""
    return (
        f"{path} is damaged ({first}){where}. It was left as it is; open a copy of it kept beside it "
        f"({path.stem}.backup-…, {path.stem}.before-recovery-…) or give another library with --library."
    )


def _save_report(path: Path, lines: list[str]) -> Path | None:
    if len(lines) <= 1:
        return None
    from platformdirs import user_log_path

    try:
        folder = user_log_path("canvasapp", appauthor=False)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = folder / f"damaged-library-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}.txt"
        target.write_text(f"{path}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        return None
    return target
