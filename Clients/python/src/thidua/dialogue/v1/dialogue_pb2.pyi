from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

AGREEMENT_QUALITY_GRADE_UNSPECIFIED: AgreementQualityGrade
AGREEMENT_STATE_UNSPECIFIED: AgreementState
BARGAINING_SIDE_UNSPECIFIED: BargainingSide
BONUSES: ClauseTopic
BONUS_RULES: WorkplaceEvent
CLAUSE_TOPIC_UNSPECIFIED: ClauseTopic
CONTINUED: AgreementState
DESCRIPTOR: _descriptor.FileDescriptor
DIALOGUE_KIND_UNSPECIFIED: DialogueKind
DIALOGUE_STATE_CANCELLED: DialogueState
DIALOGUE_STATE_HELD: DialogueState
DIALOGUE_STATE_MINUTES_PUBLISHED: DialogueState
DIALOGUE_STATE_PLANNED: DialogueState
DIALOGUE_STATE_UNSPECIFIED: DialogueState
DRAFTED: AgreementState
EMPLOYEE_REPRESENTATIVES: BargainingSide
EMPLOYER: BargainingSide
EXPIRED: AgreementState
FILED: AgreementState
GRADE_A: AgreementQualityGrade
GRADE_B: AgreementQualityGrade
GRADE_C: AgreementQualityGrade
IN_FORCE: AgreementState
MASS_LAYOFFS: WorkplaceEvent
MEALS: ClauseTopic
NEGOTIATING: AgreementState
OCCUPATIONAL_SAFETY: ClauseTopic
ON_EVENT: DialogueKind
ON_REQUEST: DialogueKind
OTHER_TOPIC: ClauseTopic
PAY_SCALES_AND_NORMS: WorkplaceEvent
PERIODIC: DialogueKind
RENEWAL_WINDOW: AgreementState
REPLACED: AgreementState
REQUESTED: AgreementState
RESTRUCTURING: WorkplaceEvent
REST_AND_LEAVE: ClauseTopic
SIGNED: AgreementState
TECHNOLOGY_CHANGE: WorkplaceEvent
TRAINING: ClauseTopic
VOTED: AgreementState
WAGES: ClauseTopic
WELFARE: ClauseTopic
WITHDRAWN: AgreementState
WORKING_HOURS: ClauseTopic
WORKPLACE_EVENT_UNSPECIFIED: WorkplaceEvent
WORK_RULES: WorkplaceEvent
WORK_SUSPENSION: WorkplaceEvent

class AgreementClause(_message.Message):
    __slots__ = ["expires_on", "more_favourable_than_law", "number", "term_months", "title", "topic"]
    EXPIRES_ON_FIELD_NUMBER: _ClassVar[int]
    MORE_FAVOURABLE_THAN_LAW_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TERM_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    expires_on: str
    more_favourable_than_law: bool
    number: int
    term_months: int
    title: str
    topic: ClauseTopic
    def __init__(self, number: _Optional[int] = ..., title: _Optional[str] = ..., topic: _Optional[_Union[ClauseTopic, str]] = ..., more_favourable_than_law: bool = ..., term_months: _Optional[int] = ..., expires_on: _Optional[str] = ...) -> None: ...

class AgreementGradeCount(_message.Message):
    __slots__ = ["agreements", "grade"]
    AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    agreements: int
    grade: AgreementQualityGrade
    def __init__(self, grade: _Optional[_Union[AgreementQualityGrade, str]] = ..., agreements: _Optional[int] = ...) -> None: ...

class AgreementGradeThreshold(_message.Message):
    __slots__ = ["grade", "min_favourable_clauses", "min_favourable_topics"]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    MIN_FAVOURABLE_CLAUSES_FIELD_NUMBER: _ClassVar[int]
    MIN_FAVOURABLE_TOPICS_FIELD_NUMBER: _ClassVar[int]
    grade: AgreementQualityGrade
    min_favourable_clauses: int
    min_favourable_topics: int
    def __init__(self, grade: _Optional[_Union[AgreementQualityGrade, str]] = ..., min_favourable_clauses: _Optional[int] = ..., min_favourable_topics: _Optional[int] = ...) -> None: ...

