"""A connection to a thidua server (docs/PROTOCOL.md §2–§8).

One :class:`Client` is one TCP connection. It is thread-safe: any number of threads may start
calls on it at once. Two background threads serve it: a reader, which decodes the server's
frames and hands each answer to its call, and a writer, which sends frames in the order the
calls were started, so call ids are strictly increasing on the wire (§3). A third, started with
the first deadline, runs the local call timers (§5).
"""

from __future__ import annotations

import itertools
import logging
import math
import queue
import socket
import threading
import time
from typing import Any, Mapping, Optional, Tuple, Type, Union

from google.protobuf.message import Message
from thidua.wire.v1 import frame_pb2

from ._timer import DeadlineTimer
from .calls import Call, StreamCall, UnaryCall
from .errors import (
    ConnectionClosed,
    ErrorDetail,
    FrameError,
    HandshakeError,
    RpcError,
    StatusCode,
    ThiduaError,
    details_from_proto,
)
from .framing import DEFAULT_MAX_FRAME_BYTES, FrameReader, encode_frame
from .stub import Stub

_log = logging.getLogger("thidua_client")

#: The protocol version this client speaks (§2).
PROTOCOL_VERSION = 1
#: The server's default port (§1).
DEFAULT_PORT = 7878
DEFAULT_CLIENT_NAME = "thidua-client-python/0.1.0"

Address = Union[str, Tuple[str, int]]
Request = Union[Message, bytes]


def parse_address(address: Address) -> Tuple[str, int]:
    """``"HOST:PORT"``, ``"[IPv6]:PORT"``, ``"HOST"`` (port 7878) or ``(host, port)``."""
    if isinstance(address, tuple):
        host, port = address
        return host, int(port)
    text = address.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") else DEFAULT_PORT
    if text.count(":") == 1:
        host, _, port_text = text.partition(":")
        return host, int(port_text)
    return text, DEFAULT_PORT


