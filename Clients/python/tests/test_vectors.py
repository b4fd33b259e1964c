"""The shared wire vectors (Tests/vectors/frames.txt) against this client's framing code, and the
invalid ones against a live server."""

from __future__ import annotations

import dataclasses

import pytest

from thidua_client import ConnectionClosed, FrameReader, StatusCode, encode_frame
from thidua.wire.v1 import frame_pb2

from conftest import ServerProcess, raw_connection
from thidua_vectors import (
    Vector,
    VectorMismatch,
    check_refused,
    check_valid,
    decode_vector,
    load_vectors,
    parse_vectors,
    set_field_paths,
    unlisted_fields,
)

VECTORS = load_vectors()
VALID = [v for v in VECTORS if v.valid]
INVALID = [v for v in VECTORS if not v.valid]

def by_name(vectors: list[Vector]) -> list[object]:
    return [pytest.param(v, id=v.name) for v in vectors]


def test_the_vector_file_is_well_formed() -> None:
    names = [v.name for v in VECTORS]
    assert len(names) == len(set(names)), "vector names repeat"
    assert len(VALID) >= 10 and len(INVALID) >= 5
    for vector in VECTORS:
        assert vector.direction in ("client", "server"), vector.name
        assert vector.data, vector.name
        if vector.valid:
            assert vector.fields, vector.name
        else:
            rule, code = vector.refuse or ("", "")
            assert code in StatusCode.__members__, vector.name
            assert not vector.fields, vector.name


@pytest.mark.parametrize("vector", by_name(VALID))
def test_valid_vector_decodes_to_its_fields_and_reencodes_exactly(vector: Vector) -> None:
    frame = check_valid(vector)
    assert frame.WhichOneof("kind") == vector.fields[0][0].split(".")[0]


@pytest.mark.parametrize("vector", by_name(VALID))
def test_valid_vector_lists_every_field_set(vector: Vector) -> None:
    assert unlisted_fields(vector) == set()


@pytest.mark.parametrize("vector", by_name(INVALID))
def test_invalid_vector_is_refused_by_the_frame_reader(vector: Vector) -> None:
    check_refused(vector)


# -- the checks can fail -------------------------------------------------------------------


@pytest.mark.parametrize("vector", by_name(VALID))
def test_a_flipped_byte_in_a_valid_vector_fails(vector: Vector) -> None:
    """Every byte matters: flipping any one of them, in an in-memory copy, fails the check."""
    survivors = []
    for index in range(len(vector.data)):
        for mask in (0x01, 0x80, 0xFF):
            mutated = bytearray(vector.data)
            mutated[index] ^= mask
            try:
                check_valid(vector, bytes(mutated))
            except VectorMismatch:
                continue
            survivors.append((index, mask))
    assert survivors == []


@pytest.mark.parametrize("vector", by_name(VALID))
def test_a_changed_field_value_fails(vector: Vector) -> None:
    path, value = vector.fields[0]
    changed = dataclasses.replace(vector, fields=[(path, value + "1")] + vector.fields[1:])
    with pytest.raises((VectorMismatch, ValueError)):
        check_valid(changed)
    missing = dataclasses.replace(vector, fields=[(path + "_x", value)] + vector.fields[1:])
    with pytest.raises(VectorMismatch):
        check_valid(missing)


@pytest.mark.parametrize("vector", by_name(VALID))
def test_a_dropped_field_line_is_noticed(vector: Vector) -> None:
    set_paths = set_field_paths(decode_vector(vector))
    dropped_any = False
    for index, (path, _) in enumerate(vector.fields):
        if path in set_paths:
            fields = vector.fields[:index] + vector.fields[index + 1:]
            shorter = dataclasses.replace(vector, fields=fields)
            assert unlisted_fields(shorter) == {path}
            dropped_any = True
    assert dropped_any


@pytest.mark.parametrize("vector", by_name(INVALID))
def test_a_mutated_invalid_vector_fails(vector: Vector) -> None:
    rule, code = vector.refuse or ("", "")
    with pytest.raises(VectorMismatch):
        check_refused(vector, refuse=("frame.other", code))
    with pytest.raises(VectorMismatch):
        check_refused(vector, refuse=(rule, "OK"))
    ping = encode_frame(frame_pb2.Frame(ping=frame_pb2.Ping(opaque=1)))
    with pytest.raises(VectorMismatch):
        check_refused(vector, data=ping)  # a valid frame is not refused
    with pytest.raises(VectorMismatch):
        check_refused(vector, data=vector.data[:3])  # a cut header is not a refusal


def test_the_parser_rejects_a_malformed_file() -> None:
    with pytest.raises(ValueError):
        parse_vectors("vector a\nhex 00\n")  # no end
    with pytest.raises(ValueError):
        parse_vectors("field x 1\n")  # outside a vector
    with pytest.raises(ValueError):
        parse_vectors("vector a\nbogus 1\nend\n")


def test_worked_example_of_section_12() -> None:
    """The request of PROTOCOL.md §12, built from fields, encodes to the documented bytes."""
    frame = frame_pb2.Frame(request=frame_pb2.Request(
        call_id=1, method="thidua.host.v1.Echo/Unary", timeout_ms=1000,
        payload=bytes.fromhex("0a026869")))
    assert encode_frame(frame).hex() == (
        "000000281a26080112197468696475612e686f73742e76312e4563686f2f556e61727920e8072a040a026869")


# -- the live server refuses each invalid vector -------------------------------------------


def _frames_until_close(reader: FrameReader) -> list[frame_pb2.Frame]:
    frames = []
    while True:
        try:
            frames.append(reader.read_frame())
        except ConnectionClosed as error:
            assert not error.partial, "the server closed inside a frame"
            return frames


@pytest.mark.parametrize("after_hello", [False, True], ids=["first_frame", "after_hello"])
@pytest.mark.parametrize("vector", by_name(INVALID))
def test_server_answers_an_invalid_vector_with_go_away(
        server: ServerProcess, vector: Vector, after_hello: bool) -> None:
    rule, code = vector.refuse or ("", "")
    with raw_connection(server) as (sock, reader):
        if after_hello:
            sock.sendall(encode_frame(frame_pb2.Frame(client_hello=frame_pb2.ClientHello(
                protocol_version=1, client_name="pytest-vectors"))))
            assert reader.read_frame().WhichOneof("kind") == "server_hello"
        sock.sendall(vector.data)
        frames = _frames_until_close(reader)
    assert [f.WhichOneof("kind") for f in frames] == ["go_away"]
    go_away = frames[0].go_away
    assert frame_pb2.StatusCode.Name(go_away.code) == code
    assert go_away.details and go_away.details[0].rule == rule
    assert go_away.message
