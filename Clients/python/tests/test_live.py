"""The client against a live thidua-server."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

import thidua_client
from thidua_client import Client, HandshakeError, RpcError, StatusCode, encode_frame
from thidua.host.v1 import echo_pb2, health_pb2, reflection_pb2
from thidua.wire.v1 import frame_pb2

from conftest import ServerProcess, raw_connection

ECHO_UNARY = "thidua.host.v1.Echo/Unary"
ECHO_STREAM = "thidua.host.v1.Echo/Stream"
HEALTH_CHECK = "thidua.host.v1.Health/Check"
HOST_SERVICES = {
    "thidua.host.v1.Health",
    "thidua.host.v1.Reflection",
    "thidua.host.v1.ServerInfo",
    "thidua.host.v1.Echo",
}


def echo(client: Client, payload: bytes = b"hi", delay_ms: int = 0, **kwargs: object) -> bytes:
    reply = client.call(ECHO_UNARY, echo_pb2.EchoRequest(payload=payload, delay_ms=delay_ms),
                        echo_pb2.EchoReply, **kwargs)  # type: ignore[arg-type]
    return bytes(reply.payload)


# -- handshake -----------------------------------------------------------------------------


def test_handshake_server_hello(client: Client) -> None:
    hello = client.server_hello
    assert hello.protocol_version == 1
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", hello.server_version)
    assert (hello.limits.max_frame_bytes, hello.limits.max_concurrent_calls,
            hello.limits.frame_timeout_ms, hello.limits.idle_timeout_ms) == (
        4_194_304, 256, 10_000, 300_000)
    assert HOST_SERVICES <= set(client.services)
    assert client.max_request_bytes == 4_194_304 and client.max_concurrent_calls == 256


def test_unsupported_protocol_version_is_refused(server: ServerProcess) -> None:
    with pytest.raises(HandshakeError) as caught:
        thidua_client.connect(server.address, protocol_version=2)
    error = caught.value
    assert (error.code, error.name) == (9, "FAILED_PRECONDITION")
    assert error.message
    assert error.rules == ["handshake.protocol_version"]
    assert error.go_away is not None and error.go_away.code == 9
    assert not error.is_retryable


def test_connecting_to_a_closed_port_is_unavailable(server: ServerProcess) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    with pytest.raises(RpcError) as caught:
        thidua_client.connect(("127.0.0.1", free_port), connect_timeout=5)
    assert caught.value.name == "UNAVAILABLE" and caught.value.is_retryable


# -- built-in services -----------------------------------------------------------------------


def test_reflection_lists_the_services_of_the_hello(client: Client) -> None:
    listing = client.call("thidua.host.v1.Reflection/ListServices",
                          reflection_pb2.ListServicesRequest(), reflection_pb2.ListServicesResponse)
    assert {s.name for s in listing.services} == set(client.services)
    methods = {m.path: m for s in listing.services for m in s.methods}
    assert methods[ECHO_STREAM].server_streaming and not methods[ECHO_UNARY].server_streaming
    assert methods[HEALTH_CHECK].input_type == "thidua.host.v1.HealthCheckRequest"


def test_health_check_serving(client: Client) -> None:
    health = client.stub("thidua.host.v1.Health")
    assert health.Check(service="").status == health_pb2.HealthCheckResponse.SERVING
    assert health.Check(service="thidua.host.v1.Echo").status == (
        health_pb2.HealthCheckResponse.SERVING)


def test_health_check_of_an_unknown_service_is_not_found(client: Client) -> None:
    with pytest.raises(RpcError) as caught:
        client.call(HEALTH_CHECK, health_pb2.HealthCheckRequest(service="no.such.v1.Service"),
                    health_pb2.HealthCheckResponse)
    error = caught.value
    assert (error.code, error.name) == (5, "NOT_FOUND")
    assert [d.field for d in error.details] == ["service"]
    assert error.details[0].rule and error.message
    assert not error.is_retryable and error.call_id is not None


def test_refusals_are_english_unless_the_client_asks(client: Client) -> None:
    assert client.language == "en"
    with pytest.raises(RpcError) as caught:
        client.call(HEALTH_CHECK, health_pb2.HealthCheckRequest(service="no.such.v1.Service"),
                    health_pb2.HealthCheckResponse)
    assert caught.value.message == 'service "no.such.v1.Service" is not offered by this server'
    assert dict(caught.value.details[0].values) == {"service": "no.such.v1.Service"}


def test_refusals_in_vietnamese_for_a_client_that_asks(server: ServerProcess) -> None:
    with thidua_client.connect(server.address, accept_language="vi-VN, en;q=0.5") as client:
        assert client.language == "vi"
        with pytest.raises(RpcError) as caught:
            client.call(HEALTH_CHECK, health_pb2.HealthCheckRequest(service="no.such.v1.Service"),
                        health_pb2.HealthCheckResponse)
        error = caught.value
        assert error.name == "NOT_FOUND"
        assert error.message == "Máy chủ không cung cấp dịch vụ no.such.v1.Service"
        assert error.details == [("service", "health.service_known", error.message)]
        assert dict(error.details[0].values) == {"service": "no.such.v1.Service"}
        # A call's own accept-language wins over the connection's.
        with pytest.raises(RpcError) as english:
            client.call(HEALTH_CHECK, health_pb2.HealthCheckRequest(service="no.such.v1.Service"),
                        health_pb2.HealthCheckResponse, metadata={"accept-language": "en"})
        assert english.value.message.startswith('service "no.such.v1.Service" is not offered')


def test_unknown_method_is_unimplemented(client: Client) -> None:
    with pytest.raises(RpcError) as caught:
        client.call("thidua.host.v1.Echo/Nope", b"")
    assert (caught.value.code, caught.value.name) == (12, "UNIMPLEMENTED")
    assert caught.value.details[0] == ("method", "call.method_known", caught.value.details[0][2])


def test_undecodable_payload_is_invalid_argument(client: Client) -> None:
    with pytest.raises(RpcError) as caught:
        client.call(ECHO_UNARY, b"\xff\xff\xff")
    error = caught.value
    assert (error.code, error.name) == (3, "INVALID_ARGUMENT")
    assert [(d.field, d.rule) for d in error.details] == [("payload", "payload.decode")]


def test_echo_unary_round_trip(client: Client) -> None:
    payload = bytes(range(256)) * 4
    assert echo(client, payload) == payload
    assert client.stub("thidua.host.v1.Echo").Unary(payload=b"stub").payload == b"stub"
    raw = client.call(ECHO_UNARY, echo_pb2.EchoRequest(payload=b"raw"))  # no type: bytes
    assert echo_pb2.EchoReply.FromString(raw).payload == b"raw"
    assert echo(client, b"") == b""


def test_echo_stream_of_five(client: Client) -> None:
    call = client.stream(ECHO_STREAM, echo_pb2.EchoStreamRequest(payload=b"s", count=5),
                         echo_pb2.EchoReply)
    replies = list(call)
    assert [r.payload for r in replies] == [b"s"] * 5
    assert call.code == 0 and call.server_code == 0


def test_ping(client: Client) -> None:
    assert 0 < client.ping(timeout=5) < 5
    assert echo(client) == b"hi"


# -- concurrency -----------------------------------------------------------------------------


def test_calls_in_flight_are_answered_in_the_order_they_finish(client: Client) -> None:
    delays = [300, 150, 0]
    calls = [client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(payload=str(d).encode(),
                                                                delay_ms=d), echo_pb2.EchoReply)
             for d in delays]
    assert [c.call_id for c in calls] == sorted(c.call_id for c in calls)
    finished: list[int] = []
    lock = threading.Lock()

    def wait(call: thidua_client.UnaryCall, delay: int) -> None:
        assert call.result(timeout=10).payload == str(delay).encode()
        with lock:
            finished.append(delay)

    threads = [threading.Thread(target=wait, args=(c, d)) for c, d in zip(calls, delays)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert finished == [0, 150, 300]


def test_many_threads_share_one_connection(client: Client) -> None:
    """Call ids must reach the server strictly increasing (§3) however threads interleave;
    a violation would close the connection (call.id_increasing)."""
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(15):
                payload = f"{n}-{i}".encode()
                assert echo(client, payload) == payload
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == [] and not client.closed and client.in_flight == 0


def test_client_waits_for_a_free_slot(start_server: Callable[..., ServerProcess]) -> None:
    """With max_concurrent_calls 2 the client holds the third call back instead of getting
    RESOURCE_EXHAUSTED; a raw connection that does not shows the server's refusal."""
    server = start_server("--max-concurrent-calls", "2")
    with thidua_client.connect(server.address) as client:
        assert client.max_concurrent_calls == 2
        calls: list[thidua_client.UnaryCall] = []
        starter = threading.Thread(target=lambda: calls.extend(
            client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(delay_ms=200), echo_pb2.EchoReply)
            for _ in range(3)))
        starter.start()
        starter.join(10)
        assert [c.result(timeout=10).payload for c in calls] == [b""] * 3

    with raw_connection(server) as (sock, reader):
        frames = [frame_pb2.Frame(client_hello=frame_pb2.ClientHello(protocol_version=1))]
        for call_id in (1, 2, 3):
            frames.append(frame_pb2.Frame(request=frame_pb2.Request(
                call_id=call_id, method=ECHO_UNARY,
                payload=echo_pb2.EchoRequest(delay_ms=200).SerializeToString())))
        sock.sendall(b"".join(encode_frame(f) for f in frames))
        assert reader.read_frame().WhichOneof("kind") == "server_hello"
        statuses = [reader.read_frame().status for _ in range(3)]
    answers = [(s.call_id, StatusCode(s.code).name) for s in statuses]
    assert answers[0] == (3, "RESOURCE_EXHAUSTED")  # at once, while 1 and 2 run
    assert sorted(answers[1:]) == [(1, "OK"), (2, "OK")]
    assert server.stop() == 0


