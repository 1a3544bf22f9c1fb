"""A PNG written a band of rows at a time, so that a picture of a whole board (up to 120
million pixels) can be encoded beside a live window and cancelled between bands.

Plain zlib from the standard library, which lets other threads run while it compresses; the
rows come as 8-bit RGB (no filter, which suits boards: large flat areas compress well anyway).
"""

from __future__ import annotations

import struct
import zlib

from canvasapp.ops.progress import Progress

SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: zlib's level: 6 (its default) makes a board ~10% smaller than 3 and takes twice as long.
LEVEL = 3


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


class PngWriter:
    """Feed ``height`` rows of ``width`` RGB pixels with :meth:`add_rows`, then :meth:`finish`."""

    def __init__(self, width: int, height: int, progress: Progress | None = None) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"a picture needs at least one pixel, not {width} × {height}")
        self.width, self.height = width, height
        self._progress = progress
        self._rows = 0
        self._compressor = zlib.compressobj(LEVEL)
        self._parts: list[bytes] = [SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]

    def add_rows(self, pixels: bytes | bytearray | memoryview, stride: int, rows: int) -> None:
        """``rows`` rows of ``pixels``, each ``stride`` bytes apart (the first ``3 × width`` used)."""
        if self._rows + rows > self.height:
            raise ValueError(f"the picture has {self.height} rows, not {self._rows + rows}")
        view = memoryview(pixels)
        used = 3 * self.width
        raw = b"".join(b"\x00" + view[row * stride: row * stride + used] for row in range(rows))
        data = self._compressor.compress(raw)
        if data:
            self._parts.append(_chunk(b"IDAT", data))
        self._rows += rows
        if self._progress is not None:
            self._progress.report(self._rows, self.height)

    def finish(self) -> bytes:
        if self._rows != self.height:
            raise ValueError(f"the picture has {self.height} rows, but only {self._rows} were given")
        self._parts += [_chunk(b"IDAT", self._compressor.flush()), _chunk(b"IEND", b"")]
        return b"".join(self._parts)
