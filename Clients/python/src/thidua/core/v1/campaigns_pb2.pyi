from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CALENDAR_YEAR: PeriodKind
CAMPAIGN_STATE_UNSPECIFIED: CampaignState
CLOSED: CampaignState
DESCRIPTOR: _descriptor.FileDescriptor
DRAFT: CampaignState
INTERIM_REVIEWED: CampaignState
IN_PROGRESS: CampaignState
LAUNCHED: CampaignState
PERIOD_KIND_UNSPECIFIED: PeriodKind
SCHOOL_YEAR: PeriodKind

class AdvanceCampaignRequest(_message.Message):
    __slots__ = ["id", "reason", "to"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    to: CampaignState
    def __init__(self, id: _Optional[str] = ..., to: _Optional[_Union[CampaignState, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class Campaign(_message.Message):
    __slots__ = ["decision_date", "decision_number", "id", "launching_unit_id", "metric", "module", "period", "scope_unit_id", "state", "title"]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LAUNCHING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    MODULE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    SCOPE_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    decision_date: str
    decision_number: str
    id: str
    launching_unit_id: str
    metric: str
    module: str
    period: Period
    scope_unit_id: str
    state: CampaignState
    title: str
    def __init__(self, id: _Optional[str] = ..., module: _Optional[str] = ..., title: _Optional[str] = ..., launching_unit_id: _Optional[str] = ..., scope_unit_id: _Optional[str] = ..., period: _Optional[_Union[Period, _Mapping]] = ..., metric: _Optional[str] = ..., state: _Optional[_Union[CampaignState, str]] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ...) -> None: ...

class CreateCampaignRequest(_message.Message):
    __slots__ = ["launching_unit_id", "metric", "module", "period_kind", "scope_unit_id", "title", "year"]
    LAUNCHING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    MODULE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_KIND_FIELD_NUMBER: _ClassVar[int]
    SCOPE_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    launching_unit_id: str
    metric: str
    module: str
    period_kind: PeriodKind
    scope_unit_id: str
    title: str
    year: int
    def __init__(self, module: _Optional[str] = ..., title: _Optional[str] = ..., launching_unit_id: _Optional[str] = ..., scope_unit_id: _Optional[str] = ..., period_kind: _Optional[_Union[PeriodKind, str]] = ..., year: _Optional[int] = ..., metric: _Optional[str] = ...) -> None: ...

class GetCampaignRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetProgressRequest(_message.Message):
    __slots__ = ["campaign_id", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ...) -> None: ...

class GetProgressResponse(_message.Message):
    __slots__ = ["children", "total"]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    children: _containers.RepeatedCompositeFieldContainer[UnitProgress]
    total: UnitProgress
    def __init__(self, total: _Optional[_Union[UnitProgress, _Mapping]] = ..., children: _Optional[_Iterable[_Union[UnitProgress, _Mapping]]] = ...) -> None: ...

class LaunchCampaignRequest(_message.Message):
    __slots__ = ["decision_date", "decision_number", "id"]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    decision_date: str
    decision_number: str
    id: str
    def __init__(self, id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ...) -> None: ...

class ListCampaignsRequest(_message.Message):
    __slots__ = ["module", "page", "unit_id", "year"]
    MODULE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    module: str
    page: _common_pb2.PageRequest
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., module: _Optional[str] = ..., year: _Optional[int] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListCampaignsResponse(_message.Message):
    __slots__ = ["campaigns", "next_page_token"]
    CAMPAIGNS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    campaigns: _containers.RepeatedCompositeFieldContainer[Campaign]
    next_page_token: str
    def __init__(self, campaigns: _Optional[_Iterable[_Union[Campaign, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRegistrationsRequest(_message.Message):
    __slots__ = ["campaign_id", "page", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page: _common_pb2.PageRequest
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListRegistrationsResponse(_message.Message):
    __slots__ = ["next_page_token", "registrations"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REGISTRATIONS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    registrations: _containers.RepeatedCompositeFieldContainer[Registration]
    def __init__(self, registrations: _Optional[_Iterable[_Union[Registration, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Period(_message.Message):
    __slots__ = ["ends_on", "kind", "rounds", "starts_on", "year"]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ends_on: str
    kind: PeriodKind
    rounds: _containers.RepeatedCompositeFieldContainer[Round]
    starts_on: str
    year: int
    def __init__(self, kind: _Optional[_Union[PeriodKind, str]] = ..., year: _Optional[int] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ..., rounds: _Optional[_Iterable[_Union[Round, _Mapping]]] = ...) -> None: ...

class RankClusterRequest(_message.Message):
    __slots__ = ["campaign_id", "cluster_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    cluster_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., cluster_id: _Optional[str] = ...) -> None: ...

class RankClusterResponse(_message.Message):
    __slots__ = ["cluster_id", "cluster_name", "units"]
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_NAME_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    cluster_id: str
    cluster_name: str
    units: _containers.RepeatedCompositeFieldContainer[UnitProgress]
    def __init__(self, cluster_id: _Optional[str] = ..., cluster_name: _Optional[str] = ..., units: _Optional[_Iterable[_Union[UnitProgress, _Mapping]]] = ...) -> None: ...

class RegisterForCampaignRequest(_message.Message):
    __slots__ = ["campaign_id", "committed", "member_id", "titles", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLES_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    committed: int
    member_id: str
    titles: _containers.RepeatedScalarFieldContainer[str]
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., member_id: _Optional[str] = ..., titles: _Optional[_Iterable[str]] = ..., committed: _Optional[int] = ...) -> None: ...

class Registration(_message.Message):
    __slots__ = ["campaign_id", "committed", "id", "member_id", "registered_on", "titles", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    COMMITTED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_ON_FIELD_NUMBER: _ClassVar[int]
    TITLES_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    committed: int
    id: str
    member_id: str
    registered_on: str
    titles: _containers.RepeatedScalarFieldContainer[str]
    unit_id: str
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., member_id: _Optional[str] = ..., titles: _Optional[_Iterable[str]] = ..., committed: _Optional[int] = ..., registered_on: _Optional[str] = ...) -> None: ...

class ReportProgressRequest(_message.Message):
    __slots__ = ["achieved", "campaign_id", "reason", "unit_id"]
    ACHIEVED_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    achieved: int
    campaign_id: str
    reason: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., achieved: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class Round(_message.Message):
    __slots__ = ["ends_on", "number", "starts_on"]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    ends_on: str
    number: int
    starts_on: str
    def __init__(self, number: _Optional[int] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ...) -> None: ...

class SetTargetRequest(_message.Message):
    __slots__ = ["campaign_id", "planned", "reason", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    planned: int
    reason: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., planned: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class Target(_message.Message):
    __slots__ = ["campaign_id", "planned", "set_by_unit_id", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    SET_BY_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    planned: int
    set_by_unit_id: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., planned: _Optional[int] = ..., set_by_unit_id: _Optional[str] = ...) -> None: ...

class UnitProgress(_message.Message):
    __slots__ = ["achieved", "percent_of_plan", "planned", "rank", "unit_id", "unit_name"]
    ACHIEVED_FIELD_NUMBER: _ClassVar[int]
    PERCENT_OF_PLAN_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    achieved: int
    percent_of_plan: float
    planned: int
    rank: int
    unit_id: str
    unit_name: str
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., planned: _Optional[int] = ..., achieved: _Optional[int] = ..., percent_of_plan: _Optional[float] = ..., rank: _Optional[int] = ...) -> None: ...

class CampaignState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class PeriodKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
