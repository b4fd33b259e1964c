from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Change(_message.Message):
    __slots__ = ["at_unix_ms", "cursor", "entity", "entity_id", "entity_type", "operation", "unit_id"]
    AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    at_unix_ms: int
    cursor: int
    entity: bytes
    entity_id: str
    entity_type: str
    operation: str
    unit_id: str
    def __init__(self, cursor: _Optional[int] = ..., at_unix_ms: _Optional[int] = ..., entity_type: _Optional[str] = ..., entity_id: _Optional[str] = ..., operation: _Optional[str] = ..., unit_id: _Optional[str] = ..., entity: _Optional[bytes] = ...) -> None: ...

class ListChangesRequest(_message.Message):
    __slots__ = ["after_cursor", "limit"]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    after_cursor: int
    limit: int
    def __init__(self, after_cursor: _Optional[int] = ..., limit: _Optional[int] = ...) -> None: ...

class ListChangesResponse(_message.Message):
    __slots__ = ["changes", "next_cursor"]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[Change]
    next_cursor: int
    def __init__(self, changes: _Optional[_Iterable[_Union[Change, _Mapping]]] = ..., next_cursor: _Optional[int] = ...) -> None: ...

class WatchChangesRequest(_message.Message):
    __slots__ = ["after_cursor"]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    after_cursor: int
    def __init__(self, after_cursor: _Optional[int] = ...) -> None: ...
