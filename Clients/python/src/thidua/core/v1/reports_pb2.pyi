from thidua.core.v1 import awards_pb2 as _awards_pb2
from thidua.core.v1 import units_pb2 as _units_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AwardCount(_message.Message):
    __slots__ = ["count", "form_code", "form_name", "issuing_kind", "recipients"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    FORM_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUING_KIND_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    count: int
    form_code: str
    form_name: str
    issuing_kind: _units_pb2.UnitKind
    recipients: _awards_pb2.RecipientKind
    def __init__(self, form_code: _Optional[str] = ..., form_name: _Optional[str] = ..., issuing_kind: _Optional[_Union[_units_pb2.UnitKind, str]] = ..., recipients: _Optional[_Union[_awards_pb2.RecipientKind, str]] = ..., count: _Optional[int] = ...) -> None: ...

class AwardSummaryRequest(_message.Message):
    __slots__ = ["campaign_id", "to", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    to: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., to: _Optional[str] = ..., campaign_id: _Optional[str] = ..., **kwargs) -> None: ...

class AwardSummaryResponse(_message.Message):
    __slots__ = ["collective_awards", "counts", "individual_awards", "unit_id"]
    COLLECTIVE_AWARDS_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    INDIVIDUAL_AWARDS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    collective_awards: int
    counts: _containers.RepeatedCompositeFieldContainer[AwardCount]
    individual_awards: int
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., counts: _Optional[_Iterable[_Union[AwardCount, _Mapping]]] = ..., collective_awards: _Optional[int] = ..., individual_awards: _Optional[int] = ...) -> None: ...

class CampaignRegistrations(_message.Message):
    __slots__ = ["campaign_id", "module", "people", "title", "units", "units_by_sector"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNITS_BY_SECTOR_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    module: str
    people: int
    title: str
    units: int
    units_by_sector: _containers.RepeatedCompositeFieldContainer[SectorCount]
    def __init__(self, campaign_id: _Optional[str] = ..., module: _Optional[str] = ..., title: _Optional[str] = ..., units_by_sector: _Optional[_Iterable[_Union[SectorCount, _Mapping]]] = ..., units: _Optional[int] = ..., people: _Optional[int] = ...) -> None: ...

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

class RegistrationSummaryRequest(_message.Message):
    __slots__ = ["unit_id", "year"]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class RegistrationSummaryResponse(_message.Message):
    __slots__ = ["campaigns", "unit_id"]
    CAMPAIGNS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaigns: _containers.RepeatedCompositeFieldContainer[CampaignRegistrations]
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., campaigns: _Optional[_Iterable[_Union[CampaignRegistrations, _Mapping]]] = ...) -> None: ...

class SectorCount(_message.Message):
    __slots__ = ["count", "sector"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    count: int
    sector: _units_pb2.Sector
    def __init__(self, sector: _Optional[_Union[_units_pb2.Sector, str]] = ..., count: _Optional[int] = ...) -> None: ...
