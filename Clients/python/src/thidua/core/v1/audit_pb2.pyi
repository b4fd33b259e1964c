from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuditRecord(_message.Message):
    __slots__ = ["at_unix_ms", "id", "key_id", "method", "new_value_json", "old_value_json", "reason", "target_id", "target_type", "unit_id"]
    AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_JSON_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_JSON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    at_unix_ms: int
    id: int
    key_id: str
    method: str
    new_value_json: str
    old_value_json: str
    reason: str
    target_id: str
    target_type: str
    unit_id: str
    def __init__(self, id: _Optional[int] = ..., at_unix_ms: _Optional[int] = ..., key_id: _Optional[str] = ..., method: _Optional[str] = ..., target_type: _Optional[str] = ..., target_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., old_value_json: _Optional[str] = ..., new_value_json: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListAuditRecordsRequest(_message.Message):
    __slots__ = ["from_unix_ms", "page", "to_unix_ms", "unit_id"]
    FROM_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TO_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    from_unix_ms: int
    page: _common_pb2.PageRequest
    to_unix_ms: int
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., from_unix_ms: _Optional[int] = ..., to_unix_ms: _Optional[int] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListAuditRecordsResponse(_message.Message):
    __slots__ = ["next_page_token", "records"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    records: _containers.RepeatedCompositeFieldContainer[AuditRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[AuditRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
