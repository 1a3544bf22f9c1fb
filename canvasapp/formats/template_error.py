"""The one error a template can raise, apart from its format (pydantic), so that code which only
catches it (the app's start, the library's dialogs) does not load the format to do so."""

from __future__ import annotations


class TemplateError(ValueError):
    """A template that cannot be used.

    ``str()`` is one sentence naming the file, the field and what is wrong; ``problems`` holds
    that sentence and, when the file has several problems, the next few (for ``validate``).
    """

    def __init__(self, message: str, problems: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)
