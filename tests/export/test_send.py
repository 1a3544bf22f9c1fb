"""The mailto fallback of Send Summary says where the PDF is and survives any title."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from canvasapp.export.send import summary_mail
from canvasapp.ops.summary import build_summary
from tests.export.multilingual import multilingual_session


def test_the_fallback_mail_names_the_file_and_round_trips_through_mailto(tmp_path: Path) -> None:
    summary = build_summary(multilingual_session())
    pdf = tmp_path / "Résumé & notes?.pdf"
    mail = summary_mail(summary, pdf)
    assert str(pdf.resolve()) in mail.body and "Please attach" in mail.body
    assert "Which activities do we start with?" in mail.body and "Monthly repair café" in mail.body
    parts = urlsplit(mail.mailto)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query)
    assert query["subject"] == [mail.subject] and query["body"] == [mail.body]
    assert "Nachbarschaftstreffen Nordstadt" in mail.subject
    assert "attached" in summary_mail(summary, pdf, attached=True).body
