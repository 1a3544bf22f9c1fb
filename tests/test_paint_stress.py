"""Guard the PySide6 pin: a million QPainter calls must not abort the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a method returning
``void``; after ~5,000 calls Python aborts with ``Fatal Python error: none_dealloc``
(measured here). The calls run in a child process, so an abort fails this test instead of
killing the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

REPOSITORY = Path(__file__).resolve().parents[1]
PIN = SpecifierSet(">=6.11.3,<6.12")
CALLS = 1_000_000

STRESS = f"""
import sys
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

app = QGuiApplication(sys.argv[:1])
image = QImage(256, 256, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
pens = [QPen(QColor(c)) for c in ("#FFE45C", "#FFB3C7", "#9EE6B8", "#202020")]
colours = [QColor(c) for c in ("#FFE45C", "#FFB3C7", "#9EE6B8")]
font = QFont()
rect = QRectF(4.0, 4.0, 120.0, 80.0)
calls = 0
i = 0
# Mostly the cheap void calls that used to break (fillRect, setPen, setFont, drawLine), some text.
while calls < {CALLS}:
    painter.fillRect(i % 200, i % 180, 40, 30, colours[i % 3])
    painter.setPen(pens[i % 4])
    painter.setFont(font)
    painter.drawLine(QPointF(0.0, i % 256), QPointF(255.0, (i * 7) % 256))
    painter.setBrush(colours[i % 3])
    painter.drawRect(i % 100, i % 90, 20, 10)
    calls += 6
    if i % 50 == 0:
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Drivers · Блокеры · 活动")
        calls += 1
    i += 1
painter.end()
print("calls", calls, "pixel", hex(image.pixel(10, 10)))
"""


@pytest.mark.slow
def test_a_million_painter_calls_do_not_abort_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, env=env, timeout=300, check=False
    )

    assert "none_dealloc" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    words = result.stdout.split()
    assert words[0] == "calls" and int(words[1]) >= CALLS, result.stdout


def test_installed_pyside6_is_inside_the_pin() -> None:
    installed = Version(version("PySide6-Essentials"))
    assert installed in PIN, f"PySide6-Essentials {installed} is outside {PIN}"
    import PySide6

    assert Version(PySide6.__version__) == installed


def test_pyproject_pins_pyside6_below_the_broken_release() -> None:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    pyside = [req for req in requirements if req.name.lower().replace("_", "-").startswith("pyside6")]

    assert [req.name for req in pyside] == ["PySide6-Essentials"]
    assert pyside[0].specifier == PIN
    assert not pyside[0].specifier.contains("6.12.0")
    assert pyside[0].specifier.contains("6.11.3")
