"""Sending the summary: the mail a person's mail program opens with, when it cannot attach.

The desktop's standard way to attach a file (``xdg-email --attach``, a mail program's own
command) belongs to the UI. When none is available the UI opens a ``mailto:`` link instead;
``mailto:`` cannot carry an attachment (RFC 6068), so its body says where the PDF was saved and
asks the sender to attach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from canvasapp.ops.summary import WorkshopSummary


@dataclass(frozen=True, slots=True)
class SummaryMail:
    """A mail about a written summary: subject, body and the ``mailto:`` link carrying both."""

    subject: str
    body: str
    attachment: Path

    @property
    def mailto(self) -> str:
        return f"mailto:?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"


def summary_mail(summary: WorkshopSummary, pdf: Path, attached: bool = False) -> SummaryMail:
    """The mail for ``summary`` whose PDF is at ``pdf``. ``attached`` says whether the mail
    program got the file; when it did not, the body says where it is."""
    day = summary.date
    subject = f"Workshop summary: {' '.join(summary.title.split())} ({day.day} {day.strftime('%B')} {day.year})"
    lines = [
        "Hello,",
        "",
        f"here is the summary of our workshop “{' '.join(summary.title.split())}”: what we decided, "
        "who does what by when, and every note from the board.",
    ]
    if summary.outcome is not None and summary.outcome.entries:
        top = summary.outcome.entries[0]
        lines += ["", f"Top of the vote “{summary.outcome.title}”: {' '.join(top.title.split())[:200]} ({top.dots} dots)."]
    if summary.actions:
        lines += ["", f"Next steps: {len(summary.actions)} (owners and dates are on page 1)."]
    lines += ["", "The summary is attached as a PDF." if attached else
              f"Please attach the PDF before sending; it is saved at:\n{pdf.resolve()}"]
    return SummaryMail(subject, "\n".join(lines) + "\n", pdf)
