"""What the command line says about a file quotes that file's words: every line it tells is
printable, so an escape sequence hidden in a board's labels cannot rewrite the terminal."""

from __future__ import annotations

import pytest

from canvasapp.cli.terminal import tell


def test_a_sentence_quoting_hostile_words_reaches_the_terminal_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    tell("Left out: 2 \x1b]0;pwned\x07 labels\x1b[2J\nand 1 \u202eshape")
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == "Left out: 2 \\x1b]0;pwned\\x07 labels\\x1b[2J\nand 1 \\u202eshape\n"
