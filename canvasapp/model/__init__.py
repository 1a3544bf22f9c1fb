"""The domain: plain Python objects and their change events. Standard library only."""

from canvasapp.model.agenda import Agenda, AgendaError, Phase
from canvasapp.model.cluster import Cluster
from canvasapp.model.details import SessionDetails
from canvasapp.model.entities import Lane, Note, NotePlacement, new_id, utc_now
from canvasapp.model.events import Event
from canvasapp.model.follow_up import FollowUp
from canvasapp.model.rules import SessionError
from canvasapp.model.session import Session
from canvasapp.model.voting import Participant, RoundState, Vote, VoteRound, Voting, VotingError

__all__ = [
    "Agenda",
    "AgendaError",
    "Cluster",
    "Event",
    "FollowUp",
    "Lane",
    "Note",
    "NotePlacement",
    "Participant",
    "Phase",
    "RoundState",
    "Session",
    "SessionDetails",
    "SessionError",
    "Vote",
    "VoteRound",
    "Voting",
    "VotingError",
    "new_id",
    "utc_now",
]
