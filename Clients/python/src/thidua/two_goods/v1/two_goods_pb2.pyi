from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

COMPLETED: SchoolClassification
CONSOLATION_PRIZE: ContestPrize
CONTEST_LEVEL_UNSPECIFIED: ContestLevel
CONTEST_PRIZE_UNSPECIFIED: ContestPrize
DESCRIPTOR: _descriptor.FileDescriptor
DISTRICT_LEVEL: ContestLevel
FINAL_REVIEW: RoundReviewKind
FINAL_REVIEWED: SchoolRoundStage
FIRST_PRIZE: ContestPrize
GOOD: SchoolClassification
INTERIM_REVIEW: RoundReviewKind
INTERIM_REVIEWED: SchoolRoundStage
NOT_COMPLETED: SchoolClassification
OUTSTANDING: SchoolClassification
PROVINCE_LEVEL: ContestLevel
ROUND_OPEN: SchoolRoundStage
ROUND_REVIEW_KIND_UNSPECIFIED: RoundReviewKind
SCHOOL_CLASSIFICATION_UNSPECIFIED: SchoolClassification
SCHOOL_LEVEL: ContestLevel
SCHOOL_ROUND_STAGE_UNSPECIFIED: SchoolRoundStage
SECOND_PRIZE: ContestPrize
THIRD_PRIZE: ContestPrize

class ClassificationCount(_message.Message):
    __slots__ = ["classification", "schools"]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    classification: SchoolClassification
    schools: int
    def __init__(self, classification: _Optional[_Union[SchoolClassification, str]] = ..., schools: _Optional[int] = ...) -> None: ...

class EnrolSchoolRequest(_message.Message):
    __slots__ = ["campaign_id", "enrolled_on", "school_unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    ENROLLED_ON_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    enrolled_on: str
    school_unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., school_unit_id: _Optional[str] = ..., enrolled_on: _Optional[str] = ...) -> None: ...

class ExcellentTeacherResult(_message.Message):
    __slots__ = ["decided_on", "level", "prize", "reference"]
    DECIDED_ON_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIZE_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    decided_on: str
    level: ContestLevel
    prize: ContestPrize
    reference: str
    def __init__(self, level: _Optional[_Union[ContestLevel, str]] = ..., prize: _Optional[_Union[ContestPrize, str]] = ..., decided_on: _Optional[str] = ..., reference: _Optional[str] = ...) -> None: ...

class GetParticipationRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetTeacherRecordRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetYearReportRequest(_message.Message):
    __slots__ = ["school_year", "unit_id"]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    school_year: int
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., school_year: _Optional[int] = ...) -> None: ...

