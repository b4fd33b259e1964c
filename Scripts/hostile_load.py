#!/usr/bin/env python3
"""Hostile-input load on a thidua-server: measures what it costs the server in memory and in
health-check latency.

The tool starts the given thidua-server binary itself, on 127.0.0.1 with a fresh data directory
(`--host 127.0.0.1 --port 0 --data-dir <tmp>`), and runs one scenario against it:

non-reader
    One raw client with a small receive buffer says hello without a key, opens
    `thidua.host.v1.Echo/Stream` (count 100000, a payload of --payload-bytes) and never reads
    again. A server without flow control queues the answers in memory until it dies.

fuzz
    --workers processes, each opening connections with the admin key and keeping up to
    --max-in-flight calls in flight per connection, at random methods taken from the server's
    own reflection, with hostile payloads built by hand in the protobuf wire format (field numbers
    and types from Reflection/DescribeService, or guessed): random bytes, repeated fields of up to a
    million elements, long strings, NUL and control characters, decomposed accents (NFC work), deep
    nesting, masses of unknown fields, frames up to the announced max_frame_bytes.
    --payload-mix heavy sends only the largest: million-element repeated fields and strings that
    fill the frame. It reports statuses by code, rule, method and payload kind, and the slowest
    calls with the time they were sent, on the same clock as the probe's slowest answers.

In both, a probe client calls `thidua.host.v1.Health/Check` every 250 ms and records its
latency, and the server's RSS is read from /proc/PID/status every 100 ms. A memory guard kills
the server (SIGKILL) if its RSS passes --rss-guard-mib, and says so. At the end the tool closes its
clients, stops the server with SIGTERM and reports whether it survived, as JSON (--output) and as
a short human summary on standard output.

Bounded: at most --duration seconds of load (max 600), only 127.0.0.1, a server of its own.
This is a measurement tool, not a test: it is not part of the test suite.

Run it with the repository's Python environment (Scripts/python-env.sh), for example:

    .build/python-venv/bin/python Scripts/hostile_load.py --server .build/debug/thidua-server \\
        --scenario non-reader --duration 20 --payload-bytes 1048576 --output /tmp/nr.json
    .build/python-venv/bin/python Scripts/hostile_load.py --server .build/debug/thidua-server \\
        --scenario fuzz --duration 60 --workers 4 --output /tmp/fuzz.json
"""
import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import hashlib
import heapq
import threading
import time

_SOURCE_TREE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Clients", "python", "src")
try:
    from thidua.wire.v1 import frame_pb2
except ImportError:  # not installed in this interpreter: use the generated code of the repository
    sys.path.insert(0, _SOURCE_TREE)
    from thidua.wire.v1 import frame_pb2
from google.protobuf import descriptor_pb2
from thidua.host.v1 import echo_pb2, health_pb2, reflection_pb2, server_info_pb2

HOST = "127.0.0.1"
PROTOCOL_VERSION = 1
MAX_DURATION_S = 600
MAX_WORKERS = 16
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024
MAX_REPEATED_ITEMS = 1_000_000
PROBE_INTERVAL_S = 0.25
PROBE_TIMEOUT_S = 10.0
SAMPLE_INTERVAL_S = 0.1
EXPECTED_STATUSES = {"OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", "NOT_FOUND", "DEADLINE_EXCEEDED",
                     "FAILED_PRECONDITION", "ALREADY_EXISTS", "OUT_OF_RANGE", "PERMISSION_DENIED"}
STATUS_NAMES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
                "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
                "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
                "UNAUTHENTICATED"]


def status_name(code):
    """The gRPC name of a status code (UNKNOWN(n) for one this tool does not know)."""
    return STATUS_NAMES[code] if 0 <= code < len(STATUS_NAMES) else f"UNKNOWN({code})"


# --------------------------------------------------------------------------- wire format


def varint(value):
    """The protobuf base-128 varint encoding of a non-negative integer."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def tag(number, wire_type):
    """The key of a field: number << 3 | wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32)."""
    return varint((number << 3) | wire_type)


def length_delimited(number, body):
    """One length-delimited field (string, bytes, sub-message or packed repeated)."""
    return tag(number, 2) + varint(len(body)) + body


def frame_bytes(frame):
    """A Frame message with its 4-byte big-endian length in front."""
    body = frame.SerializeToString()
    return struct.pack(">I", len(body)) + body


def request_frame(call_id, method, payload, timeout_ms=0):
    """The bytes of a Request frame."""
    return frame_bytes(frame_pb2.Frame(request=frame_pb2.Request(
        call_id=call_id, method=method, payload=payload, timeout_ms=timeout_ms)))


def recv_exact(sock, count, stop=None):
    """Reads exactly `count` bytes. Without `stop`, a socket timeout is raised (the caller's
    deadline); with `stop`, a timeout only retries until `stop` is set (a reader that waits for
    whatever comes). Raises ConnectionError when the peer closes."""
    chunks, received = [], 0
    while received < count:
        try:
            chunk = sock.recv(min(count - received, 1 << 20))
        except socket.timeout:
            if stop is None:
                raise
            if stop.is_set():
                raise ConnectionError("stopped")
            continue
        if not chunk:
            raise ConnectionError("the server closed the connection")
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)


def read_frame(sock, stop=None):
    """Reads one frame and decodes it as thidua.wire.v1.Frame."""
    (length,) = struct.unpack(">I", recv_exact(sock, 4, stop))
    frame = frame_pb2.Frame()
    frame.ParseFromString(recv_exact(sock, length, stop))
    return frame


class HandshakeRefused(Exception):
    """The server answered the ClientHello with a GoAway."""


def open_connection(port, api_key="", client_name="hostile-load", timeout=5.0, rcvbuf=None):
    """Connects to 127.0.0.1:port, sends a ClientHello and waits for the ServerHello.
    Returns (socket, ServerHello). `rcvbuf` sets SO_RCVBUF before connecting."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if rcvbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(timeout)
        sock.connect((HOST, port))
        hello = frame_pb2.ClientHello(protocol_version=PROTOCOL_VERSION, client_name=client_name, api_key=api_key)
        sock.sendall(frame_bytes(frame_pb2.Frame(client_hello=hello)))
        frame = read_frame(sock)
        kind = frame.WhichOneof("kind")
        if kind == "go_away":
            raise HandshakeRefused(f"{status_name(frame.go_away.code)}: {frame.go_away.message}")
        if kind != "server_hello":
            raise HandshakeRefused(f"unexpected first frame {kind!r}")
        return sock, frame.server_hello
    except BaseException:
        sock.close()
        raise


