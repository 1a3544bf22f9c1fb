"""The PNG written band by band is a PNG every reader opens, pixel for pixel."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from canvasapp.export.png_file import PngWriter
from canvasapp.ops.progress import Cancelled, Progress


@settings(max_examples=40, deadline=None)
@given(width=st.integers(1, 40), height=st.integers(1, 40), band=st.integers(1, 50), padding=st.integers(0, 5), seed=st.integers(0, 255))
def test_bands_make_the_same_picture(width: int, height: int, band: int, padding: int, seed: int) -> None:
    stride = 3 * width + padding
    pixels = bytes((seed + index * 7) % 256 for index in range(stride * height))
    writer = PngWriter(width, height)
    for top in range(0, height, band):
        rows = min(band, height - top)
        writer.add_rows(pixels[top * stride:(top + rows) * stride], stride, rows)
    image = Image.open(io.BytesIO(writer.finish()))
    assert image.size == (width, height) and image.mode == "RGB"
    expected = b"".join(pixels[row * stride: row * stride + 3 * width] for row in range(height))
    assert image.tobytes() == expected


def test_too_few_or_too_many_rows_are_refused() -> None:
    writer = PngWriter(2, 2)
    writer.add_rows(bytes(6), 6, 1)
    with pytest.raises(ValueError, match="only 1"):
        writer.finish()
    with pytest.raises(ValueError, match="not 3"):
        writer.add_rows(bytes(12), 6, 2)
    with pytest.raises(ValueError):
        PngWriter(0, 5)


def test_a_cancel_stops_between_bands() -> None:
    progress = Progress()
    writer = PngWriter(4, 4, progress)
    writer.add_rows(bytes(24), 12, 2)
    assert progress.fraction == 0.5
    progress.cancel()
    with pytest.raises(Cancelled):
        writer.add_rows(bytes(24), 12, 2)
