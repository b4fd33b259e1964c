from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

COMMUNE_TOWN: Sector
COMMUNE_UNION: UnitKind
CONFEDERATION: UnitKind
DESCRIPTOR: _descriptor.FileDescriptor
DISTRICT_FEDERATION: UnitKind
FOREIGN_INVESTED_ENTERPRISE: Sector
GRASSROOTS_UNION: UnitKind
INDUSTRIAL_PARK_UNION: UnitKind
NON_STATE_ENTERPRISE: Sector
PROVINCIAL_FEDERATION: UnitKind
PUBLIC_AGENCY: Sector
SCHOOL: Sector
SECTOR_UNION: UnitKind
SECTOR_UNSPECIFIED: Sector
STATE_ENTERPRISE: Sector
UNIT_KIND_UNSPECIFIED: UnitKind

class Cluster(_message.Message):
    __slots__ = ["head_unit_id", "id", "name", "unit_ids", "year"]
    HEAD_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_IDS_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    head_unit_id: str
    id: str
    name: str
    unit_ids: _containers.RepeatedScalarFieldContainer[str]
    year: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., year: _Optional[int] = ..., head_unit_id: _Optional[str] = ..., unit_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateClusterRequest(_message.Message):
    __slots__ = ["head_unit_id", "name", "unit_ids", "year"]
    HEAD_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_IDS_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    head_unit_id: str
    name: str
    unit_ids: _containers.RepeatedScalarFieldContainer[str]
    year: int
    def __init__(self, name: _Optional[str] = ..., year: _Optional[int] = ..., head_unit_id: _Optional[str] = ..., unit_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateUnitRequest(_message.Message):
    __slots__ = ["code", "fully_state_funded", "kind", "name", "parent_id", "sector", "valid_from"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FULLY_STATE_FUNDED_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    code: str
    fully_state_funded: bool
    kind: UnitKind
    name: str
    parent_id: str
    sector: Sector
    valid_from: str
    def __init__(self, parent_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[UnitKind, str]] = ..., sector: _Optional[_Union[Sector, str]] = ..., code: _Optional[str] = ..., valid_from: _Optional[str] = ..., fully_state_funded: bool = ...) -> None: ...

class DissolveUnitRequest(_message.Message):
    __slots__ = ["decision", "effective_on", "id", "reason", "transfer_members_to"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_MEMBERS_TO_FIELD_NUMBER: _ClassVar[int]
    decision: str
    effective_on: str
    id: str
    reason: str
    transfer_members_to: str
    def __init__(self, id: _Optional[str] = ..., effective_on: _Optional[str] = ..., decision: _Optional[str] = ..., reason: _Optional[str] = ..., transfer_members_to: _Optional[str] = ...) -> None: ...

class GetUnitRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListClustersRequest(_message.Message):
    __slots__ = ["page", "year"]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    year: int
    def __init__(self, year: _Optional[int] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListClustersResponse(_message.Message):
    __slots__ = ["clusters", "next_page_token"]
    CLUSTERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    clusters: _containers.RepeatedCompositeFieldContainer[Cluster]
    next_page_token: str
    def __init__(self, clusters: _Optional[_Iterable[_Union[Cluster, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListUnitEventsRequest(_message.Message):
    __slots__ = ["page", "root_id"]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ROOT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    root_id: str
    def __init__(self, root_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListUnitEventsResponse(_message.Message):
    __slots__ = ["events", "next_page_token"]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[UnitEvent]
    next_page_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[UnitEvent, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListUnitsRequest(_message.Message):
    __slots__ = ["include_dissolved", "kind", "page", "root_id", "sector"]
    INCLUDE_DISSOLVED_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ROOT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    include_dissolved: bool
    kind: UnitKind
    page: _common_pb2.PageRequest
    root_id: str
    sector: Sector
    def __init__(self, root_id: _Optional[str] = ..., kind: _Optional[_Union[UnitKind, str]] = ..., sector: _Optional[_Union[Sector, str]] = ..., include_dissolved: bool = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListUnitsResponse(_message.Message):
    __slots__ = ["next_page_token", "units"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    units: _containers.RepeatedCompositeFieldContainer[Unit]
    def __init__(self, units: _Optional[_Iterable[_Union[Unit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class MergeUnitsRequest(_message.Message):
    __slots__ = ["decision", "effective_on", "source_ids", "target_id"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_ON_FIELD_NUMBER: _ClassVar[int]
    SOURCE_IDS_FIELD_NUMBER: _ClassVar[int]
    TARGET_ID_FIELD_NUMBER: _ClassVar[int]
    decision: str
    effective_on: str
    source_ids: _containers.RepeatedScalarFieldContainer[str]
    target_id: str
    def __init__(self, source_ids: _Optional[_Iterable[str]] = ..., target_id: _Optional[str] = ..., effective_on: _Optional[str] = ..., decision: _Optional[str] = ...) -> None: ...

class MoveUnitRequest(_message.Message):
    __slots__ = ["decision", "effective_on", "id", "new_parent_id"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NEW_PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    decision: str
    effective_on: str
    id: str
    new_parent_id: str
    def __init__(self, id: _Optional[str] = ..., new_parent_id: _Optional[str] = ..., effective_on: _Optional[str] = ..., decision: _Optional[str] = ...) -> None: ...

class Unit(_message.Message):
    __slots__ = ["code", "depth", "fully_state_funded", "id", "kind", "name", "parent_id", "sector", "valid_from", "valid_to"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DEPTH_FIELD_NUMBER: _ClassVar[int]
    FULLY_STATE_FUNDED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_TO_FIELD_NUMBER: _ClassVar[int]
    code: str
    depth: int
    fully_state_funded: bool
    id: str
    kind: UnitKind
    name: str
    parent_id: str
    sector: Sector
    valid_from: str
    valid_to: str
    def __init__(self, id: _Optional[str] = ..., parent_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[UnitKind, str]] = ..., sector: _Optional[_Union[Sector, str]] = ..., code: _Optional[str] = ..., valid_from: _Optional[str] = ..., valid_to: _Optional[str] = ..., fully_state_funded: bool = ..., depth: _Optional[int] = ...) -> None: ...

class UnitEvent(_message.Message):
    __slots__ = ["decision", "effective_on", "from_unit_id", "id", "kind", "members_moved", "to_unit_id", "unit_id"]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_ON_FIELD_NUMBER: _ClassVar[int]
    FROM_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_MOVED_FIELD_NUMBER: _ClassVar[int]
    TO_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    decision: str
    effective_on: str
    from_unit_id: str
    id: str
    kind: str
    members_moved: int
    to_unit_id: str
    unit_id: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., unit_id: _Optional[str] = ..., from_unit_id: _Optional[str] = ..., to_unit_id: _Optional[str] = ..., effective_on: _Optional[str] = ..., decision: _Optional[str] = ..., members_moved: _Optional[int] = ...) -> None: ...

class UpdateUnitRequest(_message.Message):
    __slots__ = ["code", "fully_state_funded", "id", "name", "reason", "sector", "update_mask"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FULLY_STATE_FUNDED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    code: str
    fully_state_funded: bool
    id: str
    name: str
    reason: str
    sector: Sector
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., code: _Optional[str] = ..., sector: _Optional[_Union[Sector, str]] = ..., fully_state_funded: bool = ..., reason: _Optional[str] = ..., update_mask: _Optional[_Iterable[str]] = ...) -> None: ...

class UnitKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Sector(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