def unary(sock, call_id, method, request, response_type, timeout=10.0):
    """One unary call on a connection with nothing else in flight. Returns the decoded answer;
    raises RuntimeError on a status other than OK."""
    sock.settimeout(timeout)
    sock.sendall(request_frame(call_id, method, request.SerializeToString(), int(timeout * 1000)))
    while True:
        frame = read_frame(sock)
        if frame.WhichOneof("kind") == "go_away":
            raise ConnectionError(f"GoAway {status_name(frame.go_away.code)}: {frame.go_away.message}")
        if frame.WhichOneof("kind") == "status" and frame.status.call_id == call_id:
            if frame.status.code != 0:
                raise RuntimeError(f"{method}: {status_name(frame.status.code)} {frame.status.message}")
            answer = response_type()
            answer.ParseFromString(frame.status.payload)
            return answer


# --------------------------------------------------------------------------- the server


class Server:
    """A thidua-server process of our own on 127.0.0.1, with a temporary data directory."""

    def __init__(self, binary, extra_args=()):
        self.binary = os.path.abspath(binary)
        self.work_dir = tempfile.mkdtemp(prefix="thidua-hostile-")
        self.data_dir = os.path.join(self.work_dir, "data")
        self.log_path = os.path.join(self.work_dir, "server.stderr")
        self.extra_args = list(extra_args)
        self.process = None
        self.port = None
        self.guard_killed = False

    def start(self, timeout=60.0):
        """Starts the server and reads its `listening on HOST:PORT` line."""
        command = [self.binary, "--host", HOST, "--port", "0", "--data-dir", self.data_dir] + self.extra_args
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + timeout
        line = ""
        while time.monotonic() < deadline:
            line = self.process.stdout.readline().strip()
            if line.startswith("listening on ") or self.process.poll() is not None:
                break
        if not line.startswith("listening on "):
            self.process.kill()
            raise SystemExit(f"the server did not start: {line!r}; see {self.log_path}")
        address = line[len("listening on "):]
        host, _, port = address.rpartition(":")
        if host not in (HOST, "localhost"):
            self.process.kill()
            raise SystemExit(f"the server listens on {address}, not on {HOST}")
        self.port = int(port)
        return self

    @property
    def pid(self):
        return self.process.pid

    def admin_key(self):
        with open(os.path.join(self.data_dir, "admin.key")) as handle:
            return handle.read().strip()

    def alive(self):
        return self.process.poll() is None

    def exit_description(self):
        """None while it runs; else {"returncode", "signal"} (signal name when a signal ended it)."""
        code = self.process.poll()
        if code is None:
            return None
        return {"returncode": code, "signal": signal.Signals(-code).name if code < 0 else None}

    def stop(self, timeout=45.0):
        """SIGTERM and wait (a clean drain exits 0); SIGKILL if it does not exit in time.
        Returns what `exit_description` says, plus whether it had to be killed."""
        killed = False
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                killed = True
        self.log.close()
        return dict(self.exit_description(), killed_after_sigterm_timeout=killed)

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, "rb") as handle:
                return handle.read().decode("utf-8", "replace").splitlines()[-lines:]
        except OSError:
            return []

    def cleanup(self, keep):
        if not keep:
            shutil.rmtree(self.work_dir, ignore_errors=True)


def cpu_seconds(pid):
    """User + system CPU time of a process in seconds, from /proc/PID/stat; None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    except (OSError, ValueError, IndexError):
        return None


def load_average():
    """The 1, 5 and 15 minute load averages, as /proc/loadavg gives them."""
    with open("/proc/loadavg") as handle:
        return handle.read().split()[:3]


def rss_kb(pid):
    """VmRSS of a process in KiB, from /proc/PID/status; None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


# --------------------------------------------------------------------------- monitors


class RssSampler(threading.Thread):
    """Samples the server's RSS every 100 ms; SIGKILLs it if it passes the guard."""

    def __init__(self, server, guard_mib, stop, epoch):
        super().__init__(daemon=True, name="rss-sampler")
        self.server, self.guard_kb, self.stop, self.epoch = server, guard_mib * 1024, stop, epoch
        self.samples = []  # (seconds since the epoch of the run, KiB)
        self.guard_event = None
        self.died_at = None

    def run(self):
        while not self.stop.is_set():
            now = time.time() - self.epoch
            value = rss_kb(self.server.pid)
            if value is None or not self.server.alive():
                self.died_at = now
                return
            self.samples.append((now, value))
            if value > self.guard_kb:
                self.guard_event = {"at_s": round(now, 2), "rss_mib": round(value / 1024, 1)}
                self.server.guard_killed = True
                os.kill(self.server.pid, signal.SIGKILL)
                self.died_at = now
                return
            self.stop.wait(SAMPLE_INTERVAL_S)

    def summary(self):
        """Peak, first, final and mean RSS in MiB, and one sample per second over time."""
        if not self.samples:
            return {"samples": 0}
        values = [kb for _, kb in self.samples]
        peak_index = max(range(len(values)), key=values.__getitem__)
        per_second, next_mark = [], 0.0
        for at, kb in self.samples:
            if at >= next_mark:
                per_second.append([round(at, 1), round(kb / 1024, 1)])
                next_mark = int(at) + 1.0
        return {
            "samples": len(values),
            "first_mib": round(values[0] / 1024, 1),
            "peak_mib": round(values[peak_index] / 1024, 1),
            "peak_at_s": round(self.samples[peak_index][0], 2),
            "final_mib": round(values[-1] / 1024, 1),
            "mean_mib": round(sum(values) / len(values) / 1024, 1),
            "per_second_mib": per_second,
            "guard_kill": self.guard_event,
            "server_gone_at_s": None if self.died_at is None else round(self.died_at, 2),
        }


