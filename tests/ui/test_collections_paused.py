"""The cycle collector is off while a board is built and on again afterwards, also after a
failure, and a nested pause does not turn it back on early."""

from __future__ import annotations

import gc

import pytest

from canvasapp.ops.collections_paused import collections_paused


def test_paused_inside_on_again_after_even_after_a_failure() -> None:
    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        with collections_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the inner pause ended; the outer one still holds"
    assert gc.isenabled()
    with pytest.raises(ValueError), collections_paused():
        raise ValueError("a session that cannot be read")
    assert gc.isenabled()


def test_an_opened_window_leaves_the_collector_on(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session(notes=[("drivers", "Shared meals")]).id)
    window.view.viewport().repaint()
    assert gc.isenabled()
