from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetInfoRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetInfoResponse(_message.Message):
    __slots__ = ["modules", "open_connections", "protocol_version", "server_version", "started_at_unix_ms"]
    MODULES_FIELD_NUMBER: _ClassVar[int]
    OPEN_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    modules: _containers.RepeatedCompositeFieldContainer[ModuleInfo]
    open_connections: int
    protocol_version: int
    server_version: str
    started_at_unix_ms: int
    def __init__(self, server_version: _Optional[str] = ..., protocol_version: _Optional[int] = ..., modules: _Optional[_Iterable[_Union[ModuleInfo, _Mapping]]] = ..., started_at_unix_ms: _Optional[int] = ..., open_connections: _Optional[int] = ...) -> None: ...

class GetMetricsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GetMetricsResponse(_message.Message):
    __slots__ = ["accepted_connections", "methods", "open_connections", "refused_connections", "stalled_connections", "streams_waiting_for_peer"]
    ACCEPTED_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    METHODS_FIELD_NUMBER: _ClassVar[int]
    OPEN_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    REFUSED_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    STALLED_CONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    STREAMS_WAITING_FOR_PEER_FIELD_NUMBER: _ClassVar[int]
    accepted_connections: int
    methods: _containers.RepeatedCompositeFieldContainer[MethodMetrics]
    open_connections: int
    refused_connections: int
    stalled_connections: int
    streams_waiting_for_peer: int
    def __init__(self, methods: _Optional[_Iterable[_Union[MethodMetrics, _Mapping]]] = ..., open_connections: _Optional[int] = ..., accepted_connections: _Optional[int] = ..., refused_connections: _Optional[int] = ..., stalled_connections: _Optional[int] = ..., streams_waiting_for_peer: _Optional[int] = ...) -> None: ...

class MethodMetrics(_message.Message):
    __slots__ = ["by_status", "calls", "path", "total_latency_micros"]
    class ByStatusEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    CALLS_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    TOTAL_LATENCY_MICROS_FIELD_NUMBER: _ClassVar[int]
    by_status: _containers.ScalarMap[str, int]
    calls: int
    path: str
    total_latency_micros: int
    def __init__(self, path: _Optional[str] = ..., calls: _Optional[int] = ..., by_status: _Optional[_Mapping[str, int]] = ..., total_latency_micros: _Optional[int] = ...) -> None: ...

class ModuleInfo(_message.Message):
    __slots__ = ["id", "services", "version"]
    ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    services: _containers.RepeatedScalarFieldContainer[str]
    version: str
    def __init__(self, id: _Optional[str] = ..., version: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ...) -> None: ...