class HealthProbe(threading.Thread):
    """Calls Health/Check every 250 ms on a connection without a key and records the latency
    of each answer; a timeout, a refusal or a lost connection counts as a failure (and the probe
    reconnects)."""

    def __init__(self, port, stop, epoch):
        super().__init__(daemon=True, name="health-probe")
        self.port, self.stop, self.epoch = port, stop, epoch
        self.latencies_ms = []  # (seconds since the epoch of the run, latency)
        self.answered_at = []  # when each answer came, for the longest time without one
        self.failures = []  # (seconds since the epoch of the run, reason)

    def run(self):
        sock, call_id, next_at = None, 0, time.monotonic()
        while not self.stop.is_set():
            self.stop.wait(max(0.0, next_at - time.monotonic()))
            if self.stop.is_set():
                break
            next_at = max(next_at + PROBE_INTERVAL_S, time.monotonic())
            began, began_at = time.monotonic(), time.time() - self.epoch
            try:
                if sock is None:
                    sock, _ = open_connection(self.port, client_name="hostile-load/probe", timeout=PROBE_TIMEOUT_S)
                    call_id = 0
                call_id += 1
                answer = unary(sock, call_id, "thidua.host.v1.Health/Check", health_pb2.HealthCheckRequest(),
                               health_pb2.HealthCheckResponse, timeout=PROBE_TIMEOUT_S)
                if answer.status != health_pb2.HealthCheckResponse.SERVING:
                    raise RuntimeError(f"status {answer.status}")
                self.latencies_ms.append((round(began_at, 3), (time.monotonic() - began) * 1000))
                self.answered_at.append(time.time() - self.epoch)
            except Exception as error:  # noqa: BLE001 - every failure is a data point
                self.failures.append((round(began_at, 2), f"{type(error).__name__}: {error}"[:200]))
                if sock is not None:
                    sock.close()
                sock = None
        if sock is not None:
            sock.close()

    def summary(self):
        """Count, max, p50, p99 (nearest rank), how many over 100 ms and over 2 s, failures."""
        values = sorted(latency for _, latency in self.latencies_ms)
        if not values:
            return {"count": 0, "failures": len(self.failures), "failure_samples": self.failures[:10]}

        def percentile(fraction):
            return round(values[min(len(values) - 1, max(0, int(round(fraction * len(values))) - 1))], 2)

        slowest = sorted(self.latencies_ms, key=lambda item: -item[1])[:5]
        gaps = [(later - earlier, earlier) for earlier, later in zip(self.answered_at, self.answered_at[1:])]
        longest_gap = max(gaps, default=(0.0, 0.0))
        return {
            "count": len(values),
            "max_ms": round(values[-1], 2),
            "p50_ms": percentile(0.50),
            "p99_ms": percentile(0.99),
            "over_100ms": sum(1 for value in values if value > 100),
            "over_2s": sum(1 for value in values if value > 2000),
            "slowest": [{"at_s": at, "ms": round(ms, 2)} for at, ms in slowest],
            "longest_without_answer_s": round(longest_gap[0], 2),
            "longest_without_answer_from_s": round(longest_gap[1], 2),
            "failures": len(self.failures),
            "failure_samples": self.failures[:10],
        }


def server_metrics(port):
    """ServerInfo/GetMetrics on a fresh connection: the connection and stream counters, and the
    calls per method by status (None if the server cannot answer)."""
    try:
        sock, _ = open_connection(port, client_name="hostile-load/metrics")
    except Exception:
        return None
    try:
        answer = unary(sock, 1, "thidua.host.v1.ServerInfo/GetMetrics", server_info_pb2.GetMetricsRequest(),
                       server_info_pb2.GetMetricsResponse)
    except Exception as error:  # noqa: BLE001
        return {"error": str(error)}
    finally:
        sock.close()
    by_status = {}
    for method in answer.methods:
        for name, count in method.by_status.items():
            by_status[name] = by_status.get(name, 0) + count
    return {
        "open_connections": answer.open_connections,
        "accepted_connections": answer.accepted_connections,
        "refused_connections": answer.refused_connections,
        "stalled_connections": answer.stalled_connections,
        "streams_waiting_for_peer": answer.streams_waiting_for_peer,
        "calls_by_status": dict(sorted(by_status.items())),
    }


# --------------------------------------------------------------------------- scenario: non-reader