# -- cancel and deadlines --------------------------------------------------------------------


def test_cancel_a_long_stream(client: Client) -> None:
    call = client.stream(ECHO_STREAM, echo_pb2.EchoStreamRequest(
        payload=b"x", count=100_000, interval_ms=10), echo_pb2.EchoReply)
    assert next(call).payload == b"x"
    assert call.cancel()
    with pytest.raises(RpcError) as caught:
        next(call)
    assert (caught.value.code, caught.value.name) == (1, "CANCELLED")
    assert call.wait_server_status(timeout=10) == StatusCode.CANCELLED  # the server stopped it
    assert not call.cancel()  # already ended
    assert echo(client, b"still usable") == b"still usable"
    assert client.in_flight == 0


def test_cancel_a_slow_unary_call(client: Client) -> None:
    call = client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(delay_ms=30_000), echo_pb2.EchoReply)
    assert call.cancel() and call.cancelled()
    with pytest.raises(RpcError) as caught:
        call.result(timeout=5)
    assert caught.value.name == "CANCELLED"
    assert call.wait_server_status(timeout=10) == StatusCode.CANCELLED
    assert echo(client) == b"hi"


def test_deadline_exceeded(client: Client) -> None:
    start = time.monotonic()
    with pytest.raises(RpcError) as caught:
        echo(client, delay_ms=30_000, timeout=0.1)
    assert time.monotonic() - start < 5
    error = caught.value
    assert (error.code, error.name) == (4, "DEADLINE_EXCEEDED")
    assert not error.is_retryable and error.is_retryable_with_idempotency_key
    assert echo(client, b"after") == b"after"


