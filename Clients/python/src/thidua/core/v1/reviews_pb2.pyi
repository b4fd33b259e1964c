from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DECIDED: ReviewState
DESCRIPTOR: _descriptor.FileDescriptor
IN_REVIEW: ReviewState
PUBLISHED: ReviewState
REJECTED: ReviewState
REVIEW_STATE_UNSPECIFIED: ReviewState

class ApproveReviewRequest(_message.Message):
    __slots__ = ["id", "note"]
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class CorrectReviewRequest(_message.Message):
    __slots__ = ["id", "reason", "summary"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    summary: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class GetReviewRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListReviewsRequest(_message.Message):
    __slots__ = ["campaign_id", "page", "state", "unit_id", "waiting_for_unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    WAITING_FOR_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page: _common_pb2.PageRequest
    state: ReviewState
    unit_id: str
    waiting_for_unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., state: _Optional[_Union[ReviewState, str]] = ..., waiting_for_unit_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListReviewsResponse(_message.Message):
    __slots__ = ["next_page_token", "reviews"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REVIEWS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    reviews: _containers.RepeatedCompositeFieldContainer[Review]
    def __init__(self, reviews: _Optional[_Iterable[_Union[Review, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PublishReviewRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RejectReviewRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ResubmitReviewRequest(_message.Message):
    __slots__ = ["id", "summary"]
    ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    id: str
    summary: str
    def __init__(self, id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class Review(_message.Message):
    __slots__ = ["campaign_id", "corrected_by_review_id", "corrects_review_id", "current_level", "id", "levels", "round", "state", "steps", "subject_id", "subject_type", "summary", "unit_id"]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CORRECTED_BY_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    CORRECTS_REVIEW_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_LEVEL_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    corrected_by_review_id: str
    corrects_review_id: str
    current_level: int
    id: str
    levels: _containers.RepeatedScalarFieldContainer[str]
    round: int
    state: ReviewState
    steps: _containers.RepeatedCompositeFieldContainer[ReviewStep]
    subject_id: str
    subject_type: str
    summary: str
    unit_id: str
    def __init__(self, id: _Optional[str] = ..., subject_type: _Optional[str] = ..., subject_id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., unit_id: _Optional[str] = ..., levels: _Optional[_Iterable[str]] = ..., current_level: _Optional[int] = ..., state: _Optional[_Union[ReviewState, str]] = ..., round: _Optional[int] = ..., summary: _Optional[str] = ..., corrects_review_id: _Optional[str] = ..., corrected_by_review_id: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[ReviewStep, _Mapping]]] = ...) -> None: ...

class ReviewStep(_message.Message):
    __slots__ = ["action", "at", "key_id", "reason", "round", "unit_id"]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    action: str
    at: int
    key_id: str
    reason: str
    round: int
    unit_id: str
    def __init__(self, at: _Optional[int] = ..., action: _Optional[str] = ..., unit_id: _Optional[str] = ..., key_id: _Optional[str] = ..., reason: _Optional[str] = ..., round: _Optional[int] = ...) -> None: ...

class SubmitReviewRequest(_message.Message):
    __slots__ = ["decider_unit_id", "registration_id", "summary"]
    DECIDER_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    decider_unit_id: str
    registration_id: str
    summary: str
    def __init__(self, registration_id: _Optional[str] = ..., decider_unit_id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class ReviewState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
