"""Frames on the wire: a 4-byte big-endian length, then one ``thidua.wire.v1.Frame`` (§1).

:class:`FrameReader` checks the length header against the limit *before* it reads the body, so
a peer announcing a huge frame (or speaking HTTP: ``GET `` is a length of 1,195,725,856) costs
four bytes, never a large allocation.
"""

from __future__ import annotations

import struct
from typing import BinaryIO, Optional

from google.protobuf.message import DecodeError
from thidua.wire.v1 import frame_pb2

from .errors import ConnectionClosed, FrameError, StatusCode

Frame = frame_pb2.Frame

#: Size of the length header.
HEADER_BYTES = 4
#: The server's default ``Limits.max_frame_bytes`` (§2).
DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024
#: The largest first frame (the ClientHello) a server accepts (§1).
FIRST_FRAME_MAX_BYTES = 65_536
#: The largest length the 4-byte header can express.
MAX_LENGTH = 0xFFFF_FFFF

_HEADER = struct.Struct(">I")

#: Frame kinds each side may send (§1, "Frame kinds"). ``ping`` and ``pong`` go both ways.
CLIENT_KINDS = frozenset({"client_hello", "request", "cancel", "ping", "pong"})
SERVER_KINDS = frozenset({"server_hello", "response", "status", "ping", "pong", "go_away"})
_KINDS_BY_SENDER = {"client": CLIENT_KINDS, "server": SERVER_KINDS}


def encode_frame(frame: "frame_pb2.Frame") -> bytes:
    """The bytes of ``frame`` on the wire: length header plus body."""
    body: bytes = frame.SerializeToString()
    if len(body) > MAX_LENGTH:
        raise ValueError(f"a frame of {len(body)} bytes cannot be framed")
    return _HEADER.pack(len(body)) + body


def check_length(length: int, limit: int) -> None:
    """Raises ``FrameError(frame.max_bytes)`` when a length header exceeds ``limit``."""
    if length > limit:
        raise FrameError(
            "frame.max_bytes",
            StatusCode.RESOURCE_EXHAUSTED,
            f"a frame of {length} bytes exceeds the limit of {limit} bytes",
        )


def decode_body(body: bytes, *, sender: Optional[str] = None) -> "frame_pb2.Frame":
    """Decodes a frame body and checks it is a frame this version knows.

    Args:
        body: the bytes after the length header.
        sender: ``"client"`` or ``"server"``, the side that sent the frame; when given, a kind
            that side may not send is refused with ``frame.direction``.

    Raises:
        FrameError: ``frame.decode`` (not a valid Frame), ``frame.kind`` (no kind set, e.g. an
            empty body or only unknown fields), ``frame.direction``.
    """
    frame = frame_pb2.Frame()
    try:
        frame.ParseFromString(body)
    except (DecodeError, ValueError) as error:  # pure-Python protobuf: UnicodeDecodeError
        raise FrameError(
            "frame.decode", StatusCode.INVALID_ARGUMENT, f"the body is not a valid Frame: {error}"
        ) from None
    kind = frame.WhichOneof("kind")
    if kind is None:
        raise FrameError(
            "frame.kind", StatusCode.INVALID_ARGUMENT, "the Frame sets no kind this version knows"
        )
    if sender is not None and kind not in _KINDS_BY_SENDER[sender]:
        raise FrameError(
            "frame.direction",
            StatusCode.INVALID_ARGUMENT,
            f"a {sender} may not send a {kind} frame",
        )
    return frame


class FrameReader:
    """Reads whole frames from a binary stream, enforcing the size limits on the header.

    Args:
        stream: a blocking binary stream whose ``read(n)`` returns ``n`` bytes, or fewer only at
            the end of the stream (a ``BufferedReader``, such as ``socket.makefile("rb")``, or a
            ``BytesIO``).
        max_frame_bytes: the largest body accepted.
        first_frame_max_bytes: the largest body accepted for the first frame (a server's 64 KiB
            ClientHello limit); ``None`` means ``max_frame_bytes``.
        sender: ``"client"`` or ``"server"``, the side that writes this stream; when given,
            frame kinds that side may not send are refused (``frame.direction``).
    """

    def __init__(
        self,
        stream: BinaryIO,
        *,
        max_frame_bytes: int = DEFAULT_MAX_FRAME_BYTES,
        first_frame_max_bytes: Optional[int] = None,
        sender: Optional[str] = None,
    ) -> None:
        if sender not in (None, "client", "server"):
            raise ValueError("sender must be 'client', 'server' or None")
        self._stream = stream
        self.max_frame_bytes = max_frame_bytes
        self.first_frame_max_bytes = first_frame_max_bytes
        self.sender = sender
        self.frames_read = 0

    def read_length(self) -> int:
        """Reads and checks one length header.

        Raises:
            ConnectionClosed: at the end of the stream (``partial`` when inside the header).
            FrameError: ``frame.max_bytes``.
        """
        header = self._read_exact(HEADER_BYTES, at_boundary=True)
        length: int = _HEADER.unpack(header)[0]
        limit = self.max_frame_bytes
        if self.frames_read == 0 and self.first_frame_max_bytes is not None:
            limit = self.first_frame_max_bytes
        check_length(length, limit)
        return length

    def read_frame(self) -> "frame_pb2.Frame":
        """Reads, decodes and checks the next frame.

        Raises:
            ConnectionClosed: the stream ended; ``partial`` if it ended inside a frame.
            FrameError: the frame breaks a rule of §9 (``frame.max_bytes``, ``frame.decode``,
                ``frame.kind``, ``frame.direction``).
        """
        length = self.read_length()
        body = self._read_exact(length, at_boundary=False)
        self.frames_read += 1
        return decode_body(body, sender=self.sender)

    def _read_exact(self, n: int, *, at_boundary: bool) -> bytes:
        if n == 0:
            return b""
        data = self._stream.read(n)
        if data is None:  # pragma: no cover - only non-blocking streams return None
            raise ValueError("FrameReader needs a blocking stream")
        if len(data) < n:
            partial = bool(data) or not at_boundary
            where = "inside a frame" if partial else "between frames"
            raise ConnectionClosed(f"the stream ended {where}", partial=partial)
        return data
