from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ApiKeyInfo(_message.Message):
    __slots__ = ["created_at_unix_ms", "created_by_key_id", "key_id", "label", "permissions", "revoke_reason", "revoked", "unit_id"]
    CREATED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    REVOKE_REASON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    created_at_unix_ms: int
    created_by_key_id: str
    key_id: str
    label: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    revoke_reason: str
    revoked: bool
    unit_id: str
    def __init__(self, key_id: _Optional[str] = ..., label: _Optional[str] = ..., unit_id: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., created_at_unix_ms: _Optional[int] = ..., created_by_key_id: _Optional[str] = ..., revoked: bool = ..., revoke_reason: _Optional[str] = ...) -> None: ...

class ListKeysRequest(_message.Message):
    __slots__ = ["page"]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListKeysResponse(_message.Message):
    __slots__ = ["keys", "next_page_token"]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[ApiKeyInfo]
    next_page_token: str
    def __init__(self, keys: _Optional[_Iterable[_Union[ApiKeyInfo, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class MintKeyRequest(_message.Message):
    __slots__ = ["label", "permissions", "unit_id"]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    label: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    unit_id: str
    def __init__(self, label: _Optional[str] = ..., unit_id: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ...) -> None: ...

class MintKeyResponse(_message.Message):
    __slots__ = ["api_key", "key"]
    API_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    api_key: str
    key: ApiKeyInfo
    def __init__(self, key: _Optional[_Union[ApiKeyInfo, _Mapping]] = ..., api_key: _Optional[str] = ...) -> None: ...

class RevokeKeyRequest(_message.Message):
    __slots__ = ["key_id", "reason"]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    key_id: str
    reason: str
    def __init__(self, key_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class WhoAmIRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...
