from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
PROPOSED: WorkAndHomeState
PUBLISHED: WorkAndHomeState
RECOGNISED: WorkAndHomeState
REGISTERED: WorkAndHomeState
RETURNED: WorkAndHomeState
SELF_ASSESSED: WorkAndHomeState
WORK_AND_HOME_STATE_UNSPECIFIED: WorkAndHomeState

class GetWorkAndHomeCriteriaRequest(_message.Message):
    __slots__ = ["year"]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    year: int
    def __init__(self, year: _Optional[int] = ...) -> None: ...

class GetWorkAndHomeRegistrationRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListWorkAndHomeRegistrationsRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "state", "unit_id", "year"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    state: WorkAndHomeState
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ..., state: _Optional[_Union[WorkAndHomeState, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListWorkAndHomeRegistrationsResponse(_message.Message):
    __slots__ = ["next_page_token", "registrations"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REGISTRATIONS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    registrations: _containers.RepeatedCompositeFieldContainer[WorkAndHomeRegistration]
    def __init__(self, registrations: _Optional[_Iterable[_Union[WorkAndHomeRegistration, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ProposeWorkAndHomeRequest(_message.Message):
    __slots__ = ["id", "summary"]
    ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    id: str
    summary: str
    def __init__(self, id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class RegisterWorkAndHomeRequest(_message.Message):
    __slots__ = ["campaign_id", "member_id", "registered_on"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_ON_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    member_id: str
    registered_on: str
    def __init__(self, campaign_id: _Optional[str] = ..., member_id: _Optional[str] = ..., registered_on: _Optional[str] = ...) -> None: ...

class SelfAssessWorkAndHomeRequest(_message.Message):
    __slots__ = ["assessments", "id"]
    ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    assessments: _containers.RepeatedCompositeFieldContainer[WorkAndHomeAssessment]
    id: str
    def __init__(self, id: _Optional[str] = ..., assessments: _Optional[_Iterable[_Union[WorkAndHomeAssessment, _Mapping]]] = ...) -> None: ...

class WorkAndHomeAssessment(_message.Message):
    __slots__ = ["criterion_code", "evidence", "met", "note"]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    MET_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    met: bool
    note: str
    def __init__(self, criterion_code: _Optional[str] = ..., met: bool = ..., note: _Optional[str] = ..., evidence: _Optional[_Iterable[str]] = ...) -> None: ...

class WorkAndHomeCriteria(_message.Message):
    __slots__ = ["criteria", "effective_from", "guidance", "title", "version"]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    GUIDANCE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    criteria: _containers.RepeatedCompositeFieldContainer[WorkAndHomeCriterion]
    effective_from: str
    guidance: str
    title: str
    version: int
    def __init__(self, version: _Optional[int] = ..., title: _Optional[str] = ..., guidance: _Optional[str] = ..., effective_from: _Optional[str] = ..., criteria: _Optional[_Iterable[_Union[WorkAndHomeCriterion, _Mapping]]] = ...) -> None: ...

class WorkAndHomeCriterion(_message.Message):
    __slots__ = ["code", "description", "name"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    description: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class WorkAndHomeFigures(_message.Message):
    __slots__ = ["in_review", "recognised", "registered", "returned"]
    IN_REVIEW_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_FIELD_NUMBER: _ClassVar[int]
    RETURNED_FIELD_NUMBER: _ClassVar[int]
    in_review: int
    recognised: int
    registered: int
    returned: int
    def __init__(self, registered: _Optional[int] = ..., in_review: _Optional[int] = ..., returned: _Optional[int] = ..., recognised: _Optional[int] = ...) -> None: ...

class WorkAndHomeRegistration(_message.Message):
    __slots__ = ["assessed_on", "assessments", "campaign_id", "criteria_version", "id", "member_id", "member_name", "recognised_on", "registered_on", "return_reason", "review_id", "round", "state", "unit_id", "year"]
    ASSESSED_ON_FIELD_NUMBER: _ClassVar[int]
    ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_VERSION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_NAME_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_ON_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_ON_FIELD_NUMBER: _ClassVar[int]
    RETURN_REASON_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    assessed_on: str
    assessments: _containers.RepeatedCompositeFieldContainer[WorkAndHomeAssessment]
    campaign_id: str
    criteria_version: int
    id: str
    member_id: str
    member_name: str
    recognised_on: str
    registered_on: str
    return_reason: str
    review_id: str
    round: int
    state: WorkAndHomeState
    unit_id: str
    year: int
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., member_id: _Optional[str] = ..., member_name: _Optional[str] = ..., unit_id: _Optional[str] = ..., year: _Optional[int] = ..., criteria_version: _Optional[int] = ..., state: _Optional[_Union[WorkAndHomeState, str]] = ..., registered_on: _Optional[str] = ..., assessments: _Optional[_Iterable[_Union[WorkAndHomeAssessment, _Mapping]]] = ..., assessed_on: _Optional[str] = ..., review_id: _Optional[str] = ..., round: _Optional[int] = ..., return_reason: _Optional[str] = ..., recognised_on: _Optional[str] = ...) -> None: ...

class WorkAndHomeReport(_message.Message):
    __slots__ = ["sectors", "total", "unit_id", "units", "year"]
    SECTORS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    sectors: _containers.RepeatedCompositeFieldContainer[WorkAndHomeSectorFigures]
    total: WorkAndHomeFigures
    unit_id: str
    units: _containers.RepeatedCompositeFieldContainer[WorkAndHomeUnitFigures]
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ..., units: _Optional[_Iterable[_Union[WorkAndHomeUnitFigures, _Mapping]]] = ..., sectors: _Optional[_Iterable[_Union[WorkAndHomeSectorFigures, _Mapping]]] = ..., total: _Optional[_Union[WorkAndHomeFigures, _Mapping]] = ...) -> None: ...

class WorkAndHomeReportRequest(_message.Message):
    __slots__ = ["unit_id", "year"]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class WorkAndHomeSectorFigures(_message.Message):
    __slots__ = ["figures", "sector"]
    FIGURES_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    figures: WorkAndHomeFigures
    sector: int
    def __init__(self, sector: _Optional[int] = ..., figures: _Optional[_Union[WorkAndHomeFigures, _Mapping]] = ...) -> None: ...

class WorkAndHomeUnitFigures(_message.Message):
    __slots__ = ["figures", "sector", "unit_id", "unit_name"]
    FIGURES_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    figures: WorkAndHomeFigures
    sector: int
    unit_id: str
    unit_name: str
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., sector: _Optional[int] = ..., figures: _Optional[_Union[WorkAndHomeFigures, _Mapping]] = ...) -> None: ...

class WorkAndHomeState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