class AgreementVote(_message.Message):
    __slots__ = ["against", "employees", "in_favour", "passed", "voted_on"]
    AGAINST_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    IN_FAVOUR_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    VOTED_ON_FIELD_NUMBER: _ClassVar[int]
    against: int
    employees: int
    in_favour: int
    passed: bool
    voted_on: str
    def __init__(self, voted_on: _Optional[str] = ..., employees: _Optional[int] = ..., in_favour: _Optional[int] = ..., against: _Optional[int] = ..., passed: bool = ...) -> None: ...

class BargainingCoverage(_message.Message):
    __slots__ = ["agreements_expiring", "as_of", "by_sector", "grades", "total", "unit_id", "unit_name", "year"]
    AGREEMENTS_EXPIRING_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    BY_SECTOR_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    agreements_expiring: int
    as_of: str
    by_sector: _containers.RepeatedCompositeFieldContainer[BargainingSectorCoverage]
    grades: _containers.RepeatedCompositeFieldContainer[AgreementGradeCount]
    total: BargainingCoverageFigures
    unit_id: str
    unit_name: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., as_of: _Optional[str] = ..., year: _Optional[int] = ..., total: _Optional[_Union[BargainingCoverageFigures, _Mapping]] = ..., by_sector: _Optional[_Iterable[_Union[BargainingSectorCoverage, _Mapping]]] = ..., grades: _Optional[_Iterable[_Union[AgreementGradeCount, _Mapping]]] = ..., agreements_expiring: _Optional[int] = ...) -> None: ...

class BargainingCoverageFigures(_message.Message):
    __slots__ = ["agreement_share_permille", "copies_overdue", "employees", "employees_covered_by_agreement", "filed_late", "periodic_dialogue_share_permille", "unionised_enterprises", "with_agreement_in_force", "with_periodic_dialogue"]
    AGREEMENT_SHARE_PERMILLE_FIELD_NUMBER: _ClassVar[int]
    COPIES_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_COVERED_BY_AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    FILED_LATE_FIELD_NUMBER: _ClassVar[int]
    PERIODIC_DIALOGUE_SHARE_PERMILLE_FIELD_NUMBER: _ClassVar[int]
    UNIONISED_ENTERPRISES_FIELD_NUMBER: _ClassVar[int]
    WITH_AGREEMENT_IN_FORCE_FIELD_NUMBER: _ClassVar[int]
    WITH_PERIODIC_DIALOGUE_FIELD_NUMBER: _ClassVar[int]
    agreement_share_permille: int
    copies_overdue: int
    employees: int
    employees_covered_by_agreement: int
    filed_late: int
    periodic_dialogue_share_permille: int
    unionised_enterprises: int
    with_agreement_in_force: int
    with_periodic_dialogue: int
    def __init__(self, unionised_enterprises: _Optional[int] = ..., with_agreement_in_force: _Optional[int] = ..., agreement_share_permille: _Optional[int] = ..., with_periodic_dialogue: _Optional[int] = ..., periodic_dialogue_share_permille: _Optional[int] = ..., employees: _Optional[int] = ..., employees_covered_by_agreement: _Optional[int] = ..., filed_late: _Optional[int] = ..., copies_overdue: _Optional[int] = ...) -> None: ...

class BargainingSectorCoverage(_message.Message):
    __slots__ = ["figures", "sector"]
    FIGURES_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    figures: BargainingCoverageFigures
    sector: int
    def __init__(self, sector: _Optional[int] = ..., figures: _Optional[_Union[BargainingCoverageFigures, _Mapping]] = ...) -> None: ...

class BargainingSession(_message.Message):
    __slots__ = ["held_on", "id", "minutes", "number"]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    held_on: str
    id: str
    minutes: str
    number: int
    def __init__(self, id: _Optional[str] = ..., number: _Optional[int] = ..., held_on: _Optional[str] = ..., minutes: _Optional[str] = ...) -> None: ...

class CancelDialogueRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CollectiveAgreement(_message.Message):
    __slots__ = ["as_of", "clauses", "continued_until", "drafted_on", "effective_from", "expires_on", "favourable_clauses", "filed_late", "filed_on", "filed_with", "id", "quality_grade", "renewed_by_agreement_id", "renews_agreement_id", "replaced_on", "requested_by", "requested_on", "sessions", "signed_on", "state", "term_months", "term_years", "title", "unit_id", "votes", "withdraw_reason", "withdrawn_on"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CLAUSES_FIELD_NUMBER: _ClassVar[int]
    CONTINUED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    DRAFTED_ON_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_ON_FIELD_NUMBER: _ClassVar[int]
    FAVOURABLE_CLAUSES_FIELD_NUMBER: _ClassVar[int]
    FILED_LATE_FIELD_NUMBER: _ClassVar[int]
    FILED_ON_FIELD_NUMBER: _ClassVar[int]
    FILED_WITH_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    QUALITY_GRADE_FIELD_NUMBER: _ClassVar[int]
    RENEWED_BY_AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RENEWS_AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REPLACED_ON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_ON_FIELD_NUMBER: _ClassVar[int]
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TERM_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TERM_YEARS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_ON_FIELD_NUMBER: _ClassVar[int]
    WITHDRAW_REASON_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    clauses: _containers.RepeatedCompositeFieldContainer[AgreementClause]
    continued_until: str
    drafted_on: str
    effective_from: str
    expires_on: str
    favourable_clauses: int
    filed_late: bool
    filed_on: str
    filed_with: str
    id: str
    quality_grade: AgreementQualityGrade
    renewed_by_agreement_id: str
    renews_agreement_id: str
    replaced_on: str
    requested_by: BargainingSide
    requested_on: str
    sessions: _containers.RepeatedCompositeFieldContainer[BargainingSession]
    signed_on: str
    state: AgreementState
    term_months: int
    term_years: int
    title: str
    unit_id: str
    votes: _containers.RepeatedCompositeFieldContainer[AgreementVote]
    withdraw_reason: str
    withdrawn_on: str
    def __init__(self, id: _Optional[str] = ..., unit_id: _Optional[str] = ..., title: _Optional[str] = ..., state: _Optional[_Union[AgreementState, str]] = ..., as_of: _Optional[str] = ..., requested_by: _Optional[_Union[BargainingSide, str]] = ..., requested_on: _Optional[str] = ..., renews_agreement_id: _Optional[str] = ..., renewed_by_agreement_id: _Optional[str] = ..., sessions: _Optional[_Iterable[_Union[BargainingSession, _Mapping]]] = ..., drafted_on: _Optional[str] = ..., clauses: _Optional[_Iterable[_Union[AgreementClause, _Mapping]]] = ..., votes: _Optional[_Iterable[_Union[AgreementVote, _Mapping]]] = ..., signed_on: _Optional[str] = ..., effective_from: _Optional[str] = ..., term_years: _Optional[int] = ..., term_months: _Optional[int] = ..., expires_on: _Optional[str] = ..., quality_grade: _Optional[_Union[AgreementQualityGrade, str]] = ..., favourable_clauses: _Optional[int] = ..., filed_on: _Optional[str] = ..., filed_with: _Optional[str] = ..., filed_late: bool = ..., continued_until: _Optional[str] = ..., replaced_on: _Optional[str] = ..., withdrawn_on: _Optional[str] = ..., withdraw_reason: _Optional[str] = ...) -> None: ...

class ContinueAgreementRequest(_message.Message):
    __slots__ = ["agreement_id", "continued_until", "reason"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    continued_until: str
    reason: str
    def __init__(self, agreement_id: _Optional[str] = ..., continued_until: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DelegationBand(_message.Message):
    __slots__ = ["max_delegates", "max_employees", "min_delegates", "min_employees"]
    MAX_DELEGATES_FIELD_NUMBER: _ClassVar[int]
    MAX_EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    MIN_DELEGATES_FIELD_NUMBER: _ClassVar[int]
    MIN_EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    max_delegates: int
    max_employees: int
    min_delegates: int
    min_employees: int
    def __init__(self, min_employees: _Optional[int] = ..., max_employees: _Optional[int] = ..., min_delegates: _Optional[int] = ..., max_delegates: _Optional[int] = ...) -> None: ...

class DialogueCalendar(_message.Message):
    __slots__ = ["enterprises", "next_page_token", "year"]
    ENTERPRISES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    enterprises: _containers.RepeatedCompositeFieldContainer[EnterpriseDialogueYear]
    next_page_token: str
    year: int
    def __init__(self, year: _Optional[int] = ..., enterprises: _Optional[_Iterable[_Union[EnterpriseDialogueYear, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DialogueRuleSet(_message.Message):
    __slots__ = ["delegation_bands", "effective_from", "expiring_horizon_days", "filing_days", "first_session_working_days", "grade_thresholds", "max_continuation_days", "max_term_years", "min_term_years", "minutes_publication_working_days", "periodic_quorum_percent", "regulation", "renewal_window_days", "vote_majority_percent"]
    DELEGATION_BANDS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    EXPIRING_HORIZON_DAYS_FIELD_NUMBER: _ClassVar[int]
    FILING_DAYS_FIELD_NUMBER: _ClassVar[int]
    FIRST_SESSION_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    GRADE_THRESHOLDS_FIELD_NUMBER: _ClassVar[int]
    MAX_CONTINUATION_DAYS_FIELD_NUMBER: _ClassVar[int]
    MAX_TERM_YEARS_FIELD_NUMBER: _ClassVar[int]
    MINUTES_PUBLICATION_WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    MIN_TERM_YEARS_FIELD_NUMBER: _ClassVar[int]
    PERIODIC_QUORUM_PERCENT_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    RENEWAL_WINDOW_DAYS_FIELD_NUMBER: _ClassVar[int]
    VOTE_MAJORITY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    delegation_bands: _containers.RepeatedCompositeFieldContainer[DelegationBand]
    effective_from: str
    expiring_horizon_days: int
    filing_days: int
    first_session_working_days: int
    grade_thresholds: _containers.RepeatedCompositeFieldContainer[AgreementGradeThreshold]
    max_continuation_days: int
    max_term_years: int
    min_term_years: int
    minutes_publication_working_days: int
    periodic_quorum_percent: int
    regulation: str
    renewal_window_days: int
    vote_majority_percent: int
    def __init__(self, regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., delegation_bands: _Optional[_Iterable[_Union[DelegationBand, _Mapping]]] = ..., periodic_quorum_percent: _Optional[int] = ..., minutes_publication_working_days: _Optional[int] = ..., first_session_working_days: _Optional[int] = ..., filing_days: _Optional[int] = ..., vote_majority_percent: _Optional[int] = ..., min_term_years: _Optional[int] = ..., max_term_years: _Optional[int] = ..., renewal_window_days: _Optional[int] = ..., max_continuation_days: _Optional[int] = ..., expiring_horizon_days: _Optional[int] = ..., grade_thresholds: _Optional[_Iterable[_Union[AgreementGradeThreshold, _Mapping]]] = ...) -> None: ...

class EnterpriseDialogueYear(_message.Message):
    __slots__ = ["delegation_band", "dialogues", "employees", "periodic_dialogue_held", "periodic_dialogue_missed", "unit_id", "unit_name"]
    DELEGATION_BAND_FIELD_NUMBER: _ClassVar[int]
    DIALOGUES_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    PERIODIC_DIALOGUE_HELD_FIELD_NUMBER: _ClassVar[int]
    PERIODIC_DIALOGUE_MISSED_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    delegation_band: DelegationBand
    dialogues: _containers.RepeatedCompositeFieldContainer[WorkplaceDialogue]
    employees: int
    periodic_dialogue_held: bool
    periodic_dialogue_missed: bool
    unit_id: str
    unit_name: str
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., employees: _Optional[int] = ..., delegation_band: _Optional[_Union[DelegationBand, _Mapping]] = ..., dialogues: _Optional[_Iterable[_Union[WorkplaceDialogue, _Mapping]]] = ..., periodic_dialogue_held: bool = ..., periodic_dialogue_missed: bool = ...) -> None: ...

class EnterpriseHeadcount(_message.Message):
    __slots__ = ["as_of", "employees", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    employees: int
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., as_of: _Optional[str] = ..., employees: _Optional[int] = ...) -> None: ...

class EnterpriseProfile(_message.Message):
    __slots__ = ["agreement", "as_of", "delegation_band", "dialogues", "headcount", "history", "sector", "unit_id", "unit_name"]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    DELEGATION_BAND_FIELD_NUMBER: _ClassVar[int]
    DIALOGUES_FIELD_NUMBER: _ClassVar[int]
    HEADCOUNT_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    agreement: CollectiveAgreement
    as_of: str
    delegation_band: DelegationBand
    dialogues: _containers.RepeatedCompositeFieldContainer[WorkplaceDialogue]
    headcount: EnterpriseHeadcount
    history: _containers.RepeatedCompositeFieldContainer[EnterpriseHeadcount]
    sector: int
    unit_id: str
    unit_name: str
    def __init__(self, unit_id: _Optional[str] = ..., unit_name: _Optional[str] = ..., sector: _Optional[int] = ..., as_of: _Optional[str] = ..., headcount: _Optional[_Union[EnterpriseHeadcount, _Mapping]] = ..., delegation_band: _Optional[_Union[DelegationBand, _Mapping]] = ..., history: _Optional[_Iterable[_Union[EnterpriseHeadcount, _Mapping]]] = ..., agreement: _Optional[_Union[CollectiveAgreement, _Mapping]] = ..., dialogues: _Optional[_Iterable[_Union[WorkplaceDialogue, _Mapping]]] = ...) -> None: ...

class ExpiringAgreement(_message.Message):
    __slots__ = ["agreement", "days_left", "ends_on", "renewal_agreement_id", "renewal_state", "unit_name"]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    DAYS_LEFT_FIELD_NUMBER: _ClassVar[int]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    RENEWAL_AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RENEWAL_STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    agreement: CollectiveAgreement
    days_left: int
    ends_on: str
    renewal_agreement_id: str
    renewal_state: AgreementState
    unit_name: str
    def __init__(self, agreement: _Optional[_Union[CollectiveAgreement, _Mapping]] = ..., unit_name: _Optional[str] = ..., ends_on: _Optional[str] = ..., days_left: _Optional[int] = ..., renewal_agreement_id: _Optional[str] = ..., renewal_state: _Optional[_Union[AgreementState, str]] = ...) -> None: ...

class FileAgreementCopyRequest(_message.Message):
    __slots__ = ["agreement_id", "filed_on", "filed_with"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    FILED_ON_FIELD_NUMBER: _ClassVar[int]
    FILED_WITH_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    filed_on: str
    filed_with: str
    def __init__(self, agreement_id: _Optional[str] = ..., filed_on: _Optional[str] = ..., filed_with: _Optional[str] = ...) -> None: ...

class GetAgreementRequest(_message.Message):
    __slots__ = ["as_of", "id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    id: str
    def __init__(self, id: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class GetBargainingCoverageRequest(_message.Message):
    __slots__ = ["as_of", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class GetDialogueCalendarRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "unit_id", "year"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class GetDialogueRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetDialogueRulesRequest(_message.Message):
    __slots__ = ["on"]
    ON_FIELD_NUMBER: _ClassVar[int]
    on: str
    def __init__(self, on: _Optional[str] = ...) -> None: ...

class GetEnterpriseProfileRequest(_message.Message):
    __slots__ = ["as_of", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class HoldDialogueRequest(_message.Message):
    __slots__ = ["employer_legal_representative_present", "held_on", "id", "representatives_present"]
    EMPLOYER_LEGAL_REPRESENTATIVE_PRESENT_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    REPRESENTATIVES_PRESENT_FIELD_NUMBER: _ClassVar[int]
    employer_legal_representative_present: bool
    held_on: str
    id: str
    representatives_present: int
    def __init__(self, id: _Optional[str] = ..., held_on: _Optional[str] = ..., employer_legal_representative_present: bool = ..., representatives_present: _Optional[int] = ...) -> None: ...

class ListAgreementsRequest(_message.Message):
    __slots__ = ["as_of", "page_size", "page_token", "state", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    page_size: int
    page_token: str
    state: AgreementState
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., state: _Optional[_Union[AgreementState, str]] = ..., as_of: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAgreementsResponse(_message.Message):
    __slots__ = ["agreements", "next_page_token"]
    AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    agreements: _containers.RepeatedCompositeFieldContainer[CollectiveAgreement]
    next_page_token: str
    def __init__(self, agreements: _Optional[_Iterable[_Union[CollectiveAgreement, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListDialogueRulesRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListDialogueRulesResponse(_message.Message):
    __slots__ = ["built_in_default", "versions"]
    BUILT_IN_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    built_in_default: DialogueRuleSet
    versions: _containers.RepeatedCompositeFieldContainer[DialogueRuleSet]
    def __init__(self, versions: _Optional[_Iterable[_Union[DialogueRuleSet, _Mapping]]] = ..., built_in_default: _Optional[_Union[DialogueRuleSet, _Mapping]] = ...) -> None: ...

class ListDialoguesRequest(_message.Message):
    __slots__ = ["kind", "page_size", "page_token", "unit_id", "year"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    kind: DialogueKind
    page_size: int
    page_token: str
    unit_id: str
    year: int
    def __init__(self, unit_id: _Optional[str] = ..., year: _Optional[int] = ..., kind: _Optional[_Union[DialogueKind, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListDialoguesResponse(_message.Message):
    __slots__ = ["dialogues", "next_page_token"]
    DIALOGUES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    dialogues: _containers.RepeatedCompositeFieldContainer[WorkplaceDialogue]
    next_page_token: str
    def __init__(self, dialogues: _Optional[_Iterable[_Union[WorkplaceDialogue, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListExpiringAgreementsRequest(_message.Message):
    __slots__ = ["as_of", "page_size", "page_token", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    page_size: int
    page_token: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., as_of: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListExpiringAgreementsResponse(_message.Message):
    __slots__ = ["agreements", "as_of", "next_page_token", "window_ends_on"]
    AGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    WINDOW_ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    agreements: _containers.RepeatedCompositeFieldContainer[ExpiringAgreement]
    as_of: str
    next_page_token: str
    window_ends_on: str
    def __init__(self, as_of: _Optional[str] = ..., window_ends_on: _Optional[str] = ..., agreements: _Optional[_Iterable[_Union[ExpiringAgreement, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PlanDialogueRequest(_message.Message):
    __slots__ = ["agenda", "campaign_id", "delegation_size", "event", "kind", "planned_on", "requested_by", "requested_on", "unit_id"]
    AGENDA_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DELEGATION_SIZE_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PLANNED_ON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_ON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    agenda: str
    campaign_id: str
    delegation_size: int
    event: WorkplaceEvent
    kind: DialogueKind
    planned_on: str
    requested_by: BargainingSide
    requested_on: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., kind: _Optional[_Union[DialogueKind, str]] = ..., event: _Optional[_Union[WorkplaceEvent, str]] = ..., requested_by: _Optional[_Union[BargainingSide, str]] = ..., requested_on: _Optional[str] = ..., campaign_id: _Optional[str] = ..., planned_on: _Optional[str] = ..., agenda: _Optional[str] = ..., delegation_size: _Optional[int] = ...) -> None: ...

class PublishDialogueMinutesRequest(_message.Message):
    __slots__ = ["id", "published_on", "signed_by_employee_representatives", "signed_by_employer", "signed_on", "summary"]
    ID_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_ON_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_EMPLOYEE_REPRESENTATIVES_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_EMPLOYER_FIELD_NUMBER: _ClassVar[int]
    SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    id: str
    published_on: str
    signed_by_employee_representatives: bool
    signed_by_employer: bool
    signed_on: str
    summary: str
    def __init__(self, id: _Optional[str] = ..., signed_by_employer: bool = ..., signed_by_employee_representatives: bool = ..., signed_on: _Optional[str] = ..., published_on: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class RecordAgreementDraftRequest(_message.Message):
    __slots__ = ["agreement_id", "clauses", "drafted_on"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLAUSES_FIELD_NUMBER: _ClassVar[int]
    DRAFTED_ON_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    clauses: _containers.RepeatedCompositeFieldContainer[AgreementClause]
    drafted_on: str
    def __init__(self, agreement_id: _Optional[str] = ..., drafted_on: _Optional[str] = ..., clauses: _Optional[_Iterable[_Union[AgreementClause, _Mapping]]] = ...) -> None: ...

class RecordAgreementVoteRequest(_message.Message):
    __slots__ = ["against", "agreement_id", "in_favour", "voted_on"]
    AGAINST_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    IN_FAVOUR_FIELD_NUMBER: _ClassVar[int]
    VOTED_ON_FIELD_NUMBER: _ClassVar[int]
    against: int
    agreement_id: str
    in_favour: int
    voted_on: str
    def __init__(self, agreement_id: _Optional[str] = ..., voted_on: _Optional[str] = ..., in_favour: _Optional[int] = ..., against: _Optional[int] = ...) -> None: ...

class RecordBargainingSessionRequest(_message.Message):
    __slots__ = ["agreement_id", "held_on", "minutes"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    held_on: str
    minutes: str
    def __init__(self, agreement_id: _Optional[str] = ..., held_on: _Optional[str] = ..., minutes: _Optional[str] = ...) -> None: ...

class RecordHeadcountRequest(_message.Message):
    __slots__ = ["as_of", "employees", "reason", "unit_id"]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    employees: int
    reason: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., as_of: _Optional[str] = ..., employees: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class RequestBargainingRequest(_message.Message):
    __slots__ = ["renews_agreement_id", "requested_by", "requested_on", "title", "unit_id"]
    RENEWS_AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_ON_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    renews_agreement_id: str
    requested_by: BargainingSide
    requested_on: str
    title: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., title: _Optional[str] = ..., requested_by: _Optional[_Union[BargainingSide, str]] = ..., requested_on: _Optional[str] = ..., renews_agreement_id: _Optional[str] = ...) -> None: ...

class SignAgreementRequest(_message.Message):
    __slots__ = ["agreement_id", "effective_from", "signed_on", "term_months", "term_years"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    TERM_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TERM_YEARS_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    effective_from: str
    signed_on: str
    term_months: int
    term_years: int
    def __init__(self, agreement_id: _Optional[str] = ..., signed_on: _Optional[str] = ..., effective_from: _Optional[str] = ..., term_years: _Optional[int] = ..., term_months: _Optional[int] = ...) -> None: ...

class UpdateDialogueRequest(_message.Message):
    __slots__ = ["agenda", "delegation_size", "id", "planned_on", "reason", "update_mask"]
    AGENDA_FIELD_NUMBER: _ClassVar[int]
    DELEGATION_SIZE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PLANNED_ON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    agenda: str
    delegation_size: int
    id: str
    planned_on: str
    reason: str
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., planned_on: _Optional[str] = ..., delegation_size: _Optional[int] = ..., agenda: _Optional[str] = ..., reason: _Optional[str] = ..., update_mask: _Optional[_Iterable[str]] = ...) -> None: ...

class WithdrawBargainingRequest(_message.Message):
    __slots__ = ["agreement_id", "reason", "withdrawn_on"]
    AGREEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWN_ON_FIELD_NUMBER: _ClassVar[int]
    agreement_id: str
    reason: str
    withdrawn_on: str
    def __init__(self, agreement_id: _Optional[str] = ..., withdrawn_on: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class WorkplaceDialogue(_message.Message):
    __slots__ = ["agenda", "campaign_id", "cancel_reason", "delegation_size", "employees", "employer_legal_representative_present", "event", "held_on", "id", "kind", "minutes_published_on", "minutes_signed_on", "minutes_summary", "planned_on", "representatives_present", "requested_by", "requested_on", "state", "unit_id", "year"]
    AGENDA_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    DELEGATION_SIZE_FIELD_NUMBER: _ClassVar[int]
    EMPLOYEES_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_LEGAL_REPRESENTATIVE_PRESENT_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MINUTES_PUBLISHED_ON_FIELD_NUMBER: _ClassVar[int]
    MINUTES_SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    MINUTES_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    PLANNED_ON_FIELD_NUMBER: _ClassVar[int]
    REPRESENTATIVES_PRESENT_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_ON_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    agenda: str
    campaign_id: str
    cancel_reason: str
    delegation_size: int
    employees: int
    employer_legal_representative_present: bool
    event: WorkplaceEvent
    held_on: str
    id: str
    kind: DialogueKind
    minutes_published_on: str
    minutes_signed_on: str
    minutes_summary: str
    planned_on: str
    representatives_present: int
    requested_by: BargainingSide
    requested_on: str
    state: DialogueState
    unit_id: str
    year: int
    def __init__(self, id: _Optional[str] = ..., unit_id: _Optional[str] = ..., kind: _Optional[_Union[DialogueKind, str]] = ..., event: _Optional[_Union[WorkplaceEvent, str]] = ..., requested_by: _Optional[_Union[BargainingSide, str]] = ..., requested_on: _Optional[str] = ..., campaign_id: _Optional[str] = ..., year: _Optional[int] = ..., planned_on: _Optional[str] = ..., agenda: _Optional[str] = ..., employees: _Optional[int] = ..., delegation_size: _Optional[int] = ..., state: _Optional[_Union[DialogueState, str]] = ..., held_on: _Optional[str] = ..., employer_legal_representative_present: bool = ..., representatives_present: _Optional[int] = ..., minutes_signed_on: _Optional[str] = ..., minutes_published_on: _Optional[str] = ..., minutes_summary: _Optional[str] = ..., cancel_reason: _Optional[str] = ...) -> None: ...

class DialogueKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class WorkplaceEvent(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class BargainingSide(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DialogueState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class AgreementState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ClauseTopic(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class AgreementQualityGrade(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
