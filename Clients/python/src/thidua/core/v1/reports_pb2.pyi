from thidua.core.v1 import units_pb2 as _units_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class KindCount(_message.Message):
    __slots__ = ["count", "kind"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    count: int
    kind: _units_pb2.UnitKind
    def __init__(self, kind: _Optional[_Union[_units_pb2.UnitKind, str]] = ..., count: _Optional[int] = ...) -> None: ...

class OrganisationSummaryRequest(_message.Message):
    __slots__ = ["unit_id"]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ...) -> None: ...

class OrganisationSummaryResponse(_message.Message):
    __slots__ = ["grassroots_unions", "grassroots_unions_by_sector", "union_members", "unit_id", "units_by_kind", "women_member_share_permille", "women_union_members", "women_workers", "workers"]
    GRASSROOTS_UNIONS_BY_SECTOR_FIELD_NUMBER: _ClassVar[int]
    GRASSROOTS_UNIONS_FIELD_NUMBER: _ClassVar[int]
    UNION_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    UNITS_BY_KIND_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    WOMEN_MEMBER_SHARE_PERMILLE_FIELD_NUMBER: _ClassVar[int]
    WOMEN_UNION_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    WOMEN_WORKERS_FIELD_NUMBER: _ClassVar[int]
    WORKERS_FIELD_NUMBER: _ClassVar[int]
    grassroots_unions: int
    grassroots_unions_by_sector: _containers.RepeatedCompositeFieldContainer[SectorCount]
    union_members: int
    unit_id: str
    units_by_kind: _containers.RepeatedCompositeFieldContainer[KindCount]
    women_member_share_permille: int
    women_union_members: int
    women_workers: int
    workers: int
    def __init__(self, unit_id: _Optional[str] = ..., units_by_kind: _Optional[_Iterable[_Union[KindCount, _Mapping]]] = ..., grassroots_unions_by_sector: _Optional[_Iterable[_Union[SectorCount, _Mapping]]] = ..., grassroots_unions: _Optional[int] = ..., workers: _Optional[int] = ..., women_workers: _Optional[int] = ..., union_members: _Optional[int] = ..., women_union_members: _Optional[int] = ..., women_member_share_permille: _Optional[int] = ...) -> None: ...

class SectorCount(_message.Message):
    __slots__ = ["count", "sector"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    count: int
    sector: _units_pb2.Sector
    def __init__(self, sector: _Optional[_Union[_units_pb2.Sector, str]] = ..., count: _Optional[int] = ...) -> None: ...
