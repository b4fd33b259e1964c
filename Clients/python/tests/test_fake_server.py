"""Client behaviour that a well-behaved server cannot be made to show on demand, against a
scripted in-process fake server: a GoAway that refuses calls, pings from the server, status codes
this client does not know, invalid frames and connections that drop mid-call."""

from __future__ import annotations

import select
import socket
import threading
from typing import Callable, Iterator

import pytest

import thidua_client
from thidua_client import FrameReader, RpcError, StatusCode, encode_frame
from thidua.wire.v1 import frame_pb2

Script = Callable[[socket.socket, FrameReader], None]


def send(sock: socket.socket, **kind: object) -> None:
    sock.sendall(encode_frame(frame_pb2.Frame(**kind)))  # type: ignore[arg-type]


def hello(sock: socket.socket, reader: FrameReader, max_calls: int = 256) -> frame_pb2.ClientHello:
    first = reader.read_frame()
    assert first.WhichOneof("kind") == "client_hello"
    send(sock, server_hello=frame_pb2.ServerHello(
        protocol_version=1, server_version="0.0.0-fake",
        limits=frame_pb2.Limits(max_frame_bytes=1 << 20, max_concurrent_calls=max_calls,
                                frame_timeout_ms=10_000, idle_timeout_ms=300_000),
        services=["thidua.host.v1.Echo"]))
    return first.client_hello


def status(sock: socket.socket, call_id: int, code: int = 0, payload: bytes = b"",
           message: str = "") -> None:
    send(sock, status=frame_pb2.CallStatus(call_id=call_id, code=code, payload=payload,
                                           message=message))


@pytest.fixture
def fake() -> Iterator[Callable[[Script], str]]:
    """``fake(script)`` serves one connection with ``script`` and returns the address."""
    listeners: list[socket.socket] = []
    threads: list[threading.Thread] = []
    failures: list[BaseException] = []

    def start(script: Script) -> str:
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def serve() -> None:
            conn, _ = listener.accept()
            with conn, conn.makefile("rb") as stream:
                try:
                    script(conn, FrameReader(stream, sender="client", first_frame_max_bytes=65_536))
                except BaseException as error:  # noqa: BLE001 - reported by the fixture
                    failures.append(error)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        threads.append(thread)
        host, port = listener.getsockname()[:2]
        return f"{host}:{port}"

    yield start
    for thread in threads:
        thread.join(10)
    for listener in listeners:
        listener.close()
    if failures:
        raise failures[0]


def test_the_client_hello(fake: Callable[[Script], str]) -> None:
    seen = {}

    def script(sock: socket.socket, reader: FrameReader) -> None:
        seen["hello"] = hello(sock, reader)

    with thidua_client.connect(fake(script), client_name="n/1", api_key="k") as client:
        assert client.server_version == "0.0.0-fake"
    assert (seen["hello"].protocol_version, seen["hello"].client_name,
            seen["hello"].api_key) == (1, "n/1", "k")


def test_go_away_fails_calls_above_last_call_id(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)
        ids = [reader.read_frame().request.call_id for _ in range(3)]
        assert ids == [1, 2, 3]
        send(sock, go_away=frame_pb2.GoAway(last_call_id=1, code=0, message="shutting down"))
        status(sock, 2, StatusCode.UNAVAILABLE)  # a late status for a refused call: ignored
        status(sock, 1, payload=b"one")

    with thidua_client.connect(fake(script)) as client:
        calls = [client.call_async("thidua.host.v1.Echo/Unary", b"") for _ in range(3)]
        assert calls[0].result(timeout=5) == b"one"
        for call in calls[1:]:
            error = call.exception(timeout=5)
            assert error is not None and error.name == "UNAVAILABLE" and error.is_retryable
            assert "not run" in error.message
        assert client.go_away is not None and client.go_away.last_call_id == 1
        with pytest.raises(RpcError) as caught:
            client.call("thidua.host.v1.Echo/Unary", b"")
        assert caught.value.name == "UNAVAILABLE"
        assert client.wait_closed(timeout=5)