def test_deadline_is_enforced_by_the_server(server: ServerProcess) -> None:
    """With a long local grace, the DEADLINE_EXCEEDED comes from the server's own timer,
    which proves timeout_ms reached it."""
    with thidua_client.connect(server.address, local_deadline_grace=20) as client:
        call = client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(delay_ms=30_000),
                                 echo_pb2.EchoReply, timeout=0.2)
        with pytest.raises(RpcError) as caught:
            call.result(timeout=10)
        assert caught.value.name == "DEADLINE_EXCEEDED"
        assert call.server_code == StatusCode.DEADLINE_EXCEEDED


def test_a_stream_deadline(client: Client) -> None:
    call = client.stream(ECHO_STREAM, echo_pb2.EchoStreamRequest(count=1000, interval_ms=50),
                         echo_pb2.EchoReply, timeout=0.3)
    with pytest.raises(RpcError) as caught:
        for _ in call:
            pass
    assert caught.value.name == "DEADLINE_EXCEEDED"


# -- protocol violations, GoAway, closing ----------------------------------------------------


def test_a_2_gib_length_header_gets_a_go_away(server: ServerProcess) -> None:
    with raw_connection(server) as (sock, reader):
        sock.sendall(encode_frame(frame_pb2.Frame(client_hello=frame_pb2.ClientHello(
            protocol_version=1))))
        assert reader.read_frame().WhichOneof("kind") == "server_hello"
        sock.sendall(b"\x80\x00\x00\x00")  # only the header: the server must not wait for 2 GiB
        go_away = reader.read_frame().go_away
        with pytest.raises(thidua_client.ConnectionClosed):
            reader.read_frame()
    assert StatusCode(go_away.code).name == "RESOURCE_EXHAUSTED"
    assert [d.rule for d in go_away.details] == ["frame.max_bytes"]


