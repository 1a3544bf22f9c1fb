"""Headless exports of a session: PDF summary, CSV of notes, Markdown. No Qt here.

Every export reads a :class:`canvasapp.ops.summary.WorkshopSummary` and returns bytes;
:func:`canvasapp.files.write_atomically` puts them on disk.
"""
