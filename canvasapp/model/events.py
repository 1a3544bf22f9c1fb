"""A minimal synchronous event: the model's only way to tell observers what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Event(Generic[P]):
    """Observers are called in the order they connected, synchronously, on ``emit``."""

    def __init__(self) -> None:
        self._observers: list[Callable[P, object]] = []

    def connect(self, observer: Callable[P, object]) -> None:
        self._observers.append(observer)

    def disconnect(self, observer: Callable[P, object]) -> None:
        self._observers.remove(observer)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        # A copy, so an observer may disconnect itself while being called.
        for observer in list(self._observers):
            observer(*args, **kwargs)
