from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class EchoReply(_message.Message):
    __slots__ = ["payload"]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    payload: bytes
    def __init__(self, payload: _Optional[bytes] = ...) -> None: ...

class EchoRequest(_message.Message):
    __slots__ = ["delay_ms", "payload"]
    DELAY_MS_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    delay_ms: int
    payload: bytes
    def __init__(self, payload: _Optional[bytes] = ..., delay_ms: _Optional[int] = ...) -> None: ...

class EchoStreamRequest(_message.Message):
    __slots__ = ["count", "interval_ms", "payload"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_MS_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    count: int
    interval_ms: int
    payload: bytes
    def __init__(self, payload: _Optional[bytes] = ..., count: _Optional[int] = ..., interval_ms: _Optional[int] = ...) -> None: ...
