"""Reads and checks the shared wire vectors of Tests/vectors/frames.txt (format in its header)."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any, Iterator, Optional

from google.protobuf.message import Message

from thidua_client import ConnectionClosed, FrameError, FrameReader, encode_frame
from thidua_client.framing import DEFAULT_MAX_FRAME_BYTES, FIRST_FRAME_MAX_BYTES

REPO = Path(__file__).resolve().parents[3]
VECTORS_FILE = REPO / "Tests" / "vectors" / "frames.txt"


class VectorMismatch(AssertionError):
    """The bytes of a vector do not match what the vector says about them."""


@dataclasses.dataclass
class Vector:
    name: str
    direction: str = ""
    data: bytes = b""
    notes: list[str] = dataclasses.field(default_factory=list)
    fields: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    refuse: Optional[tuple[str, str]] = None  # (RULE, CODE)

    @property
    def valid(self) -> bool:
        return self.refuse is None


def parse_vectors(text: str) -> list[Vector]:
    """Parses the vector file format; raises ValueError on a malformed file."""
    vectors: list[Vector] = []
    current: Optional[Vector] = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "vector":
            if current is not None:
                raise ValueError(f"line {number}: vector {current.name} has no end")
            current = Vector(name=rest.strip())
            continue
        if current is None:
            raise ValueError(f"line {number}: {keyword!r} outside a vector")
        if keyword == "end":
            if not current.data and current.refuse is None and not current.fields:
                raise ValueError(f"vector {current.name} is empty")
            vectors.append(current)
            current = None
        elif keyword == "note":
            current.notes.append(rest)
        elif keyword == "direction":
            if rest not in ("client", "server"):
                raise ValueError(f"line {number}: direction {rest!r}")
            current.direction = rest
        elif keyword == "hex":
            current.data = bytes.fromhex(rest)
        elif keyword == "field":
            path, _, value = rest.partition(" ")  # VALUE is the rest of the line, maybe empty
            current.fields.append((path, value))
        elif keyword == "refuse":
            rule, code = rest.split()
            current.refuse = (rule, code)
        else:
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
    if current is not None:
        raise ValueError(f"vector {current.name} has no end")
    return vectors


def load_vectors() -> list[Vector]:
    return parse_vectors(VECTORS_FILE.read_text(encoding="utf-8"))


# -- field paths ---------------------------------------------------------------------------

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(?:\.|$)")


def _steps(path: str) -> Iterator[tuple[str, Optional[str]]]:
    position = 0
    while position < len(path):
        match = _STEP.match(path, position)
        if match is None or match.end() == position:
            raise VectorMismatch(f"cannot read field path {path!r} at {position}")
        yield match.group(1), match.group(2)
        position = match.end()


def _is_repeated(field: Any) -> bool:
    if hasattr(field, "is_repeated"):  # newer runtimes have no .label
        return bool(field.is_repeated)
    return bool(field.label == field.LABEL_REPEATED)


def _is_map(field: Any) -> bool:
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def resolve(message: Message, path: str) -> tuple[Any, Any, bool]:
    """(value, field descriptor, is_whole_repeated) of the field at ``path`` in ``message``."""
    value: Any = message
    field: Any = None
    whole = False
    for name, key in _steps(path):
        if not isinstance(value, Message):
            raise VectorMismatch(f"{path}: {name} is inside a scalar")
        field = value.DESCRIPTOR.fields_by_name.get(name)
        if field is None:
            raise VectorMismatch(f"{path}: {value.DESCRIPTOR.full_name} has no field {name}")
        value = getattr(value, name)
        whole = _is_repeated(field)
        if key is None:
            continue
        if _is_map(field):
            if key not in value:
                raise VectorMismatch(f"{path}: no map entry {key!r}")
            value = value[key]
            field = field.message_type.fields_by_name["value"]
        elif whole:
            index = int(key)
            if index >= len(value):
                raise VectorMismatch(f"{path}: only {len(value)} elements")
            value = value[index]
        else:
            raise VectorMismatch(f"{path}: {name} is not repeated")
        whole = False
    return value, field, whole


def expected_value(field: Any, text: str) -> Any:
    """The Python value the vector's VALUE text stands for, for a field of this type."""
    if field.message_type is not None:
        if text:
            raise VectorMismatch(f"a message field cannot have the value {text!r}")
        return field.message_type  # compared as "empty"
    if field.enum_type is not None:
        if not text:
            return 0
        number = field.enum_type.values_by_name.get(text)
        if number is None:
            raise VectorMismatch(f"{field.enum_type.full_name} has no value {text}")
        return number.number
    if field.type == field.TYPE_BYTES:
        if not text:
            return b""
        if not text.startswith("hex:"):
            raise VectorMismatch(f"bytes value {text!r} does not start with hex:")
        return bytes.fromhex(text[4:])
    if field.type == field.TYPE_STRING:
        return text
    if field.type == field.TYPE_BOOL:
        return text == "true"
    if field.type in (field.TYPE_FLOAT, field.TYPE_DOUBLE):
        return float(text) if text else 0.0
    return int(text) if text else 0


