from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

APPLICATION_STATUS_UNSPECIFIED: ApplicationStatus
APPLIED: ApplicationStatus
APPLIED_TECHNOLOGY: InitiativeKind
DESCRIPTOR: _descriptor.FileDescriptor
DIRECT_WORKER: WorkerCategory
FILED: InitiativeState
INITIATIVE_KIND_UNSPECIFIED: InitiativeKind
INITIATIVE_STATE_UNSPECIFIED: InitiativeState
IN_REVIEW: InitiativeState
MANAGERIAL: InitiativeKind
MIDDLE_MANAGER: WorkerCategory
NOT_APPLIED: ApplicationStatus
OPERATIONAL: InitiativeKind
PUBLISHED: InitiativeState
RECOGNISED: InitiativeState
RETURNED: InitiativeState
SENIOR_MANAGER: WorkerCategory
TECHNICAL: InitiativeKind
TECHNICAL_STAFF: WorkerCategory
TRIAL_APPLIED: ApplicationStatus
WITHDRAWN: InitiativeState
WORKER_CATEGORY_UNSPECIFIED: WorkerCategory

class BenefitBand(_message.Message):
    __slots__ = ["category", "min_benefit_vnd"]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MIN_BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    category: WorkerCategory
    min_benefit_vnd: int
    def __init__(self, category: _Optional[_Union[WorkerCategory, str]] = ..., min_benefit_vnd: _Optional[int] = ...) -> None: ...

class BenefitBandSet(_message.Message):
    __slots__ = ["bands", "by_author_share", "effective_from", "regulation"]
    BANDS_FIELD_NUMBER: _ClassVar[int]
    BY_AUTHOR_SHARE_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    bands: _containers.RepeatedCompositeFieldContainer[BenefitBand]
    by_author_share: bool
    effective_from: str
    regulation: str
    def __init__(self, regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., by_author_share: bool = ..., bands: _Optional[_Iterable[_Union[BenefitBand, _Mapping]]] = ...) -> None: ...

class CreativeLabourCandidate(_message.Message):
    __slots__ = ["band_vnd", "benefit_vnd", "category", "full_name", "initiative_ids", "member_id", "unit_id"]
    BAND_VND_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INITIATIVE_IDS_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    band_vnd: int
    benefit_vnd: int
    category: WorkerCategory
    full_name: str
    initiative_ids: _containers.RepeatedScalarFieldContainer[str]
    member_id: str
    unit_id: str
    def __init__(self, member_id: _Optional[str] = ..., full_name: _Optional[str] = ..., unit_id: _Optional[str] = ..., category: _Optional[_Union[WorkerCategory, str]] = ..., band_vnd: _Optional[int] = ..., benefit_vnd: _Optional[int] = ..., initiative_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreativeLabourCandidatesRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "to", "unit_id"]
    FROM_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    to: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., to: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., **kwargs) -> None: ...