def test_an_oversized_request_is_refused_locally(client: Client) -> None:
    with pytest.raises(RpcError) as caught:
        echo(client, b"x" * (4 * 1024 * 1024))
    assert caught.value.name == "RESOURCE_EXHAUSTED" and caught.value.is_retryable
    assert echo(client) == b"hi"  # nothing was sent: the connection is intact


def test_metadata_keys_must_be_lower_case(client: Client) -> None:
    with pytest.raises(ValueError):
        client.call(ECHO_UNARY, b"", metadata={"Idempotency-Key": "k"})
    assert client.call(ECHO_UNARY, b"", metadata={"idempotency-key": "k", "x-other": "y"}) == b""


def test_closing_the_client_fails_calls_in_flight(server: ServerProcess) -> None:
    client = thidua_client.connect(server.address)
    call = client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(delay_ms=30_000))
    client.close()
    with pytest.raises(RpcError) as caught:
        call.result(timeout=5)
    assert caught.value.name == "UNAVAILABLE"
    with pytest.raises(RpcError) as caught:
        echo(client)
    assert caught.value.name == "UNAVAILABLE" and client.closed


def test_graceful_shutdown(start_server: Callable[..., ServerProcess]) -> None:
    server = start_server()
    client = thidua_client.connect(server.address)
    with raw_connection(server) as (raw, raw_reader), client:
        slow = client.call_async(ECHO_UNARY, echo_pb2.EchoRequest(payload=b"slow", delay_ms=1500),
                                 echo_pb2.EchoReply)
        watch = client.stream("thidua.host.v1.Health/Watch", health_pb2.HealthCheckRequest(),
                              health_pb2.HealthCheckResponse)
        assert next(watch).status == health_pb2.HealthCheckResponse.SERVING
        raw.sendall(encode_frame(frame_pb2.Frame(client_hello=frame_pb2.ClientHello(
            protocol_version=1))) + encode_frame(frame_pb2.Frame(request=frame_pb2.Request(
                call_id=1, method=ECHO_UNARY,
                payload=echo_pb2.EchoRequest(payload=b"raw", delay_ms=1500).SerializeToString()))))
        assert raw_reader.read_frame().WhichOneof("kind") == "server_hello"
        # The server handles a connection's frames in order: once a ping is answered, it has
        # read the requests sent before it.
        client.ping(timeout=5)
        raw.sendall(encode_frame(frame_pb2.Frame(ping=frame_pb2.Ping(opaque=9))))
        assert raw_reader.read_frame().pong.opaque == 9

        server.signal(signal.SIGTERM)

        go_away = client.wait_for_go_away(timeout=10)
        assert go_away is not None and go_away.code == StatusCode.OK
        assert go_away.last_call_id >= watch.call_id > slow.call_id
        with pytest.raises(RpcError) as caught:
            echo(client, b"too late")
        assert caught.value.name == "UNAVAILABLE" and caught.value.is_retryable

        # The server side of "too late": a request after the GoAway is answered UNAVAILABLE.
        raw_go_away = raw_reader.read_frame()
        assert raw_go_away.go_away.last_call_id == 1 and raw_go_away.go_away.code == 0
        raw.sendall(encode_frame(frame_pb2.Frame(request=frame_pb2.Request(
            call_id=2, method=ECHO_UNARY, payload=b""))))

        assert slow.result(timeout=10).payload == b"slow"  # accepted before: it completes OK
        replies = []
        with pytest.raises(RpcError) as caught:
            for reply in watch:
                replies.append(reply.status)
        assert caught.value.name == "UNAVAILABLE"
        assert watch.server_code == StatusCode.UNAVAILABLE  # the server's status, not a hang-up
        assert health_pb2.HealthCheckResponse.NOT_SERVING in replies

        raw_frames = []
        with pytest.raises(thidua_client.ConnectionClosed):
            while True:
                raw_frames.append(raw_reader.read_frame())
        statuses = {f.status.call_id: StatusCode(f.status.code).name for f in raw_frames}
        assert statuses == {2: "UNAVAILABLE", 1: "OK"}
        assert client.wait_closed(timeout=10)
    assert server.stop() == 0


def test_the_example_script(server: ServerProcess) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "health_and_echo.py"
    done = subprocess.run([sys.executable, str(example), server.address],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "health: SERVING" in done.stdout
    assert done.stdout.count("stream ") == 3 and "echo: xin chao" in done.stdout
