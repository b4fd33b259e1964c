from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DescribeServiceRequest(_message.Message):
    __slots__ = ["service"]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: str
    def __init__(self, service: _Optional[str] = ...) -> None: ...

class DescribeServiceResponse(_message.Message):
    __slots__ = ["file_descriptors", "service"]
    FILE_DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    file_descriptors: _containers.RepeatedScalarFieldContainer[bytes]
    service: ServiceDescription
    def __init__(self, service: _Optional[_Union[ServiceDescription, _Mapping]] = ..., file_descriptors: _Optional[_Iterable[bytes]] = ...) -> None: ...

class ListServicesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListServicesResponse(_message.Message):
    __slots__ = ["services"]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    services: _containers.RepeatedCompositeFieldContainer[ServiceDescription]
    def __init__(self, services: _Optional[_Iterable[_Union[ServiceDescription, _Mapping]]] = ...) -> None: ...

class MethodDescription(_message.Message):
    __slots__ = ["input_type", "name", "output_type", "path", "permission", "server_streaming"]
    INPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_STREAMING_FIELD_NUMBER: _ClassVar[int]
    input_type: str
    name: str
    output_type: str
    path: str
    permission: str
    server_streaming: bool
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., input_type: _Optional[str] = ..., output_type: _Optional[str] = ..., server_streaming: bool = ..., permission: _Optional[str] = ...) -> None: ...

class ServiceDescription(_message.Message):
    __slots__ = ["methods", "module_id", "name"]
    METHODS_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    methods: _containers.RepeatedCompositeFieldContainer[MethodDescription]
    module_id: str
    name: str
    def __init__(self, name: _Optional[str] = ..., methods: _Optional[_Iterable[_Union[MethodDescription, _Mapping]]] = ..., module_id: _Optional[str] = ...) -> None: ...
