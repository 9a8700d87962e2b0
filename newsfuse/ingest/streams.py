"""Byte-stream helpers shared by the readers: the input stream, capped reads, a stream's first
bytes, and lines of bounded length."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from newsfuse.errors import InputError

HEAD_BYTES = 1 << 16
_CHUNK = 1 << 20


def megabytes(n: int) -> str:
    """`n` bytes in MB for messages: 70000000 -> "70.0 MB"."""
    return f"{n / 1e6:.1f} MB"


def cap_text(cap: int) -> str:
    """The size cap for messages: 50000000 -> "50 MB"."""
    return f"{cap / 1e6:g} MB"


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """The rest of `stream`; `InputError` as soon as it passes `cap` bytes."""
    parts: list[bytes] = []
    total = 0
    while total <= cap:
        chunk = stream.read(min(_CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
    raise InputError(f"too large (over the {cap_text(cap)} cap)")


def read_head(stream: BinaryIO, size: int = HEAD_BYTES) -> bytes:
    """Up to `size` first bytes of `stream` (fewer only at its end)."""
    parts: list[bytes] = []
    total = 0
    while total < size:
        chunk = stream.read(size - total)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


class InputStream(io.RawIOBase):
    """One input's bytes, as every reader sees them.

    Bytes already looked at can be put back (`unread`); the position is tracked (FastWARC asks
    for it); and a read error (a truncated gzip member, a bad CRC, a failing disk) ends the
    stream instead of raising, kept in `error` so that what came before it is still read and the
    break is reported once, by whoever takes it (`take_error`).
    """

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = memoryview(b"")
        self._position = 0
        self._error: str | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def unread(self, data: bytes) -> None:
        """Put `data` (the bytes just read) back in front of the stream."""
        self._pending = memoryview(data + bytes(self._pending))
        self._position -= len(data)

    def take_error(self) -> str | None:
        """The read error that ended the stream, if any (given once)."""
        error, self._error = self._error, None
        return error

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pending:
            n = min(len(buffer), len(self._pending))
            buffer[:n] = self._pending[:n]
            self._pending = self._pending[n:]
        elif self._error is not None:
            return 0
        else:
            # read1 hands over what was decompressed before a break instead of dropping it.
            read = getattr(self._stream, "read1", self._stream.read)
            try:
                data = read(len(buffer))
            except (OSError, EOFError, zlib.error) as err:
                self._error = str(err) or type(err).__name__
                return 0
            n = len(data)
            buffer[:n] = data
        self._position += n
        return n


def numbered_lines(text: TextIO, max_chars: int) -> Iterator[tuple[int, str | None]]:
    """`(line number, line)` from 1; a line longer than `max_chars` comes as None and is skipped
    without being held in memory."""
    lineno = 0
    while True:
        line = text.readline(max_chars + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_chars and not line.endswith("\n"):
            while (rest := text.readline(_CHUNK)) and not rest.endswith("\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line