def run_non_reader(server, args):
    """One client opens Echo/Stream(count 100000, payload --payload-bytes) and never reads."""
    stop, epoch = threading.Event(), time.time()
    sampler, probe = RssSampler(server, args.rss_guard_mib, stop, epoch), HealthProbe(server.port, stop, epoch)
    sampler.start()
    probe.start()
    sock, hello = open_connection(server.port, client_name="hostile-load/non-reader", rcvbuf=args.rcvbuf)
    request = echo_pb2.EchoStreamRequest(payload=b"x" * args.payload_bytes, count=100_000)
    sock.sendall(request_frame(1, "thidua.host.v1.Echo/Stream", request.SerializeToString()))
    sent_at = time.monotonic()
    # From here on the client never reads: it only waits, watching the server.
    while time.monotonic() - sent_at < args.duration and server.alive():
        time.sleep(0.1)
    loaded_for = time.monotonic() - sent_at
    metrics = server_metrics(server.port) if server.alive() else None
    server_cpu = cpu_seconds(server.pid)
    stop.set()
    sampler.join(5)
    probe.join(PROBE_TIMEOUT_S + 5)
    died = server.exit_description()  # before we close or stop anything
    rcvbuf_effective = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
    sock.close()
    return {
        "client": {"rcvbuf_requested": args.rcvbuf,
                   "rcvbuf_effective": rcvbuf_effective,
                   "payload_bytes": args.payload_bytes, "count": 100_000,
                   "server_version": hello.server_version},
        "loaded_for_s": round(loaded_for, 2),
        "died_during_load": died,
        "server_cpu_s": server_cpu,
        "rss": sampler.summary(),
        "probe": probe.summary(),
        "metrics_at_end": metrics,
    }


# --------------------------------------------------------------------------- hostile payloads

# FieldDescriptorProto.Type values, grouped by how their elements are written.
VARINT_TYPES = {3, 4, 5, 8, 13, 14, 17, 18}  # int64 uint64 int32 bool uint32 enum sint32 sint64
FIXED32_TYPES = {2, 7, 15}  # float fixed32 sfixed32
FIXED64_TYPES = {1, 6, 16}  # double fixed64 sfixed64
TYPE_STRING, TYPE_MESSAGE, TYPE_BYTES = 9, 11, 12
LABEL_REPEATED = 3
_SEVEN_BITS = bytes(range(128)) * 2  # maps any byte to a one-byte varint (0..127)


def message_index(file_descriptor_blobs):
    """Every message of the serialized FileDescriptorProtos, by full name (no leading dot)."""
    index = {}

    def walk(prefix, messages):
        for message in messages:
            name = f"{prefix}.{message.name}" if prefix else message.name
            index[name] = message
            walk(name, message.nested_type)

    for blob in file_descriptor_blobs:
        proto = descriptor_pb2.FileDescriptorProto()
        proto.ParseFromString(blob)
        walk(proto.package, proto.message_type)
    return index


def field_list(message, index, depth=1):
    """The fields of a DescriptorProto as plain dicts (picklable), with the fields of message-typed
    fields `depth` levels down."""
    fields = []
    for field in message.field:
        entry = {"name": field.name, "number": field.number, "type": field.type,
                 "repeated": field.label == LABEL_REPEATED, "children": []}
        child = index.get(field.type_name.lstrip("."))
        if field.type == TYPE_MESSAGE and child is not None and depth > 0:
            entry["children"] = field_list(child, index, depth - 1)
        fields.append(entry)
    return fields


def discover_methods(port, api_key):
    """Every method the server offers, from Reflection/ListServices and DescribeService:
    [{"path", "input_type", "streaming", "fields"}]."""
    sock, _ = open_connection(port, api_key=api_key, client_name="hostile-load/reflection")
    try:
        listing = unary(sock, 1, "thidua.host.v1.Reflection/ListServices", reflection_pb2.ListServicesRequest(),
                        reflection_pb2.ListServicesResponse)
        methods, call_id = [], 1
        for service in listing.services:
            call_id += 1
            try:
                described = unary(sock, call_id, "thidua.host.v1.Reflection/DescribeService",
                                  reflection_pb2.DescribeServiceRequest(service=service.name),
                                  reflection_pb2.DescribeServiceResponse)
                index = message_index(described.file_descriptors)
            except RuntimeError:
                index = {}
            for method in service.methods:
                message = index.get(method.input_type.lstrip("."))
                methods.append({"path": method.path, "input_type": method.input_type,
                                "streaming": method.server_streaming,
                                "fields": field_list(message, index) if message is not None else []})
        return methods
    finally:
        sock.close()


def log_uniform(rng, low, high):
    """An integer between low and high, uniform in its logarithm (as many tiny as huge ones)."""
    return int(round(2 ** rng.uniform(low.bit_length() - 1, high.bit_length() - 1))) if high > low else low


def guessed_field(rng):
    """A field the descriptors did not give us: number 1..8 and a random wire kind."""
    kind = rng.choice(["varint", "fixed32", "fixed64", "string", "message"])
    types = {"varint": 5, "fixed32": 7, "fixed64": 6, "string": TYPE_STRING, "message": TYPE_MESSAGE}
    return {"name": "?", "number": rng.randint(1, 8), "type": types[kind], "repeated": True, "children": []}