class GrantCommendationRequest(_message.Message):
    __slots__ = ["decision_date", "decision_number", "form_code", "issuing_unit_id", "member_id", "participation_id", "reason"]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    decision_date: str
    decision_number: str
    form_code: str
    issuing_unit_id: str
    member_id: str
    participation_id: str
    reason: str
    def __init__(self, participation_id: _Optional[str] = ..., member_id: _Optional[str] = ..., form_code: _Optional[str] = ..., issuing_unit_id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class LevelCount(_message.Message):
    __slots__ = ["level", "teachers"]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TEACHERS_FIELD_NUMBER: _ClassVar[int]
    level: ContestLevel
    teachers: int
    def __init__(self, level: _Optional[_Union[ContestLevel, str]] = ..., teachers: _Optional[int] = ...) -> None: ...

class ListCommendationsRequest(_message.Message):
    __slots__ = ["campaign_id", "page_size", "page_token", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page_size: int
    page_token: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCommendationsResponse(_message.Message):
    __slots__ = ["commendations", "next_page_token"]
    COMMENDATIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    commendations: _containers.RepeatedCompositeFieldContainer[TwoGoodsCommendation]
    next_page_token: str
    def __init__(self, commendations: _Optional[_Iterable[_Union[TwoGoodsCommendation, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListParticipationsRequest(_message.Message):
    __slots__ = ["campaign_id", "page_size", "page_token", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page_size: int
    page_token: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListParticipationsResponse(_message.Message):
    __slots__ = ["next_page_token", "participations"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATIONS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    participations: _containers.RepeatedCompositeFieldContainer[SchoolParticipation]
    def __init__(self, participations: _Optional[_Iterable[_Union[SchoolParticipation, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListRuleSetsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListRuleSetsResponse(_message.Message):
    __slots__ = ["rule_sets"]
    RULE_SETS_FIELD_NUMBER: _ClassVar[int]
    rule_sets: _containers.RepeatedCompositeFieldContainer[TwoGoodsRuleSet]
    def __init__(self, rule_sets: _Optional[_Iterable[_Union[TwoGoodsRuleSet, _Mapping]]] = ...) -> None: ...

class ListTeacherRecordsRequest(_message.Message):
    __slots__ = ["campaign_id", "page_size", "page_token", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page_size: int
    page_token: str
    unit_id: str
    def __init__(self, campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListTeacherRecordsResponse(_message.Message):
    __slots__ = ["next_page_token", "records"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    records: _containers.RepeatedCompositeFieldContainer[TeacherRecord]
    def __init__(self, records: _Optional[_Iterable[_Union[TeacherRecord, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class RecordSchoolResultRequest(_message.Message):
    __slots__ = ["participation_id", "reason", "result", "round"]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    participation_id: str
    reason: str
    result: SchoolRoundResult
    round: int
    def __init__(self, participation_id: _Optional[str] = ..., round: _Optional[int] = ..., result: _Optional[_Union[SchoolRoundResult, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class RecordTeacherRequest(_message.Message):
    __slots__ = ["evidence", "excellent_teacher_results", "initiatives", "member_id", "participation_id", "self_study_hours", "training_hours"]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_TEACHER_RESULTS_FIELD_NUMBER: _ClassVar[int]
    INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    SELF_STUDY_HOURS_FIELD_NUMBER: _ClassVar[int]
    TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    evidence: _containers.RepeatedScalarFieldContainer[str]
    excellent_teacher_results: _containers.RepeatedCompositeFieldContainer[ExcellentTeacherResult]
    initiatives: _containers.RepeatedCompositeFieldContainer[TeachingInitiative]
    member_id: str
    participation_id: str
    self_study_hours: float
    training_hours: float
    def __init__(self, participation_id: _Optional[str] = ..., member_id: _Optional[str] = ..., excellent_teacher_results: _Optional[_Iterable[_Union[ExcellentTeacherResult, _Mapping]]] = ..., initiatives: _Optional[_Iterable[_Union[TeachingInitiative, _Mapping]]] = ..., self_study_hours: _Optional[float] = ..., training_hours: _Optional[float] = ..., evidence: _Optional[_Iterable[str]] = ...) -> None: ...

class ReviewSchoolRoundRequest(_message.Message):
    __slots__ = ["held_on", "kind", "participation_id", "round", "summary"]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    held_on: str
    kind: RoundReviewKind
    participation_id: str
    round: int
    summary: str
    def __init__(self, participation_id: _Optional[str] = ..., round: _Optional[int] = ..., kind: _Optional[_Union[RoundReviewKind, str]] = ..., held_on: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class RoundReport(_message.Message):
    __slots__ = ["classifications", "final_reviewed", "good_lessons", "interim_reviewed", "number", "pass_rate_permille", "results_recorded", "students", "students_excellent", "students_passed"]
    CLASSIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    FINAL_REVIEWED_FIELD_NUMBER: _ClassVar[int]
    GOOD_LESSONS_FIELD_NUMBER: _ClassVar[int]
    INTERIM_REVIEWED_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    PASS_RATE_PERMILLE_FIELD_NUMBER: _ClassVar[int]
    RESULTS_RECORDED_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_EXCELLENT_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_PASSED_FIELD_NUMBER: _ClassVar[int]
    classifications: _containers.RepeatedCompositeFieldContainer[ClassificationCount]
    final_reviewed: int
    good_lessons: int
    interim_reviewed: int
    number: int
    pass_rate_permille: int
    results_recorded: int
    students: int
    students_excellent: int
    students_passed: int
    def __init__(self, number: _Optional[int] = ..., interim_reviewed: _Optional[int] = ..., final_reviewed: _Optional[int] = ..., results_recorded: _Optional[int] = ..., classifications: _Optional[_Iterable[_Union[ClassificationCount, _Mapping]]] = ..., students: _Optional[int] = ..., students_passed: _Optional[int] = ..., students_excellent: _Optional[int] = ..., pass_rate_permille: _Optional[int] = ..., good_lessons: _Optional[int] = ...) -> None: ...

class SchoolParticipation(_message.Message):
    __slots__ = ["campaign_id", "enrolled_on", "id", "rounds", "school_name", "school_unit_id", "school_year"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    ENROLLED_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    enrolled_on: str
    id: str
    rounds: _containers.RepeatedCompositeFieldContainer[SchoolRound]
    school_name: str
    school_unit_id: str
    school_year: int
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., school_unit_id: _Optional[str] = ..., school_name: _Optional[str] = ..., school_year: _Optional[int] = ..., enrolled_on: _Optional[str] = ..., rounds: _Optional[_Iterable[_Union[SchoolRound, _Mapping]]] = ...) -> None: ...

class SchoolRound(_message.Message):
    __slots__ = ["ends_on", "final_reviewed_on", "final_summary", "interim_reviewed_on", "interim_summary", "number", "result", "stage", "starts_on"]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    FINAL_REVIEWED_ON_FIELD_NUMBER: _ClassVar[int]
    FINAL_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    INTERIM_REVIEWED_ON_FIELD_NUMBER: _ClassVar[int]
    INTERIM_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    ends_on: str
    final_reviewed_on: str
    final_summary: str
    interim_reviewed_on: str
    interim_summary: str
    number: int
    result: SchoolRoundResult
    stage: SchoolRoundStage
    starts_on: str
    def __init__(self, number: _Optional[int] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ..., stage: _Optional[_Union[SchoolRoundStage, str]] = ..., interim_reviewed_on: _Optional[str] = ..., final_reviewed_on: _Optional[str] = ..., interim_summary: _Optional[str] = ..., final_summary: _Optional[str] = ..., result: _Optional[_Union[SchoolRoundResult, _Mapping]] = ...) -> None: ...

class SchoolRoundResult(_message.Message):
    __slots__ = ["classification", "good_lessons", "note", "students", "students_excellent", "students_passed"]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    GOOD_LESSONS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_EXCELLENT_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_PASSED_FIELD_NUMBER: _ClassVar[int]
    classification: SchoolClassification
    good_lessons: int
    note: str
    students: int
    students_excellent: int
    students_passed: int
    def __init__(self, classification: _Optional[_Union[SchoolClassification, str]] = ..., students: _Optional[int] = ..., students_passed: _Optional[int] = ..., students_excellent: _Optional[int] = ..., good_lessons: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class TeacherRecord(_message.Message):
    __slots__ = ["campaign_id", "evidence", "excellent_teacher_results", "id", "initiatives", "member_id", "participation_id", "school_unit_id", "school_year", "self_study_hours", "teacher_name", "training_hours"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_TEACHER_RESULTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    SELF_STUDY_HOURS_FIELD_NUMBER: _ClassVar[int]
    TEACHER_NAME_FIELD_NUMBER: _ClassVar[int]
    TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    evidence: _containers.RepeatedScalarFieldContainer[str]
    excellent_teacher_results: _containers.RepeatedCompositeFieldContainer[ExcellentTeacherResult]
    id: str
    initiatives: _containers.RepeatedCompositeFieldContainer[TeachingInitiative]
    member_id: str
    participation_id: str
    school_unit_id: str
    school_year: int
    self_study_hours: float
    teacher_name: str
    training_hours: float
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., participation_id: _Optional[str] = ..., school_unit_id: _Optional[str] = ..., member_id: _Optional[str] = ..., teacher_name: _Optional[str] = ..., school_year: _Optional[int] = ..., excellent_teacher_results: _Optional[_Iterable[_Union[ExcellentTeacherResult, _Mapping]]] = ..., initiatives: _Optional[_Iterable[_Union[TeachingInitiative, _Mapping]]] = ..., self_study_hours: _Optional[float] = ..., training_hours: _Optional[float] = ..., evidence: _Optional[_Iterable[str]] = ...) -> None: ...

class TeachingInitiative(_message.Message):
    __slots__ = ["level", "reference", "title"]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    level: ContestLevel
    reference: str
    title: str
    def __init__(self, title: _Optional[str] = ..., level: _Optional[_Union[ContestLevel, str]] = ..., reference: _Optional[str] = ...) -> None: ...

class TwoGoodsCommendation(_message.Message):
    __slots__ = ["achievement", "award_id", "campaign_id", "decision_date", "decision_number", "form_code", "id", "issuing_unit_id", "member_id", "participation_id", "revoked_on", "school_unit_id"]
    ACHIEVEMENT_FIELD_NUMBER: _ClassVar[int]
    AWARD_ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ISSUING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_ON_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    achievement: str
    award_id: str
    campaign_id: str
    decision_date: str
    decision_number: str
    form_code: str
    id: str
    issuing_unit_id: str
    member_id: str
    participation_id: str
    revoked_on: str
    school_unit_id: str
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., participation_id: _Optional[str] = ..., school_unit_id: _Optional[str] = ..., member_id: _Optional[str] = ..., award_id: _Optional[str] = ..., form_code: _Optional[str] = ..., issuing_unit_id: _Optional[str] = ..., achievement: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., revoked_on: _Optional[str] = ...) -> None: ...

class TwoGoodsRuleSet(_message.Message):
    __slots__ = ["collective_commendation_minimum", "effective_from", "exclude_fully_state_funded", "individual_commendation_needs_achievement", "max_hours_per_year", "regulation", "required_training_hours"]
    COLLECTIVE_COMMENDATION_MINIMUM_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_FULLY_STATE_FUNDED_FIELD_NUMBER: _ClassVar[int]
    INDIVIDUAL_COMMENDATION_NEEDS_ACHIEVEMENT_FIELD_NUMBER: _ClassVar[int]
    MAX_HOURS_PER_YEAR_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    collective_commendation_minimum: SchoolClassification
    effective_from: str
    exclude_fully_state_funded: bool
    individual_commendation_needs_achievement: bool
    max_hours_per_year: float
    regulation: str
    required_training_hours: float
    def __init__(self, regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., required_training_hours: _Optional[float] = ..., max_hours_per_year: _Optional[float] = ..., exclude_fully_state_funded: bool = ..., collective_commendation_minimum: _Optional[_Union[SchoolClassification, str]] = ..., individual_commendation_needs_achievement: bool = ...) -> None: ...

class TwoGoodsYearReport(_message.Message):
    __slots__ = ["commended_collectives", "commended_individuals", "eligible_schools", "excellent_teachers", "required_training_hours", "rounds", "school_year", "school_year_label", "schools_taking_part", "self_study_hours", "teacher_records", "teachers_meeting_training_requirement", "teaching_initiatives", "training_hours", "unit_id"]
    COMMENDED_COLLECTIVES_FIELD_NUMBER: _ClassVar[int]
    COMMENDED_INDIVIDUALS_FIELD_NUMBER: _ClassVar[int]
    ELIGIBLE_SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_TEACHERS_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    ROUNDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOLS_TAKING_PART_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_LABEL_FIELD_NUMBER: _ClassVar[int]
    SELF_STUDY_HOURS_FIELD_NUMBER: _ClassVar[int]
    TEACHERS_MEETING_TRAINING_REQUIREMENT_FIELD_NUMBER: _ClassVar[int]
    TEACHER_RECORDS_FIELD_NUMBER: _ClassVar[int]
    TEACHING_INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    commended_collectives: int
    commended_individuals: int
    eligible_schools: int
    excellent_teachers: _containers.RepeatedCompositeFieldContainer[LevelCount]
    required_training_hours: float
    rounds: _containers.RepeatedCompositeFieldContainer[RoundReport]
    school_year: int
    school_year_label: str
    schools_taking_part: int
    self_study_hours: float
    teacher_records: int
    teachers_meeting_training_requirement: int
    teaching_initiatives: int
    training_hours: float
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., school_year: _Optional[int] = ..., school_year_label: _Optional[str] = ..., eligible_schools: _Optional[int] = ..., schools_taking_part: _Optional[int] = ..., rounds: _Optional[_Iterable[_Union[RoundReport, _Mapping]]] = ..., teacher_records: _Optional[int] = ..., excellent_teachers: _Optional[_Iterable[_Union[LevelCount, _Mapping]]] = ..., teaching_initiatives: _Optional[int] = ..., self_study_hours: _Optional[float] = ..., training_hours: _Optional[float] = ..., required_training_hours: _Optional[float] = ..., teachers_meeting_training_requirement: _Optional[int] = ..., commended_collectives: _Optional[int] = ..., commended_individuals: _Optional[int] = ...) -> None: ...

class UpdateTeacherRecordRequest(_message.Message):
    __slots__ = ["evidence", "excellent_teacher_results", "id", "initiatives", "reason", "self_study_hours", "training_hours", "update_mask"]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    EXCELLENT_TEACHER_RESULTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INITIATIVES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SELF_STUDY_HOURS_FIELD_NUMBER: _ClassVar[int]
    TRAINING_HOURS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    evidence: _containers.RepeatedScalarFieldContainer[str]
    excellent_teacher_results: _containers.RepeatedCompositeFieldContainer[ExcellentTeacherResult]
    id: str
    initiatives: _containers.RepeatedCompositeFieldContainer[TeachingInitiative]
    reason: str
    self_study_hours: float
    training_hours: float
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., excellent_teacher_results: _Optional[_Iterable[_Union[ExcellentTeacherResult, _Mapping]]] = ..., initiatives: _Optional[_Iterable[_Union[TeachingInitiative, _Mapping]]] = ..., self_study_hours: _Optional[float] = ..., training_hours: _Optional[float] = ..., evidence: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ..., update_mask: _Optional[_Iterable[str]] = ...) -> None: ...

class SchoolRoundStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RoundReviewKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class SchoolClassification(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ContestLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ContestPrize(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
