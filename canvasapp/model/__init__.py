"""The domain: plain Python objects and their change events. Standard library only."""

from canvasapp.model.cluster import Cluster
from canvasapp.model.entities import Lane, Note, NotePlacement, new_id, utc_now
from canvasapp.model.events import Event
from canvasapp.model.session import Session, SessionError

__all__ = [
    "Cluster",
    "Event",
    "Lane",
    "Note",
    "NotePlacement",
    "Session",
    "SessionError",
    "new_id",
    "utc_now",
]