class CreativeLabourCandidatesResponse(_message.Message):
    __slots__ = ["bands", "candidates", "next_page_token"]
    BANDS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    bands: BenefitBandSet
    candidates: _containers.RepeatedCompositeFieldContainer[CreativeLabourCandidate]
    next_page_token: str
    def __init__(self, bands: _Optional[_Union[BenefitBandSet, _Mapping]] = ..., candidates: _Optional[_Iterable[_Union[CreativeLabourCandidate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DecidedInitiative(_message.Message):
    __slots__ = ["application", "authors", "benefit_note", "benefit_vnd", "first_applied_on", "kind", "summary", "title"]
    APPLICATION_FIELD_NUMBER: _ClassVar[int]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_NOTE_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPLIED_ON_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    application: ApplicationStatus
    authors: _containers.RepeatedCompositeFieldContainer[InitiativeAuthor]
    benefit_note: str
    benefit_vnd: int
    first_applied_on: str
    kind: InitiativeKind
    summary: str
    title: str
    def __init__(self, title: _Optional[str] = ..., summary: _Optional[str] = ..., kind: _Optional[_Union[InitiativeKind, str]] = ..., authors: _Optional[_Iterable[_Union[InitiativeAuthor, _Mapping]]] = ..., application: _Optional[_Union[ApplicationStatus, str]] = ..., first_applied_on: _Optional[str] = ..., benefit_vnd: _Optional[int] = ..., benefit_note: _Optional[str] = ...) -> None: ...

class EmulationSoldierCondition(_message.Message):
    __slots__ = ["full_name", "initiative_ids", "meets", "member_id"]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INITIATIVE_IDS_FIELD_NUMBER: _ClassVar[int]
    MEETS_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    initiative_ids: _containers.RepeatedScalarFieldContainer[str]
    meets: bool
    member_id: str
    def __init__(self, member_id: _Optional[str] = ..., full_name: _Optional[str] = ..., meets: bool = ..., initiative_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class EmulationSoldierConditionRequest(_message.Message):
    __slots__ = ["member_ids", "to"]
    FROM_FIELD_NUMBER: _ClassVar[int]
    MEMBER_IDS_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    member_ids: _containers.RepeatedScalarFieldContainer[str]
    to: str
    def __init__(self, member_ids: _Optional[_Iterable[str]] = ..., to: _Optional[str] = ..., **kwargs) -> None: ...

class EmulationSoldierConditionResponse(_message.Message):
    __slots__ = ["members"]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[EmulationSoldierCondition]
    def __init__(self, members: _Optional[_Iterable[_Union[EmulationSoldierCondition, _Mapping]]] = ...) -> None: ...

class FileInitiativeRequest(_message.Message):
    __slots__ = ["application", "authors", "benefit_note", "benefit_vnd", "campaign_id", "first_applied_on", "kind", "summary", "title", "unit_id"]
    APPLICATION_FIELD_NUMBER: _ClassVar[int]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_NOTE_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPLIED_ON_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    application: ApplicationStatus
    authors: _containers.RepeatedCompositeFieldContainer[InitiativeAuthor]
    benefit_note: str
    benefit_vnd: int
    campaign_id: str
    first_applied_on: str
    kind: InitiativeKind
    summary: str
    title: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., title: _Optional[str] = ..., summary: _Optional[str] = ..., kind: _Optional[_Union[InitiativeKind, str]] = ..., authors: _Optional[_Iterable[_Union[InitiativeAuthor, _Mapping]]] = ..., application: _Optional[_Union[ApplicationStatus, str]] = ..., first_applied_on: _Optional[str] = ..., benefit_vnd: _Optional[int] = ..., benefit_note: _Optional[str] = ...) -> None: ...

class GetInitiativeRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ImportDecidedRegisterRequest(_message.Message):
    __slots__ = ["campaign_id", "decider_unit_id", "decision_date", "decision_number", "initiatives", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DECIDER_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    decider_unit_id: str
    decision_date: str
    decision_number: str
    initiatives: _containers.RepeatedCompositeFieldContainer[DecidedInitiative]
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., decider_unit_id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., initiatives: _Optional[_Iterable[_Union[DecidedInitiative, _Mapping]]] = ...) -> None: ...

class ImportDecidedRegisterResponse(_message.Message):
    __slots__ = ["benefit_vnd", "counted", "imported", "initiative_ids", "unit_id"]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_FIELD_NUMBER: _ClassVar[int]
    INITIATIVE_IDS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    benefit_vnd: int
    counted: int
    imported: int
    initiative_ids: _containers.RepeatedScalarFieldContainer[str]
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., imported: _Optional[int] = ..., counted: _Optional[int] = ..., benefit_vnd: _Optional[int] = ..., initiative_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class Initiative(_message.Message):
    __slots__ = ["application", "authors", "benefit_note", "benefit_vnd", "campaign_id", "counted", "decision_number", "filed_on", "first_applied_on", "history", "id", "kind", "recognised_on", "register_number", "review_id", "state", "summary", "title", "unit_id"]
    APPLICATION_FIELD_NUMBER: _ClassVar[int]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_NOTE_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FILED_ON_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPLIED_ON_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_ON_FIELD_NUMBER: _ClassVar[int]
    REGISTER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    application: ApplicationStatus
    authors: _containers.RepeatedCompositeFieldContainer[InitiativeAuthor]
    benefit_note: str
    benefit_vnd: int
    campaign_id: str
    counted: bool
    decision_number: str
    filed_on: str
    first_applied_on: str
    history: _containers.RepeatedCompositeFieldContainer[InitiativeStep]
    id: str
    kind: InitiativeKind
    recognised_on: str
    register_number: int
    review_id: str
    state: InitiativeState
    summary: str
    title: str
    unit_id: str
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., register_number: _Optional[int] = ..., title: _Optional[str] = ..., summary: _Optional[str] = ..., kind: _Optional[_Union[InitiativeKind, str]] = ..., authors: _Optional[_Iterable[_Union[InitiativeAuthor, _Mapping]]] = ..., application: _Optional[_Union[ApplicationStatus, str]] = ..., first_applied_on: _Optional[str] = ..., benefit_vnd: _Optional[int] = ..., benefit_note: _Optional[str] = ..., state: _Optional[_Union[InitiativeState, str]] = ..., filed_on: _Optional[str] = ..., review_id: _Optional[str] = ..., recognised_on: _Optional[str] = ..., decision_number: _Optional[str] = ..., counted: bool = ..., history: _Optional[_Iterable[_Union[InitiativeStep, _Mapping]]] = ...) -> None: ...

class InitiativeAuthor(_message.Message):
    __slots__ = ["category", "full_name", "member_id", "share_percent"]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    SHARE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    category: WorkerCategory
    full_name: str
    member_id: str
    share_percent: int
    def __init__(self, member_id: _Optional[str] = ..., full_name: _Optional[str] = ..., share_percent: _Optional[int] = ..., category: _Optional[_Union[WorkerCategory, str]] = ...) -> None: ...

class InitiativeStep(_message.Message):
    __slots__ = ["action", "at", "key_id", "reason", "review_id", "state"]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    action: str
    at: int
    key_id: str
    reason: str
    review_id: str
    state: InitiativeState
    def __init__(self, at: _Optional[int] = ..., action: _Optional[str] = ..., state: _Optional[_Union[InitiativeState, str]] = ..., key_id: _Optional[str] = ..., reason: _Optional[str] = ..., review_id: _Optional[str] = ...) -> None: ...

class InnovationReport(_message.Message):
    __slots__ = ["by_kind", "campaign_id", "campaign_title", "children", "ends_on", "starts_on", "total"]
    BY_KIND_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_TITLE_FIELD_NUMBER: _ClassVar[int]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    by_kind: _containers.RepeatedCompositeFieldContainer[KindTally]
    campaign_id: str
    campaign_title: str
    children: _containers.RepeatedCompositeFieldContainer[InnovationTally]
    ends_on: str
    starts_on: str
    total: InnovationTally
    def __init__(self, campaign_id: _Optional[str] = ..., campaign_title: _Optional[str] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ..., total: _Optional[_Union[InnovationTally, _Mapping]] = ..., children: _Optional[_Iterable[_Union[InnovationTally, _Mapping]]] = ..., by_kind: _Optional[_Iterable[_Union[KindTally, _Mapping]]] = ...) -> None: ...

class InnovationReportRequest(_message.Message):
    __slots__ = ["campaign_id", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ...) -> None: ...

class InnovationTally(_message.Message):
    __slots__ = ["counted", "filed", "in_review", "recognised", "recognised_authors", "recognised_benefit_vnd", "returned", "unit_id", "unit_name", "withdrawn"]
    COUNTED_FIELD_NUMBER: _ClassVar[int]
    FILED_FIELD_NUMBER: _ClassVar[int]
    IN_REVIEW_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_AUTHORS_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    RETURNED_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_FIELD_NUMBER: _ClassVar[int]
    counted: int
    filed: int
    in_review: int
    recognised: int
    recognised_authors: int
    recognised_benefit_vnd: int
    returned: int
    unit_id: str
    unit_name: str
    withdrawn: int
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., filed: _Optional[int] = ..., in_review: _Optional[int] = ..., returned: _Optional[int] = ..., recognised: _Optional[int] = ..., counted: _Optional[int] = ..., withdrawn: _Optional[int] = ..., recognised_benefit_vnd: _Optional[int] = ..., recognised_authors: _Optional[int] = ...) -> None: ...

class KindTally(_message.Message):
    __slots__ = ["kind", "recognised", "recognised_benefit_vnd"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    kind: InitiativeKind
    recognised: int
    recognised_benefit_vnd: int
    def __init__(self, kind: _Optional[_Union[InitiativeKind, str]] = ..., recognised: _Optional[int] = ..., recognised_benefit_vnd: _Optional[int] = ...) -> None: ...

class ListAuthorInitiativesRequest(_message.Message):
    __slots__ = ["member_id", "page_size", "page_token"]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    member_id: str
    page_size: int
    page_token: str
    def __init__(self, member_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBenefitBandSetsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListBenefitBandSetsResponse(_message.Message):
    __slots__ = ["sets"]
    SETS_FIELD_NUMBER: _ClassVar[int]
    sets: _containers.RepeatedCompositeFieldContainer[BenefitBandSet]
    def __init__(self, sets: _Optional[_Iterable[_Union[BenefitBandSet, _Mapping]]] = ...) -> None: ...

class ListInitiativesRequest(_message.Message):
    __slots__ = ["campaign_id", "include_history", "include_subtree", "page_size", "page_token", "state", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_SUBTREE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    include_history: bool
    include_subtree: bool
    page_size: int
    page_token: str
    state: InitiativeState
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., include_subtree: bool = ..., campaign_id: _Optional[str] = ..., state: _Optional[_Union[InitiativeState, str]] = ..., include_history: bool = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInitiativesResponse(_message.Message):
    __slots__ = ["initiatives", "next_page_token"]
    INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    initiatives: _containers.RepeatedCompositeFieldContainer[Initiative]
    next_page_token: str
    def __init__(self, initiatives: _Optional[_Iterable[_Union[Initiative, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SubmitInitiativeRequest(_message.Message):
    __slots__ = ["decider_unit_id", "id", "summary"]
    DECIDER_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    decider_unit_id: str
    id: str
    summary: str
    def __init__(self, id: _Optional[str] = ..., decider_unit_id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class UpdateInitiativeRequest(_message.Message):
    __slots__ = ["application", "authors", "benefit_note", "benefit_vnd", "first_applied_on", "id", "kind", "reason", "summary", "title", "update_mask"]
    APPLICATION_FIELD_NUMBER: _ClassVar[int]
    AUTHORS_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_NOTE_FIELD_NUMBER: _ClassVar[int]
    BENEFIT_VND_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPLIED_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    application: ApplicationStatus
    authors: _containers.RepeatedCompositeFieldContainer[InitiativeAuthor]
    benefit_note: str
    benefit_vnd: int
    first_applied_on: str
    id: str
    kind: InitiativeKind
    reason: str
    summary: str
    title: str
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., update_mask: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., summary: _Optional[str] = ..., kind: _Optional[_Union[InitiativeKind, str]] = ..., authors: _Optional[_Iterable[_Union[InitiativeAuthor, _Mapping]]] = ..., application: _Optional[_Union[ApplicationStatus, str]] = ..., first_applied_on: _Optional[str] = ..., benefit_vnd: _Optional[int] = ..., benefit_note: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class WithdrawInitiativeRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class InitiativeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ApplicationStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class InitiativeState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class WorkerCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