def repeated_field_bytes(rng, field, items, limit):
    """`items` elements of one repeated field (packed for numbers), at most `limit` bytes."""
    number, kind = field["number"], field["type"]
    if kind in VARINT_TYPES:
        items = min(items, limit - 16)
        return length_delimited(number, os.urandom(items).translate(_SEVEN_BITS))
    if kind in FIXED32_TYPES or kind in FIXED64_TYPES:
        width = 4 if kind in FIXED32_TYPES else 8
        items = min(items, (limit - 16) // width)
        return length_delimited(number, os.urandom(items * width))
    if kind == TYPE_MESSAGE:
        element = tag(number, 2) + b"\x00"  # an empty sub-message (or map entry)
    else:
        element = tag(number, 2) + b"\x01" + bytes([rng.choice(b"abcXYZ\x00\x01")])
    return element * min(items, limit // len(element))


def huge_repeated(rng, fields, limit, items=None):
    """A repeated field of up to a million elements, at the top level or one message down."""
    if items is None:
        items = rng.randint(100_000, MAX_REPEATED_ITEMS) if rng.random() < 0.6 else log_uniform(rng, 1_001, MAX_REPEATED_ITEMS)
    nested = [(f, c) for f in fields if f["type"] == TYPE_MESSAGE for c in f["children"] if c["repeated"]]
    if nested and rng.random() < 0.3:
        parent, child = rng.choice(nested)
        return length_delimited(parent["number"], repeated_field_bytes(rng, child, items, limit - 16))
    repeated = [f for f in fields if f["repeated"]]
    field = rng.choice(repeated) if repeated and rng.random() < 0.85 else guessed_field(rng)
    return repeated_field_bytes(rng, field, items, limit)


def hostile_text(rng, size):
    """Text of `size` bytes that is hard on a server: NULs, control characters, decomposed
    accents (NFC rewriting), or invalid UTF-8."""
    pattern = rng.choice([b"A", b"\x00", b"a\x00\x07\x1b", "e\u0301\u0323".encode(), "Tr\u01b0\u1edbng ".encode(),
                          b"\xc3\x28\xff", "\u200b\ufeff".encode()])
    # Whole repetitions only: cutting a character in two would make every pattern invalid UTF-8.
    return pattern * max(1, size // len(pattern))


def string_fields(fields):
    """The string and bytes fields of a field list."""
    return [f for f in fields if f["type"] in (TYPE_STRING, TYPE_BYTES)]


def long_string(rng, fields, limit, size=None):
    """One string field holding up to `limit` bytes of hostile text."""
    strings = string_fields(fields)
    number = rng.choice(strings)["number"] if strings else rng.randint(1, 8)
    return length_delimited(number, hostile_text(rng, size or log_uniform(rng, 1_024, limit - 16)))


def nul_strings(rng, fields, limit):
    """Every string field (or fields 1..8) set to short text with NUL and control bytes."""
    numbers = [f["number"] for f in string_fields(fields)] or list(range(1, 9))
    return b"".join(length_delimited(n, hostile_text(rng, rng.randint(1, 300))) for n in numbers)[:limit]


def deep_nesting(rng, fields, limit):
    """A message nested a few hundred to thousands of levels deep in one field."""
    messages = [f["number"] for f in fields if f["type"] == TYPE_MESSAGE]
    number = rng.choice(messages) if messages else rng.randint(1, 8)
    body = b""
    for _ in range(rng.randint(200, 5_000)):
        body = length_delimited(number, body)
        if len(body) > limit - 16:
            break
    return body


def unknown_fields(rng, fields, limit):
    """Masses of fields the message does not declare (numbers 1000+), up to `limit` bytes."""
    element = tag(rng.randint(1_000, 536_870_911), 0) + b"\x01"
    return element * (log_uniform(rng, 1_024, limit - 16) // len(element))


def random_bytes(rng, fields, limit):
    """Random bytes, from one byte to `limit`."""
    return os.urandom(log_uniform(rng, 1, limit))


def million_repeated(rng, fields, limit):
    """A repeated field of a full million elements (fewer only if they do not fit in the frame)."""
    return huge_repeated(rng, fields, limit, items=MAX_REPEATED_ITEMS)


def frame_filling_string(rng, fields, limit):
    """One string field of hostile text as long as the frame allows."""
    return long_string(rng, fields, limit, size=limit - 16)


# Generators and weights: "mixed" is a bit of everything; "heavy" sends only the largest
# payloads (a million-element repeated field, or a string that fills the frame).
PAYLOAD_MIXES = {
    "mixed": [(huge_repeated, 35), (random_bytes, 20), (long_string, 20), (unknown_fields, 10),
              (nul_strings, 10), (deep_nesting, 5)],
    "heavy": [(million_repeated, 60), (frame_filling_string, 40)],
}


def hostile_payload(rng, method, limit, mix="mixed"):
    """(kind name, payload bytes) for one call, at most `limit` bytes."""
    kinds = PAYLOAD_MIXES[mix]
    generator = rng.choices([g for g, _ in kinds], weights=[w for _, w in kinds])[0]
    return generator.__name__, generator(rng, method["fields"], limit)[:limit]


# --------------------------------------------------------------------------- scenario: fuzz


class FuzzConnection:
    """One connection of a fuzz worker: a writer keeps up to `max_in_flight` calls in flight,
    a reader thread counts every frame the server sends back."""

    def __init__(self, sock, hello, stats, max_in_flight, epoch):
        self.sock, self.stats, self.epoch = sock, stats, epoch
        self.max_frame = hello.limits.max_frame_bytes or MAX_PAYLOAD_BYTES
        self.slots = threading.Semaphore(min(max_in_flight, hello.limits.max_concurrent_calls or max_in_flight))
        self.in_flight, self.lock = {}, threading.Lock()  # call id -> (method, kind, bytes, sent at)
        self.closed = threading.Event()
        self.reader = threading.Thread(target=self.read_loop, daemon=True)
        self.reader.start()

    def count(self, key, name, amount=1):
        """Adds to one counter of a table of the worker's counters."""
        table = self.stats.setdefault(key, {})
        table[name] = table.get(name, 0) + amount

    def note_latency(self, method, kind, size, outcome, sent_at):
        """Keeps the slowest calls (with when they were sent, on the run's clock)."""
        elapsed_ms = (time.time() - self.epoch - sent_at) * 1000
        entry = (round(elapsed_ms, 1), round(sent_at, 3), method, kind, size, outcome)
        slowest = self.stats["slowest_calls"]
        if len(slowest) < 20:
            heapq.heappush(slowest, entry)
        elif elapsed_ms > slowest[0][0]:
            heapq.heapreplace(slowest, entry)

    def sample(self, name, method, kind, message):
        """Keeps a few examples of the statuses a hostile request should not get."""
        samples = self.stats["unexpected_status_samples"].setdefault(name, [])
        if len(samples) < 5:
            samples.append({"method": method, "payload_kind": kind, "message": message[:200]})

    def read_loop(self):
        """Counts statuses by code (and refusals by rule), responses, GoAways; frees slots."""
        try:
            while True:
                frame = read_frame(self.sock, self.closed)
                kind = frame.WhichOneof("kind")
                if kind == "status":
                    status = frame.status
                    name = status_name(status.code)
                    self.count("statuses", name)
                    rule = status.details[0].rule if status.details else "-"
                    if status.code != 0:
                        self.count("rules", f"{name} {rule}")
                    with self.lock:
                        method, kind, size, sent_at = self.in_flight.pop(status.call_id, ("?", "?", 0, None))
                        if method != "?":
                            self.slots.release()
                    outcome = f"{name} {rule}" if status.code else "OK"
                    self.count("outcomes_by_payload_kind", f"{kind}: {outcome}")
                    self.count("outcomes_by_method", f"{method}: {outcome}")
                    if sent_at is not None:
                        self.note_latency(method, kind, size, outcome, sent_at)
                    if name not in EXPECTED_STATUSES:
                        self.sample(name, method, kind, status.message)
                elif kind == "response":
                    self.stats["responses"] += 1
                elif kind == "go_away":
                    rule = frame.go_away.details[0].rule if frame.go_away.details else "-"
                    self.count("go_aways", f"{status_name(frame.go_away.code)} {rule}")
        except (ConnectionError, OSError, struct.error) as error:
            if not self.closed.is_set():
                self.count("connection_ends", type(error).__name__)
        except Exception as error:  # noqa: BLE001 - e.g. a frame that does not decode
            self.count("connection_ends", type(error).__name__)
        finally:
            self.closed.set()
            with self.lock:
                self.stats["calls_without_status"] += len(self.in_flight)
                self.in_flight.clear()

    def send_call(self, call_id, method, kind, payload, timeout_ms):
        """Writes one Request frame, after noting the call as in flight."""
        with self.lock:
            self.in_flight[call_id] = (method["path"], kind, len(payload), time.time() - self.epoch)
        self.sock.sendall(request_frame(call_id, method["path"], payload, timeout_ms))

    def finish(self, grace_s=2.0):
        """Lets the calls in flight answer for a moment, then closes."""
        end = time.monotonic() + grace_s
        while time.monotonic() < end and not self.closed.is_set():
            with self.lock:
                if not self.in_flight:
                    break
            time.sleep(0.05)
        self.closed.set()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.reader.join(5)


def fuzz_worker(number, port, api_key, methods, config, stop, results):
    """One fuzz worker process: opens connection after connection until the deadline or `stop`,
    each for a random number of calls, and puts its counters on `results`."""
    if config.get("nice"):
        # Below the server and the probe for the CPU: the figures then show the server, not the
        # scheduler sharing two cores among the workers.
        os.nice(config["nice"])
    rng = random.Random(config["seed"] * 1000 + number)
    stats = {"worker": number, "connections": 0, "connect_failures": {}, "calls_sent": 0, "responses": 0,
             "calls_without_status": 0, "statuses": {}, "rules": {}, "go_aways": {}, "connection_ends": {},
             "payload_kinds": {}, "bytes_sent": 0, "send_errors": 0, "outcomes_by_payload_kind": {},
             "unexpected_status_samples": {}, "outcomes_by_method": {}, "slowest_calls": []}
    deadline = time.monotonic() + config["duration"]
    key = api_key
    while time.monotonic() < deadline and not stop.is_set():
        try:
            sock, hello = open_connection(port, api_key=key, client_name=f"hostile-load/fuzz-{number}")
        except HandshakeRefused as error:
            table = stats["connect_failures"]
            table[str(error)[:80]] = table.get(str(error)[:80], 0) + 1
            if "UNAUTHENTICATED" in str(error):
                key = ""  # a fuzzed call revoked the admin key: go on without one
            time.sleep(0.2)
            continue
        except OSError as error:
            table = stats["connect_failures"]
            table[type(error).__name__] = table.get(type(error).__name__, 0) + 1
            time.sleep(0.2)
            continue
        stats["connections"] += 1
        sock.settimeout(10.0)
        connection = FuzzConnection(sock, hello, stats, config["max_in_flight"], config["epoch"])
        limit = min(config["max_payload_bytes"], connection.max_frame - 1024)
        call_id, budget = 0, rng.randint(200, 3_000)
        while (budget > 0 and time.monotonic() < deadline and not stop.is_set()
               and not connection.closed.is_set()):
            if not connection.slots.acquire(timeout=0.5):
                continue
            method = rng.choice(methods)
            kind, payload = hostile_payload(rng, method, limit, config["payload_mix"])
            call_id += rng.randint(1, 3)
            try:
                connection.send_call(call_id, method, kind, payload, config["call_timeout_ms"])
            except OSError:
                stats["send_errors"] += 1
                break
            budget -= 1
            stats["calls_sent"] += 1
            stats["bytes_sent"] += len(payload)
            stats["payload_kinds"][kind] = stats["payload_kinds"].get(kind, 0) + 1
        connection.finish()
    results.put(stats)


def merge_counters(total, part):
    """Adds the counters of one worker to the totals (numbers and tables of numbers)."""
    for name, value in part.items():
        if name == "worker":
            continue
        if name == "slowest_calls":
            merged = sorted(total.get(name, []) + [list(entry) for entry in value], reverse=True)[:20]
            total[name] = merged
        elif name == "unexpected_status_samples":
            for status, samples in value.items():
                kept = total.setdefault(name, {}).setdefault(status, [])
                kept.extend(samples[:5 - len(kept)])
        elif isinstance(value, dict):
            table = total.setdefault(name, {})
            for key, count in value.items():
                table[key] = table.get(key, 0) + count
        else:
            total[name] = total.get(name, 0) + value
    return total


def run_fuzz(server, args):
    """--workers processes fuzz for --duration seconds while the probe and the sampler watch."""
    api_key = server.admin_key()
    methods = discover_methods(server.port, api_key)
    pattern = re.compile(args.exclude) if args.exclude else None
    methods = [m for m in methods if not (pattern and pattern.search(m["path"]))]
    if not methods:
        raise SystemExit("reflection gave no method to fuzz")
    context = multiprocessing.get_context("spawn")
    stop_workers, results = context.Event(), context.Queue()
    config = {"seed": args.seed, "duration": args.duration, "max_in_flight": args.max_in_flight,
              "max_payload_bytes": args.max_payload_bytes, "call_timeout_ms": args.call_timeout_ms,
              "payload_mix": args.payload_mix, "epoch": time.time(), "nice": args.nice}
    stop = threading.Event()
    sampler = RssSampler(server, args.rss_guard_mib, stop, config["epoch"])
    probe = HealthProbe(server.port, stop, config["epoch"])
    sampler.start()
    probe.start()
    time.sleep(1.0)  # a second of idle figures first
    workers = [context.Process(target=fuzz_worker, daemon=True,
                               args=(n, server.port, api_key, methods, config, stop_workers, results))
               for n in range(args.workers)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    while time.monotonic() - started < args.duration and server.alive():
        time.sleep(0.1)
    if not server.alive():
        stop_workers.set()
    loaded_for = time.monotonic() - started
    died = server.exit_description()
    totals, reported = {}, 0
    collect_until = time.monotonic() + 30  # a worker ends within ~20 s of the deadline
    while reported < len(workers) and time.monotonic() < collect_until:
        try:
            merge_counters(totals, results.get(timeout=1))
            reported += 1
        except Exception:  # noqa: BLE001 - queue.Empty: keep waiting until the deadline
            pass
    for worker in workers:
        worker.join(1)
        if worker.is_alive():
            worker.terminate()
    settle_rss = rss_kb(server.pid) if server.alive() else None
    server_cpu = cpu_seconds(server.pid)
    # The workers have been joined: their CPU time is in RUSAGE_CHILDREN.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    metrics = server_metrics(server.port) if server.alive() else None
    stop.set()
    sampler.join(5)
    probe.join(PROBE_TIMEOUT_S + 5)
    return {
        "methods_fuzzed": len(methods),
        "workers": args.workers, "workers_reported": reported,
        "loaded_for_s": round(loaded_for, 2),
        "died_during_load": died,
        "rss": sampler.summary(),
        "rss_after_workers_stopped_mib": None if settle_rss is None else round(settle_rss / 1024, 1),
        "server_cpu_s": server_cpu,
        "load_generator_cpu_s": round(children.ru_utime + children.ru_stime, 2),
        "probe": probe.summary(),
        "load": totals,
        "metrics_at_end": metrics,
    }


# --------------------------------------------------------------------------- report


def file_sha256(path):
    """The SHA-256 of a file (which binary was measured)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def machine():
    """nproc and MemTotal of this machine."""
    memory = None
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    return {"nproc": os.cpu_count(), "mem_total_gib": memory}


def human_summary(report):
    """A few lines for people."""
    result, rss, probe = report["result"], report["result"]["rss"], report["result"]["probe"]
    lines = [f"scenario {report['scenario']} against {report['server']['binary']} "
             f"({report['duration_s']} s; machine {report['machine']['nproc']} cores, "
             f"{report['machine']['mem_total_gib']} GiB)"]
    lines.append(f"  RSS: first {rss.get('first_mib')} MiB, peak {rss.get('peak_mib')} MiB at {rss.get('peak_at_s')} s, "
                 f"final {rss.get('final_mib')} MiB" + (f"; GUARD KILLED it at {rss['guard_kill']}" if rss.get("guard_kill") else ""))
    died = result["died_during_load"]
    lines.append("  server: " + ("survived the load" if died is None else f"DIED during the load: {died}")
                 + f"; after the run: {report['server']['exit']}")
    if probe["count"]:
        lines.append(f"  Health/Check: {probe['count']} answers, max {probe['max_ms']} ms, p99 {probe['p99_ms']} ms, "
                     f"p50 {probe['p50_ms']} ms, over 100 ms {probe['over_100ms']}, over 2 s {probe['over_2s']}, "
                     f"failures (no answer within {PROBE_TIMEOUT_S:.0f} s, or refused) {probe['failures']}, "
                     f"longest without an answer {probe['longest_without_answer_s']} s")
    else:
        lines.append(f"  Health/Check: no answer; failures {probe['failures']}")
    if "workers_reported" in result and result["workers_reported"] < result["workers"]:
        lines.append(f"  WARNING: only {result['workers_reported']} of {result['workers']} workers reported their counters")
    load = result.get("load")
    if load:
        lines.append(f"  calls sent {load.get('calls_sent', 0)} on {load.get('connections', 0)} connections, "
                     f"{round(load.get('bytes_sent', 0) / 2**20)} MiB of payload; statuses {load.get('statuses', {})}")
        top_rules = sorted(load.get("rules", {}).items(), key=lambda item: -item[1])[:8]
        lines.append(f"  top refusals: {dict(top_rules)}")
        if load.get("go_aways"):
            lines.append(f"  GoAways: {load['go_aways']}")
        if load.get("unexpected_status_samples"):
            lines.append(f"  unexpected statuses: {sorted(load['unexpected_status_samples'])} (samples in the JSON)")
        slow = load.get("slowest_calls", [])[:3]
        if slow:
            lines.append("  slowest calls: " + "; ".join(f"{ms:.0f} ms {method} ({kind}, {size} B, {outcome}) sent at {at} s"
                                                       for ms, at, method, kind, size, outcome in slow))
        lines.append(f"  CPU: server {result.get('server_cpu_s')} s, load generator {result.get('load_generator_cpu_s')} s")
    if result.get("metrics_at_end"):
        m = result["metrics_at_end"]
        if "streams_waiting_for_peer" in m:
            lines.append(f"  metrics at end: streams_waiting_for_peer {m['streams_waiting_for_peer']}, "
                         f"stalled_connections {m['stalled_connections']}, open_connections {m['open_connections']}")
    return "\n".join(lines)


def parse_arguments(argv=None):
    """The command line, checked against the tool's bounds."""
    parser = argparse.ArgumentParser(
        description="Hostile-input load on a thidua-server of its own (127.0.0.1 only): server RSS and "
                    "Health/Check latency under a client that never reads (non-reader) or under fuzzed "
                    "hostile payloads (fuzz). Prints a summary; writes JSON to --output (or stdout).",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--server", required=True, help="the thidua-server binary to start")
    parser.add_argument("--scenario", required=True, choices=["non-reader", "fuzz"])
    parser.add_argument("--duration", type=float, default=20.0, help=f"seconds of load (at most {MAX_DURATION_S})")
    parser.add_argument("--payload-bytes", type=int, default=1 << 20,
                        help="non-reader: Echo/Stream payload size (64 KiB to 4 MiB minus the frame overhead)")
    parser.add_argument("--rcvbuf", type=int, default=4096, help="non-reader: SO_RCVBUF of the client that never reads")
    parser.add_argument("--workers", type=int, default=4, help=f"fuzz: worker processes (at most {MAX_WORKERS})")
    parser.add_argument("--nice", type=int, default=0,
                        help="fuzz: niceness of the worker processes (19 lets the server and the probe go first)")
    parser.add_argument("--max-in-flight", type=int, default=256, help="fuzz: calls in flight per connection (at most 256)")
    parser.add_argument("--max-payload-bytes", type=int, default=MAX_PAYLOAD_BYTES,
                        help="fuzz: largest payload (also kept under the server's max_frame_bytes)")
    parser.add_argument("--payload-mix", choices=sorted(PAYLOAD_MIXES), default="mixed",
                        help="fuzz: mixed = random bytes, repeated fields of 1,001 to a million items, long "
                             "strings, NULs, deep nesting, unknown fields; heavy = only million-item repeated "
                             "fields and frame-filling strings")
    parser.add_argument("--call-timeout-ms", type=int, default=5000, help="fuzz: timeout_ms of each call")
    parser.add_argument("--exclude", default="", help="fuzz: regular expression of method paths not to call")
    parser.add_argument("--seed", type=int, default=None, help="fuzz: random seed (default: from the clock)")
    parser.add_argument("--rss-guard-mib", type=int, default=6144, help="SIGKILL the server past this RSS (MiB)")
    parser.add_argument("--server-log-level", default="warning", help="--log-level given to the server")
    parser.add_argument("--server-arg", action="append", default=[], help="one more argument for the server (repeatable)")
    parser.add_argument("--output", help="write the JSON report to this file (default: stdout, after the summary)")
    parser.add_argument("--keep-data", action="store_true", help="keep the server's data directory and log")
    args = parser.parse_args(argv)
    if not 0 < args.duration <= MAX_DURATION_S:
        parser.error(f"--duration must be in (0, {MAX_DURATION_S}]")
    if not 1 <= args.workers <= MAX_WORKERS:
        parser.error(f"--workers must be in [1, {MAX_WORKERS}]")
    if not 1 <= args.max_in_flight <= 256:
        parser.error("--max-in-flight must be in [1, 256]")
    if not 64 * 1024 <= args.payload_bytes <= MAX_PAYLOAD_BYTES - 1024:
        parser.error("--payload-bytes must be between 64 KiB and 4 MiB minus 1 KiB")
    if not 1024 <= args.max_payload_bytes <= MAX_PAYLOAD_BYTES:
        parser.error("--max-payload-bytes must be between 1 KiB and 4 MiB")
    if args.seed is None:
        args.seed = int(time.time())
    return args


def main(argv=None):
    """Starts the server, runs the scenario, stops the server, reports."""
    args = parse_arguments(argv)
    extra = (["--log-level", args.server_log_level] if args.server_log_level else []) + args.server_arg
    server = Server(args.server, extra).start()
    report = {"scenario": args.scenario, "duration_s": args.duration, "seed": args.seed, "machine": machine(),
              "started_at_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "load_average_at_start": load_average(),
              "server": {"binary": server.binary, "binary_mtime_utc": time.strftime(
                  "%Y-%m-%dT%H:%M:%SZ", time.gmtime(os.path.getmtime(server.binary))),
                  "sha256": file_sha256(server.binary), "args": extra, "pid": server.pid, "port": server.port}}
    if args.scenario == "fuzz":
        report["parameters"] = {"workers": args.workers, "max_in_flight": args.max_in_flight,
                                "max_payload_bytes": args.max_payload_bytes, "call_timeout_ms": args.call_timeout_ms,
                                "payload_mix": args.payload_mix, "exclude": args.exclude}
    else:
        report["parameters"] = {"payload_bytes": args.payload_bytes, "rcvbuf": args.rcvbuf}
    try:
        runner = run_fuzz if args.scenario == "fuzz" else run_non_reader
        report["result"] = runner(server, args)
    finally:
        report["server"]["exit"] = server.stop()
        report["server"]["guard_killed"] = server.guard_killed
        if server.guard_killed or report.get("result", {}).get("died_during_load"):
            report["server"]["log_tail"] = server.log_tail()
        report["server"]["work_dir"] = server.work_dir if args.keep_data else None
        server.cleanup(args.keep_data)
    report["finished_at_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    report["load_average_at_end"] = load_average()
    print(human_summary(report))
    text = json.dumps(report, indent=2)
    if args.output:
        with open(args.output, "w") as handle:
            handle.write(text + "\n")
        print(f"JSON report: {args.output}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