def check_field(frame: Message, path: str, text: str) -> None:
    value, field, whole = resolve(frame, path)
    if whole:
        if text:
            raise VectorMismatch(f"{path}: a repeated field needs an index")
        if len(value):
            raise VectorMismatch(f"{path}: listed as empty but has {len(value)} elements")
        return
    expected = expected_value(field, text)
    if field.message_type is not None:
        if value.ByteSize() != 0:
            raise VectorMismatch(f"{path}: listed as empty but is {value}")
        return
    if value != expected:
        raise VectorMismatch(f"{path}: decoded {value!r}, the vector says {expected!r}")


def set_field_paths(message: Message, prefix: str = "") -> set[str]:
    """Paths, in the vector syntax, of every field set in ``message`` (leaves only)."""
    paths: set[str] = set()
    for field, value in message.ListFields():
        path = f"{prefix}{field.name}"
        if _is_map(field):
            paths.update(f"{path}[{key}]" for key in value)
        elif _is_repeated(field):
            for index, item in enumerate(value):
                if isinstance(item, Message):
                    paths.update(set_field_paths(item, f"{path}[{index}].") or {f"{path}[{index}]"})
                else:
                    paths.add(f"{path}[{index}]")
        elif isinstance(value, Message):
            paths.update(set_field_paths(value, f"{path}.") or {path})
        else:
            paths.add(path)
    return paths


# -- checks --------------------------------------------------------------------------------


def reader_for(vector: Vector, data: Optional[bytes] = None) -> FrameReader:
    """A frame reader set up as the receiver of this vector's direction would be: a server
    reading a client's first frame applies the 64 KiB limit."""
    return FrameReader(
        io.BytesIO(vector.data if data is None else data),
        max_frame_bytes=DEFAULT_MAX_FRAME_BYTES,
        first_frame_max_bytes=FIRST_FRAME_MAX_BYTES if vector.direction == "client" else None,
        sender=vector.direction or None,
    )


def decode_vector(vector: Vector, data: Optional[bytes] = None) -> Message:
    """The one frame of a valid vector; VectorMismatch if the bytes are not exactly one frame."""
    reader = reader_for(vector, data)
    try:
        frame = reader.read_frame()
    except (FrameError, ConnectionClosed) as error:
        raise VectorMismatch(f"{vector.name}: the frame reader refused it: {error}") from None
    try:
        reader.read_frame()
    except ConnectionClosed as error:
        if error.partial:
            raise VectorMismatch(f"{vector.name}: bytes left after the frame") from None
    except FrameError:
        raise VectorMismatch(f"{vector.name}: bytes left after the frame") from None
    else:
        raise VectorMismatch(f"{vector.name}: more than one frame")
    return frame


def check_valid(vector: Vector, data: Optional[bytes] = None) -> Message:
    """Checks a valid vector: decodes to the listed fields, re-encodes to the same bytes."""
    data = vector.data if data is None else data
    frame = decode_vector(vector, data)
    kind = frame.WhichOneof("kind")
    for path, text in vector.fields:
        if path.split(".", 1)[0].split("[", 1)[0] != kind:
            raise VectorMismatch(f"{vector.name}: field {path} but the frame is a {kind}")
        check_field(frame, path, text)
    encoded = encode_frame(frame)
    if encoded != data:
        raise VectorMismatch(f"{vector.name}: re-encodes to {encoded.hex()}, not {data.hex()}")
    return frame


def unlisted_fields(vector: Vector) -> set[str]:
    """Fields set in a valid vector's frame that its ``field`` lines do not list."""
    frame = decode_vector(vector)
    return set_field_paths(frame) - {path for path, _ in vector.fields}


def check_refused(vector: Vector, data: Optional[bytes] = None,
                  refuse: Optional[tuple[str, str]] = None) -> FrameError:
    """Checks an invalid vector: the frame reader refuses it with the vector's RULE and CODE."""
    rule, code = refuse or vector.refuse or ("", "")
    try:
        frame = reader_for(vector, data).read_frame()
    except FrameError as error:
        if (error.rule, error.code.name) != (rule, code):
            raise VectorMismatch(
                f"{vector.name}: refused with {error.rule} {error.code.name}, "
                f"the vector says {rule} {code}") from None
        return error
    except ConnectionClosed as error:
        raise VectorMismatch(f"{vector.name}: not refused, the bytes ended: {error}") from None
    raise VectorMismatch(f"{vector.name}: accepted as a {frame.WhichOneof('kind')} frame")