def test_the_client_answers_pings_and_matches_pongs(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)
        send(sock, ping=frame_pb2.Ping(opaque=42))
        # The client's own ping and its pong to ours may come in either order.
        frames = {f.WhichOneof("kind"): f for f in (reader.read_frame(), reader.read_frame())}
        assert frames["pong"].pong.opaque == 42
        ping = frames["ping"].ping
        send(sock, pong=frame_pb2.Ping(opaque=ping.opaque + 1000))  # not ours: ignored
        send(sock, pong=frame_pb2.Ping(opaque=ping.opaque))
        request = reader.read_frame().request
        status(sock, request.call_id, payload=b"done")

    with thidua_client.connect(fake(script)) as client:
        assert client.ping(timeout=5) >= 0
        assert client.call("thidua.host.v1.Echo/Unary", b"") == b"done"


def test_an_unknown_status_code_is_unknown(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)
        status(sock, reader.read_frame().request.call_id, code=99, message="from the future")

    with thidua_client.connect(fake(script)) as client:
        with pytest.raises(RpcError) as caught:
            client.call("thidua.host.v1.Echo/Unary", b"")
    assert (caught.value.code, caught.value.name, caught.value.raw_code) == (2, "UNKNOWN", 99)


def test_a_dropped_connection_fails_calls_in_flight(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)
        reader.read_frame()
        sock.sendall(b"\x00\x00\x00\x10\x2a")  # half a frame, then the connection drops

    with thidua_client.connect(fake(script)) as client:
        call = client.call_async("thidua.host.v1.Echo/Unary", b"")
        error = call.exception(timeout=5)
        assert error is not None and error.name == "UNAVAILABLE"
        assert client.wait_closed(timeout=5)


def test_an_oversized_frame_from_the_server_is_refused_on_its_header(
        fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)
        reader.read_frame()
        sock.sendall(b"\x7f\xff\xff\xff")  # announces 2 GiB and sends nothing more
        try:
            sock.recv(1)  # wait until the client hangs up, without sending the body
        except OSError:
            pass

    with thidua_client.connect(fake(script), max_frame_bytes=1 << 20) as client:
        error = client.call_async("thidua.host.v1.Echo/Unary", b"").exception(timeout=5)
        assert error is not None and error.name == "UNAVAILABLE"
        assert error.rules == ["frame.max_bytes"]


def test_a_refused_handshake(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        reader.read_frame()
        send(sock, go_away=frame_pb2.GoAway(code=16, message="no valid API key", details=[
            frame_pb2.ErrorDetail(field="api_key", rule="auth.key_valid", description="bad")]))

    with pytest.raises(thidua_client.HandshakeError) as caught:
        thidua_client.connect(fake(script), api_key="wrong")
    error = caught.value
    assert (error.code, error.name, error.message) == (16, "UNAUTHENTICATED", "no valid API key")
    assert error.details == [("api_key", "auth.key_valid", "bad")]
    assert not error.is_retryable


def read_raw_frame(sock: socket.socket) -> frame_pb2.Frame:
    """One frame read straight from the socket, with no read-ahead buffer."""
    def exact(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            assert chunk, "the client closed the connection"
            data += chunk
        return data

    return thidua_client.decode_body(exact(int.from_bytes(exact(4), "big")), sender="client")


def test_the_client_respects_max_concurrent_calls(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader, max_calls=1)  # the client sends nothing more before the ServerHello
        first = read_raw_frame(sock).request.call_id
        readable, _, _ = select.select([sock], [], [], 0.3)
        assert not readable, "the client sent a second call beyond max_concurrent_calls"
        status(sock, first, payload=b"1")
        second = read_raw_frame(sock).request.call_id
        status(sock, second, payload=b"2")

    with thidua_client.connect(fake(script)) as client:
        results: list[bytes] = []
        thread = threading.Thread(target=lambda: results.extend(
            c.result(timeout=5) for c in [client.call_async("m/A", b"") for _ in range(2)]))
        thread.start()
        thread.join(10)
        assert results == [b"1", b"2"]


def test_an_immediate_deadline(fake: Callable[[Script], str]) -> None:
    def script(sock: socket.socket, reader: FrameReader) -> None:
        hello(sock, reader)

    with thidua_client.connect(fake(script)) as client:
        with pytest.raises(RpcError) as caught:
            client.call("m/A", b"", timeout=0)
        assert caught.value.name == "DEADLINE_EXCEEDED"