class Client:
    """Connects to a thidua server and says hello (§2); then makes calls on that connection.

    Args:
        address: ``"HOST:PORT"`` or ``(host, port)``.
        client_name: free text for the server's logs.
        api_key: the client's API key, or empty.
        accept_language: the languages to read refusals in, as an HTTP Accept-Language value
            such as ``"vi"`` or ``"vi-VN, en;q=0.8"``; empty for English (§2.1). The server's
            choice is :attr:`language`; a call's ``accept-language`` metadata overrides it.
        protocol_version: the version announced in the ClientHello (1 is the only one).
        connect_timeout: seconds allowed for the TCP connection and the handshake.
        max_frame_bytes: the largest frame body accepted from the server.
        local_deadline_grace: seconds added to a call's ``timeout`` before the local timer ends
            the call with DEADLINE_EXCEEDED; 0 ends it exactly at the deadline. A positive grace
            leaves the server's own DEADLINE_EXCEEDED status time to arrive first.

    Raises:
        HandshakeError: the server refused with a GoAway (its code, message and details).
        RpcError: UNAVAILABLE when the server cannot be reached or closed the connection, or
            DEADLINE_EXCEEDED when the handshake took longer than ``connect_timeout``.
    """

    def __init__(
        self,
        address: Address,
        *,
        client_name: str = DEFAULT_CLIENT_NAME,
        api_key: str = "",
        accept_language: str = "",
        protocol_version: int = PROTOCOL_VERSION,
        connect_timeout: float = 10.0,
        max_frame_bytes: int = DEFAULT_MAX_FRAME_BYTES,
        local_deadline_grace: float = 0.0,
    ) -> None:
        self.address = parse_address(address)
        self.local_deadline_grace = local_deadline_grace
        self._lock = threading.Lock()
        self._slots = threading.Condition(self._lock)
        self._calls: dict[int, Call] = {}
        self._next_call_id = 1
        self._pings: dict[int, threading.Event] = {}  # opaque -> set when its pong arrives
        self._ping_ids = itertools.count(1)
        self._closed: Optional[RpcError] = None
        self._go_away: Optional[frame_pb2.GoAway] = None
        self._outbox: "queue.Queue[Optional[bytes]]" = queue.Queue()
        self._timer = DeadlineTimer()

        self._sock = self._open(connect_timeout)
        self._stream = self._sock.makefile("rb")
        try:
            self._reader = FrameReader(self._stream, max_frame_bytes=max_frame_bytes,
                                       sender="server")
            self.server_hello = self._handshake(client_name, api_key, accept_language, protocol_version)
        except BaseException:
            self._stream.close()
            self._sock.close()
            raise
        self._sock.settimeout(None)
        limits = self.server_hello.limits
        self.max_request_bytes: int = limits.max_frame_bytes or DEFAULT_MAX_FRAME_BYTES
        self.max_concurrent_calls: int = limits.max_concurrent_calls or 256
        self._writer_thread = threading.Thread(
            target=self._write_loop, name="thidua-writer", daemon=True
        )
        self._reader_thread = threading.Thread(
            target=self._read_loop, name="thidua-reader", daemon=True
        )
        self._writer_thread.start()
        self._reader_thread.start()

    # -- connection ----------------------------------------------------------------------------

    def _open(self, timeout: float) -> socket.socket:
        try:
            sock = socket.create_connection(self.address, timeout=timeout)
        except socket.timeout:
            raise RpcError(StatusCode.DEADLINE_EXCEEDED,
                           f"could not connect to {self.address} within {timeout} s") from None
        except OSError as error:
            raise RpcError(StatusCode.UNAVAILABLE,
                           f"could not connect to {self.address}: {error}") from None
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def _handshake(self, client_name: str, api_key: str, accept_language: str,
                   version: int) -> "frame_pb2.ServerHello":
        hello = frame_pb2.Frame(client_hello=frame_pb2.ClientHello(
            protocol_version=version, client_name=client_name, api_key=api_key,
            accept_language=accept_language))
        try:
            self._sock.sendall(encode_frame(hello))
            frame = self._reader.read_frame()
        except socket.timeout:
            raise RpcError(StatusCode.DEADLINE_EXCEEDED,
                           "the server did not answer the ClientHello in time") from None
        except (OSError, ConnectionClosed) as error:
            raise RpcError(StatusCode.UNAVAILABLE,
                           f"the connection closed during the handshake: {error}") from None
        except FrameError as error:
            raise RpcError(StatusCode.UNAVAILABLE,
                           f"the server's answer to the ClientHello is invalid: {error}") from None
        kind = frame.WhichOneof("kind")
        if kind == "go_away":
            go_away = frame.go_away
            raise HandshakeError(go_away.code, go_away.message,
                                 details_from_proto(go_away.details), go_away=go_away)
        if kind != "server_hello":
            raise RpcError(StatusCode.UNAVAILABLE,
                           f"the server answered the ClientHello with a {kind} frame")
        if frame.server_hello.protocol_version != version:
            raise RpcError(StatusCode.UNAVAILABLE,
                           f"the server speaks protocol version "
                           f"{frame.server_hello.protocol_version}, not {version}")
        return frame.server_hello

    @property
    def server_version(self) -> str:
        """The server's software version, from its ServerHello."""
        return self.server_hello.server_version

    @property
    def language(self) -> str:
        """The language the server writes this connection's refusals in (§2.1): ``"en"`` or
        ``"vi"``; empty from a server that predates the choice."""
        return self.server_hello.language

    @property
    def services(self) -> list[str]:
        """Fully qualified names of the services the server offers, from its ServerHello."""
        return list(self.server_hello.services)

    @property
    def limits(self) -> "frame_pb2.Limits":
        """The limits in force on this connection (§2)."""
        return self.server_hello.limits

    @property
    def go_away(self) -> Optional["frame_pb2.GoAway"]:
        """The GoAway the server sent on this connection, if any (§8)."""
        with self._lock:
            return self._go_away

    @property
    def closed(self) -> bool:
        """True once the connection has closed; every later call fails with UNAVAILABLE."""
        with self._lock:
            return self._closed is not None

    @property
    def in_flight(self) -> int:
        """Calls sent whose CallStatus has not arrived yet (they hold a concurrency slot)."""
        with self._lock:
            return len(self._calls)

    def wait_for_go_away(self, timeout: Optional[float] = None) -> Optional["frame_pb2.GoAway"]:
        """Waits until the server sends a GoAway (or the connection closes); returns the GoAway,
        or None if there was none within ``timeout``."""
        with self._slots:
            self._slots.wait_for(lambda: self._go_away is not None or self._closed is not None,
                                 timeout)
            return self._go_away

    def wait_closed(self, timeout: Optional[float] = None) -> bool:
        """Waits until the connection has closed; True if it has."""
        with self._slots:
            return self._slots.wait_for(lambda: self._closed is not None, timeout)

    def close(self) -> None:
        """Closes the connection. Calls still running end with UNAVAILABLE."""
        self._connection_lost(RpcError(StatusCode.UNAVAILABLE, "the client closed the connection"))
        if threading.current_thread() is not self._reader_thread:
            self._reader_thread.join(5.0)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- calls ---------------------------------------------------------------------------------

    def call(
        self,
        method: str,
        request: Request,
        response_type: Optional[Type[Message]] = None,
        *,
        timeout: Optional[float] = None,
        metadata: Optional[Mapping[str, str]] = None,
    ) -> Any:
        """Makes a unary call and waits for its answer.

        Args:
            method: ``"package.Service/Method"``, such as ``"thidua.host.v1.Health/Check"``.
            request: the request message, or its encoding as bytes.
            response_type: the response message class; None returns the raw payload bytes.
            timeout: the call's deadline in seconds (sent as ``timeout_ms`` and enforced by a
                local timer); None for no deadline.
            metadata: request metadata; keys must be lower-case ASCII (§3).

        Raises:
            RpcError: the call ended with a status other than OK.
        """
        call = self.call_async(method, request, response_type, timeout=timeout, metadata=metadata)
        try:
            return call.result()
        except BaseException:  # KeyboardInterrupt and the like: do not leave the call running
            call.cancel()
            raise

    def call_async(
        self,
        method: str,
        request: Request,
        response_type: Optional[Type[Message]] = None,
        *,
        timeout: Optional[float] = None,
        metadata: Optional[Mapping[str, str]] = None,
    ) -> UnaryCall:
        """Starts a unary call and returns its :class:`UnaryCall` handle at once.

        Arguments as for :meth:`call`. Raises :class:`RpcError` at once when the call cannot be
        sent (connection closed or going away: UNAVAILABLE; request larger than the server's
        ``max_frame_bytes``: RESOURCE_EXHAUSTED; ``timeout`` <= 0: DEADLINE_EXCEEDED).
        """
        call = self._start(UnaryCall, method, request, response_type, timeout, metadata)
        assert isinstance(call, UnaryCall)
        return call

    def stream(
        self,
        method: str,
        request: Request,
        response_type: Optional[Type[Message]] = None,
        *,
        timeout: Optional[float] = None,
        metadata: Optional[Mapping[str, str]] = None,
    ) -> StreamCall[Any]:
        """Starts a server-streaming call; iterate over the returned :class:`StreamCall`.

        Arguments and immediate errors as for :meth:`call_async`.
        """
        call = self._start(StreamCall, method, request, response_type, timeout, metadata)
        assert isinstance(call, StreamCall)
        return call

    def stub(self, service: str) -> Stub:
        """A :class:`~thidua_client.stub.Stub` for a fully qualified service name, such as
        ``"thidua.host.v1.Health"`` (KeyError if no generated code declares it)."""
        return Stub(self, service)

    def _start(
        self,
        call_type: Type[Call],
        method: str,
        request: Request,
        response_type: Optional[Type[Message]],
        timeout: Optional[float],
        metadata: Optional[Mapping[str, str]],
    ) -> Call:
        payload = request if isinstance(request, bytes) else request.SerializeToString()
        for key in metadata or {}:
            if not key.isascii() or key != key.lower():
                raise ValueError(f"metadata key {key!r} is not lower-case ASCII (§3)")
        timeout_ms = 0
        deadline: Optional[float] = None
        if timeout is not None:
            if timeout <= 0:
                raise RpcError(StatusCode.DEADLINE_EXCEEDED, "the deadline passed before the call")
            timeout_ms = max(1, math.ceil(timeout * 1000))
            deadline = time.monotonic() + timeout
        frame = frame_pb2.Frame(request=frame_pb2.Request(
            method=method, metadata=dict(metadata or {}), timeout_ms=timeout_ms, payload=payload))

        with self._lock:
            # Respect max_concurrent_calls (§2): wait for a slot, at most until the deadline.
            while self._closed is None and self._go_away is None and (
                len(self._calls) >= self.max_concurrent_calls
            ):
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise RpcError(StatusCode.DEADLINE_EXCEEDED,
                                   "the deadline passed while waiting for a free call slot")
                self._slots.wait(remaining)
            if self._closed is not None:
                raise RpcError(StatusCode.UNAVAILABLE, self._closed.message)
            if self._go_away is not None:
                raise RpcError(StatusCode.UNAVAILABLE, self._go_away_text(self._go_away))
            call_id = self._next_call_id
            frame.request.call_id = call_id
            data = encode_frame(frame)
            if len(data) - 4 > self.max_request_bytes:
                raise RpcError(StatusCode.RESOURCE_EXHAUSTED,
                               f"the request frame of {len(data) - 4} bytes exceeds the server's "
                               f"limit of {self.max_request_bytes} bytes")
            self._next_call_id += 1
            call = call_type(self, call_id, method, response_type, self._lock)
            self._calls[call_id] = call
            # Queued under the lock that assigned the id: ids go out strictly increasing (§3).
            self._outbox.put(data)
        if deadline is not None:
            self._timer.schedule(deadline + self.local_deadline_grace,
                                 lambda: self._on_deadline(call, timeout))
        return call

    def _send_cancel(self, call_id: int) -> None:
        with self._lock:
            if self._closed is None and call_id in self._calls:
                self._outbox.put(encode_frame(frame_pb2.Frame(
                    cancel=frame_pb2.Cancel(call_id=call_id))))

    def _on_deadline(self, call: Call, timeout: Optional[float]) -> None:
        with self._lock:
            if call._done:
                return
            call._end_locked(RpcError(
                StatusCode.DEADLINE_EXCEEDED,
                f"the deadline of {timeout} s passed (local timer)", call_id=call.call_id))
        self._send_cancel(call.call_id)

    # -- ping ----------------------------------------------------------------------------------

    def ping(self, timeout: float = 10.0) -> float:
        """Sends a ping and waits for its pong (§7); returns the round trip in seconds.

        Raises:
            RpcError: UNAVAILABLE if the connection is closed, DEADLINE_EXCEEDED if no pong
                arrived within ``timeout``.
        """
        event = threading.Event()
        with self._lock:
            if self._closed is not None:
                raise RpcError(StatusCode.UNAVAILABLE, self._closed.message)
            opaque = next(self._ping_ids)
            self._pings[opaque] = event
            start = time.monotonic()
            self._outbox.put(encode_frame(frame_pb2.Frame(ping=frame_pb2.Ping(opaque=opaque))))
        with self._slots:
            # _slots is notified on every pong and when the connection closes.
            answered = self._slots.wait_for(
                lambda: event.is_set() or self._closed is not None, timeout)
            self._pings.pop(opaque, None)
            if event.is_set():
                return time.monotonic() - start
            if answered and self._closed is not None:
                raise RpcError(StatusCode.UNAVAILABLE, self._closed.message)
        raise RpcError(StatusCode.DEADLINE_EXCEEDED, f"no pong within {timeout} s")

    # -- background threads --------------------------------------------------------------------

    def _write_loop(self) -> None:
        while True:
            data = self._outbox.get()
            if data is None:
                return
            try:
                self._sock.sendall(data)
            except OSError as error:
                self._connection_lost(RpcError(
                    StatusCode.UNAVAILABLE, f"the connection failed while sending: {error}"))
                return

    def _read_loop(self) -> None:
        try:
            while True:
                try:
                    frame = self._reader.read_frame()
                except ConnectionClosed as error:
                    self._connection_lost(self._closed_error(str(error)))
                    return
                except OSError as error:
                    self._connection_lost(self._closed_error(f"the connection failed: {error}"))
                    return
                except FrameError as error:
                    _log.warning("closing: the server sent an invalid frame: %s", error)
                    self._connection_lost(RpcError(
                        StatusCode.UNAVAILABLE, f"the server sent an invalid frame: {error}",
                        [ErrorDetail("", error.rule, error.message)]))
                    return
                self._dispatch(frame)
        finally:
            self._outbox.put(None)
            self._writer_thread.join(5.0)
            self._stream.close()
            self._sock.close()

    def _dispatch(self, frame: "frame_pb2.Frame") -> None:
        kind = frame.WhichOneof("kind")
        if kind == "status":
            self._on_status(frame.status)
        elif kind == "response":
            with self._lock:
                call = self._calls.get(frame.response.call_id)
                if isinstance(call, StreamCall):
                    call._response_locked(frame.response.payload)
                elif call is not None:
                    _log.warning("ignoring a Response frame for unary call %d", call.call_id)
        elif kind == "ping":
            with self._lock:
                if self._closed is None:
                    self._outbox.put(encode_frame(frame_pb2.Frame(
                        pong=frame_pb2.Ping(opaque=frame.ping.opaque))))
        elif kind == "pong":
            with self._lock:
                event = self._pings.get(frame.pong.opaque)
                if event is not None:
                    event.set()
                    self._slots.notify_all()
        elif kind == "go_away":
            self._on_go_away(frame.go_away)
        else:  # server_hello again: FrameReader already refused client-only kinds
            _log.warning("ignoring an unexpected %s frame", kind)

    def _on_status(self, status: "frame_pb2.CallStatus") -> None:
        error = None
        if status.code != 0:
            error = RpcError(status.code, status.message, details_from_proto(status.details),
                             call_id=status.call_id)
        with self._lock:
            call = self._calls.pop(status.call_id, None)
            if call is None:
                return  # a call already refused by a GoAway, or not ours
            call._server_status_locked(status.code, error, status.payload)
            self._slots.notify_all()

    def _on_go_away(self, go_away: "frame_pb2.GoAway") -> None:
        text = self._go_away_text(go_away)
        if go_away.code != 0:
            _log.warning("the server is closing the connection: %s", text)
        else:
            _log.info("%s", text)
        with self._lock:
            self._go_away = go_away
            refused = [i for i in self._calls if i > go_away.last_call_id]
            for call_id in refused:
                call = self._calls.pop(call_id)
                call._server_gone_locked(RpcError(
                    StatusCode.UNAVAILABLE,
                    f"{text}; the call was not run and is safe to retry on a new connection",
                    call_id=call_id))
            self._slots.notify_all()

    def _connection_lost(self, error: RpcError) -> None:
        with self._lock:
            if self._closed is not None:
                return
            self._closed = error
            for call_id, call in self._calls.items():
                call._server_gone_locked(RpcError(
                    StatusCode.UNAVAILABLE, error.message, error.details, call_id=call_id))
            self._calls.clear()
            self._slots.notify_all()
            self._outbox.put(None)
        self._timer.stop()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    @staticmethod
    def _go_away_text(go_away: "frame_pb2.GoAway") -> str:
        name = StatusCode.of(go_away.code).name
        rules = ", ".join(d.rule for d in go_away.details if d.rule)
        return (f"the server sent GoAway {name} (last call id {go_away.last_call_id}): "
                f"{go_away.message}" + (f" [{rules}]" if rules else ""))

    def _closed_error(self, reason: str) -> RpcError:
        """UNAVAILABLE for a connection that ended, with the GoAway that announced it, if any."""
        with self._lock:
            go_away = self._go_away
        if go_away is None:
            return RpcError(StatusCode.UNAVAILABLE, f"the connection closed: {reason}")
        return RpcError(StatusCode.UNAVAILABLE,
                        f"the connection closed after {self._go_away_text(go_away)}",
                        details_from_proto(go_away.details))


def connect(address: Address, **options: Any) -> Client:
    """Opens a :class:`Client` connection; see :class:`Client` for the options."""
    return Client(address, **options)


__all__ = ["Client", "connect", "parse_address", "PROTOCOL_VERSION", "DEFAULT_PORT", "ThiduaError"]
