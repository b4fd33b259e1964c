from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

APPRAISED: GreenCleanState
DESCRIPTOR: _descriptor.FileDescriptor
FATAL_WORK_ACCIDENT: GreenCleanFactKind
GREEN_CLEAN_FACT_KIND_UNSPECIFIED: GreenCleanFactKind
GREEN_CLEAN_STATE_UNSPECIFIED: GreenCleanState
NOT_RECOGNISED: GreenCleanState
OCCUPATIONAL_DISEASE_CASES: GreenCleanFactKind
PROPOSED: GreenCleanState
RECOGNISED: GreenCleanState
REGISTERED: GreenCleanState
RETURNED: GreenCleanState
SELF_ASSESSED: GreenCleanState
SERIOUS_FIRE_OR_EXPLOSION: GreenCleanFactKind
SERIOUS_WORK_ACCIDENT: GreenCleanFactKind
SUBMITTED: GreenCleanState

class DefineGreenCleanSheetRequest(_message.Message):
    __slots__ = ["criteria", "effective_from", "passing_score", "reason", "regulation", "title"]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    PASSING_SCORE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    criteria: _containers.RepeatedCompositeFieldContainer[GreenCleanCriterion]
    effective_from: str
    passing_score: int
    reason: str
    regulation: str
    title: str
    def __init__(self, title: _Optional[str] = ..., regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., passing_score: _Optional[int] = ..., criteria: _Optional[_Iterable[_Union[GreenCleanCriterion, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class GetGreenCleanRegistrationRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetGreenCleanSheetRequest(_message.Message):
    __slots__ = ["version"]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: int
    def __init__(self, version: _Optional[int] = ...) -> None: ...

class GreenCleanAdjustment(_message.Message):
    __slots__ = ["criterion_code", "points", "reason"]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    points: int
    reason: str
    def __init__(self, criterion_code: _Optional[str] = ..., points: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanAppraiseRequest(_message.Message):
    __slots__ = ["adjustments", "id", "note"]
    ADJUSTMENTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    adjustments: _containers.RepeatedCompositeFieldContainer[GreenCleanAdjustment]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., adjustments: _Optional[_Iterable[_Union[GreenCleanAdjustment, _Mapping]]] = ..., note: _Optional[str] = ...) -> None: ...

class GreenCleanCriterion(_message.Message):
    __slots__ = ["code", "max_points", "name"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MAX_POINTS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    max_points: int
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., max_points: _Optional[int] = ...) -> None: ...

class GreenCleanCriterionResult(_message.Message):
    __slots__ = ["adjusted", "adjustment_reason", "appraised_points", "claimed_points", "criterion_code", "criterion_name", "evidence", "max_points", "note"]
    ADJUSTED_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_REASON_FIELD_NUMBER: _ClassVar[int]
    APPRAISED_POINTS_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_POINTS_FIELD_NUMBER: _ClassVar[int]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    CRITERION_NAME_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    MAX_POINTS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    adjusted: bool
    adjustment_reason: str
    appraised_points: int
    claimed_points: int
    criterion_code: str
    criterion_name: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    max_points: int
    note: str
    def __init__(self, criterion_code: _Optional[str] = ..., criterion_name: _Optional[str] = ..., max_points: _Optional[int] = ..., claimed_points: _Optional[int] = ..., evidence: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ..., appraised_points: _Optional[int] = ..., adjusted: bool = ..., adjustment_reason: _Optional[str] = ...) -> None: ...

class GreenCleanDeclineRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanDisqualifier(_message.Message):
    __slots__ = ["description", "fact_id", "kind"]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FACT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    description: str
    fact_id: str
    kind: GreenCleanFactKind
    def __init__(self, fact_id: _Optional[str] = ..., kind: _Optional[_Union[GreenCleanFactKind, str]] = ..., description: _Optional[str] = ...) -> None: ...

class GreenCleanFigures(_message.Message):
    __slots__ = ["appraised", "not_recognised", "proposed", "proposed_upward", "recognised", "registered", "submitted"]
    APPRAISED_FIELD_NUMBER: _ClassVar[int]
    NOT_RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_UPWARD_FIELD_NUMBER: _ClassVar[int]
    RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    appraised: int
    not_recognised: int
    proposed: int
    proposed_upward: int
    recognised: int
    registered: int
    submitted: int
    def __init__(self, registered: _Optional[int] = ..., submitted: _Optional[int] = ..., appraised: _Optional[int] = ..., proposed: _Optional[int] = ..., recognised: _Optional[int] = ..., not_recognised: _Optional[int] = ..., proposed_upward: _Optional[int] = ...) -> None: ...

class GreenCleanProposeRequest(_message.Message):
    __slots__ = ["id", "note"]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GreenCleanProposeUpwardRequest(_message.Message):
    __slots__ = ["form_code", "id", "note"]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    form_code: str
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., form_code: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GreenCleanRecogniseRequest(_message.Message):
    __slots__ = ["decision_date", "decision_number", "id", "reason"]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    decision_date: str
    decision_number: str
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanRegisterRequest(_message.Message):
    __slots__ = ["campaign_id", "registered_on", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_ON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    registered_on: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., registered_on: _Optional[str] = ...) -> None: ...

class GreenCleanRegistration(_message.Message):
    __slots__ = ["appraisal_note", "appraised_on", "appraised_total", "appraising_unit_id", "award_id", "campaign_id", "claimed_total", "decided_on", "decision_date", "decision_number", "decline_reason", "disqualifiers", "id", "passing_score", "proposal_note", "proposed_on", "registered_on", "results", "return_reason", "returned_on", "round", "sheet_version", "state", "submitted_on", "unit_id", "upward_form_code", "upward_note", "upward_proposed_on", "upward_unit_id", "year"]
    APPRAISAL_NOTE_FIELD_NUMBER: _ClassVar[int]
    APPRAISED_ON_FIELD_NUMBER: _ClassVar[int]
    APPRAISED_TOTAL_FIELD_NUMBER: _ClassVar[int]
    APPRAISING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    AWARD_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_TOTAL_FIELD_NUMBER: _ClassVar[int]
    DECIDED_ON_FIELD_NUMBER: _ClassVar[int]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DECLINE_REASON_FIELD_NUMBER: _ClassVar[int]
    DISQUALIFIERS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PASSING_SCORE_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_NOTE_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_ON_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_ON_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    RETURNED_ON_FIELD_NUMBER: _ClassVar[int]
    RETURN_REASON_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    SHEET_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_ON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UPWARD_FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    UPWARD_NOTE_FIELD_NUMBER: _ClassVar[int]
    UPWARD_PROPOSED_ON_FIELD_NUMBER: _ClassVar[int]
    UPWARD_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    appraisal_note: str
    appraised_on: str
    appraised_total: int
    appraising_unit_id: str
    award_id: str
    campaign_id: str
    claimed_total: int
    decided_on: str
    decision_date: str
    decision_number: str
    decline_reason: str
    disqualifiers: _containers.RepeatedCompositeFieldContainer[GreenCleanDisqualifier]
    id: str
    passing_score: int
    proposal_note: str
    proposed_on: str
    registered_on: str
    results: _containers.RepeatedCompositeFieldContainer[GreenCleanCriterionResult]
    return_reason: str
    returned_on: str
    round: int
    sheet_version: int
    state: GreenCleanState
    submitted_on: str
    unit_id: str
    upward_form_code: str
    upward_note: str
    upward_proposed_on: str
    upward_unit_id: str
    year: int
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., year: _Optional[int] = ..., appraising_unit_id: _Optional[str] = ..., sheet_version: _Optional[int] = ..., state: _Optional[_Union[GreenCleanState, str]] = ..., registered_on: _Optional[str] = ..., round: _Optional[int] = ..., results: _Optional[_Iterable[_Union[GreenCleanCriterionResult, _Mapping]]] = ..., claimed_total: _Optional[int] = ..., appraised_total: _Optional[int] = ..., passing_score: _Optional[int] = ..., submitted_on: _Optional[str] = ..., appraised_on: _Optional[str] = ..., appraisal_note: _Optional[str] = ..., returned_on: _Optional[str] = ..., return_reason: _Optional[str] = ..., proposed_on: _Optional[str] = ..., proposal_note: _Optional[str] = ..., decided_on: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., award_id: _Optional[str] = ..., decline_reason: _Optional[str] = ..., upward_unit_id: _Optional[str] = ..., upward_form_code: _Optional[str] = ..., upward_note: _Optional[str] = ..., upward_proposed_on: _Optional[str] = ..., disqualifiers: _Optional[_Iterable[_Union[GreenCleanDisqualifier, _Mapping]]] = ...) -> None: ...

class GreenCleanReportRequest(_message.Message):
    __slots__ = ["from_year", "to_year", "unit_id"]
    FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    TO_YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    from_year: int
    to_year: int
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., from_year: _Optional[int] = ..., to_year: _Optional[int] = ...) -> None: ...

class GreenCleanReportResponse(_message.Message):
    __slots__ = ["from_year", "to_year", "unit_id", "units_recognised", "units_registered", "years"]
    FROM_YEAR_FIELD_NUMBER: _ClassVar[int]
    TO_YEAR_FIELD_NUMBER: _ClassVar[int]
    UNITS_RECOGNISED_FIELD_NUMBER: _ClassVar[int]
    UNITS_REGISTERED_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    from_year: int
    to_year: int
    unit_id: str
    units_recognised: int
    units_registered: int
    years: _containers.RepeatedCompositeFieldContainer[GreenCleanYearFigures]
    def __init__(self, unit_id: _Optional[str] = ..., from_year: _Optional[int] = ..., to_year: _Optional[int] = ..., years: _Optional[_Iterable[_Union[GreenCleanYearFigures, _Mapping]]] = ..., units_registered: _Optional[int] = ..., units_recognised: _Optional[int] = ...) -> None: ...

class GreenCleanReturnRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanSafetyFact(_message.Message):
    __slots__ = ["cases", "description", "id", "kind", "occurred_on", "recorded_on", "reference", "retract_reason", "retracted_on", "unit_id", "year"]
    CASES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    RECORDED_ON_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    RETRACTED_ON_FIELD_NUMBER: _ClassVar[int]
    RETRACT_REASON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    cases: int
    description: str
    id: str
    kind: GreenCleanFactKind
    occurred_on: str
    recorded_on: str
    reference: str
    retract_reason: str
    retracted_on: str
    unit_id: str
    year: int
    def __init__(self, id: _Optional[str] = ..., unit_id: _Optional[str] = ..., kind: _Optional[_Union[GreenCleanFactKind, str]] = ..., year: _Optional[int] = ..., occurred_on: _Optional[str] = ..., cases: _Optional[int] = ..., description: _Optional[str] = ..., reference: _Optional[str] = ..., recorded_on: _Optional[str] = ..., retracted_on: _Optional[str] = ..., retract_reason: _Optional[str] = ...) -> None: ...

class GreenCleanScore(_message.Message):
    __slots__ = ["criterion_code", "evidence", "note", "points"]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    note: str
    points: int
    def __init__(self, criterion_code: _Optional[str] = ..., points: _Optional[int] = ..., evidence: _Optional[_Iterable[str]] = ..., note: _Optional[str] = ...) -> None: ...

class GreenCleanSectorFigures(_message.Message):
    __slots__ = ["figures", "sector"]
    FIGURES_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    figures: GreenCleanFigures
    sector: int
    def __init__(self, sector: _Optional[int] = ..., figures: _Optional[_Union[GreenCleanFigures, _Mapping]] = ...) -> None: ...

class GreenCleanSelfAssessRequest(_message.Message):
    __slots__ = ["id", "reason", "scores"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    scores: _containers.RepeatedCompositeFieldContainer[GreenCleanScore]
    def __init__(self, id: _Optional[str] = ..., scores: _Optional[_Iterable[_Union[GreenCleanScore, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanSheet(_message.Message):
    __slots__ = ["criteria", "effective_from", "max_score", "passing_score", "regulation", "title", "version"]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    MAX_SCORE_FIELD_NUMBER: _ClassVar[int]
    PASSING_SCORE_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    criteria: _containers.RepeatedCompositeFieldContainer[GreenCleanCriterion]
    effective_from: str
    max_score: int
    passing_score: int
    regulation: str
    title: str
    version: int
    def __init__(self, version: _Optional[int] = ..., title: _Optional[str] = ..., regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., passing_score: _Optional[int] = ..., max_score: _Optional[int] = ..., criteria: _Optional[_Iterable[_Union[GreenCleanCriterion, _Mapping]]] = ...) -> None: ...

class GreenCleanSubmitRequest(_message.Message):
    __slots__ = ["id", "note"]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GreenCleanYearFigures(_message.Message):
    __slots__ = ["sectors", "total", "year"]
    SECTORS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    sectors: _containers.RepeatedCompositeFieldContainer[GreenCleanSectorFigures]
    total: GreenCleanFigures
    year: int
    def __init__(self, year: _Optional[int] = ..., total: _Optional[_Union[GreenCleanFigures, _Mapping]] = ..., sectors: _Optional[_Iterable[_Union[GreenCleanSectorFigures, _Mapping]]] = ...) -> None: ...

class ListGreenCleanRegistrationsRequest(_message.Message):
    __slots__ = ["campaign_id", "page_size", "page_token", "state", "unit_id", "year"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page_size: int
    page_token: str
    state: GreenCleanState
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., year: _Optional[int] = ..., state: _Optional[_Union[GreenCleanState, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListGreenCleanRegistrationsResponse(_message.Message):
    __slots__ = ["next_page_token", "registrations"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REGISTRATIONS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    registrations: _containers.RepeatedCompositeFieldContainer[GreenCleanRegistration]
    def __init__(self, registrations: _Optional[_Iterable[_Union[GreenCleanRegistration, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListGreenCleanSafetyFactsRequest(_message.Message):
    __slots__ = ["include_retracted", "page_size", "page_token", "unit_id", "year"]
    INCLUDE_RETRACTED_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    include_retracted: bool
    page_size: int
    page_token: str
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ..., include_retracted: bool = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListGreenCleanSafetyFactsResponse(_message.Message):
    __slots__ = ["facts", "next_page_token"]
    FACTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    facts: _containers.RepeatedCompositeFieldContainer[GreenCleanSafetyFact]
    next_page_token: str
    def __init__(self, facts: _Optional[_Iterable[_Union[GreenCleanSafetyFact, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListGreenCleanSheetsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListGreenCleanSheetsResponse(_message.Message):
    __slots__ = ["sheets"]
    SHEETS_FIELD_NUMBER: _ClassVar[int]
    sheets: _containers.RepeatedCompositeFieldContainer[GreenCleanSheet]
    def __init__(self, sheets: _Optional[_Iterable[_Union[GreenCleanSheet, _Mapping]]] = ...) -> None: ...

class RecordGreenCleanSafetyFactRequest(_message.Message):
    __slots__ = ["cases", "description", "kind", "occurred_on", "reference", "unit_id", "year"]
    CASES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    cases: int
    description: str
    kind: GreenCleanFactKind
    occurred_on: str
    reference: str
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., kind: _Optional[_Union[GreenCleanFactKind, str]] = ..., occurred_on: _Optional[str] = ..., year: _Optional[int] = ..., cases: _Optional[int] = ..., description: _Optional[str] = ..., reference: _Optional[str] = ...) -> None: ...

class RetractGreenCleanSafetyFactRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GreenCleanState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class GreenCleanFactKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
