from thidua.core.v1 import common_pb2 as _common_pb2
from thidua.core.v1 import units_pb2 as _units_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

ANY_RECIPIENT: RecipientKind
COLLECTIVE: RecipientKind
DESCRIPTOR: _descriptor.FileDescriptor
INDIVIDUAL: RecipientKind
RECIPIENT_KIND_UNSPECIFIED: RecipientKind

class Award(_message.Message):
    __slots__ = ["achievement", "campaign_id", "decision_date", "decision_number", "form_code", "id", "issuing_unit_id", "reason", "recipient_member_id", "recipient_unit_id", "revoke_reason", "revoked_on"]
    ACHIEVEMENT_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ISSUING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_ON_FIELD_NUMBER: _ClassVar[int]
    REVOKE_REASON_FIELD_NUMBER: _ClassVar[int]
    achievement: str
    campaign_id: str
    decision_date: str
    decision_number: str
    form_code: str
    id: str
    issuing_unit_id: str
    reason: str
    recipient_member_id: str
    recipient_unit_id: str
    revoke_reason: str
    revoked_on: str
    def __init__(self, id: _Optional[str] = ..., form_code: _Optional[str] = ..., issuing_unit_id: _Optional[str] = ..., recipient_unit_id: _Optional[str] = ..., recipient_member_id: _Optional[str] = ..., achievement: _Optional[str] = ..., campaign_id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., reason: _Optional[str] = ..., revoked_on: _Optional[str] = ..., revoke_reason: _Optional[str] = ...) -> None: ...

class AwardCap(_message.Message):
    __slots__ = ["basis_form_code", "effective_from", "form_code", "max_count", "max_percent_of_basis", "regulation"]
    BASIS_FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    MAX_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_PERCENT_OF_BASIS_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    basis_form_code: str
    effective_from: str
    form_code: str
    max_count: int
    max_percent_of_basis: int
    regulation: str
    def __init__(self, regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., form_code: _Optional[str] = ..., max_count: _Optional[int] = ..., basis_form_code: _Optional[str] = ..., max_percent_of_basis: _Optional[int] = ...) -> None: ...

class AwardForm(_message.Message):
    __slots__ = ["code", "issuing_kinds", "name", "recipients", "title"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_KINDS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    code: str
    issuing_kinds: _containers.RepeatedScalarFieldContainer[_units_pb2.UnitKind]
    name: str
    recipients: RecipientKind
    title: bool
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., recipients: _Optional[_Union[RecipientKind, str]] = ..., issuing_kinds: _Optional[_Iterable[_Union[_units_pb2.UnitKind, str]]] = ..., title: bool = ...) -> None: ...

class GetAwardRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GrantAwardRequest(_message.Message):
    __slots__ = ["achievement", "campaign_id", "decision_date", "decision_number", "form_code", "issuing_unit_id", "reason", "recipient_member_id", "recipient_unit_id"]
    ACHIEVEMENT_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    DECISION_DATE_FIELD_NUMBER: _ClassVar[int]
    DECISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    ISSUING_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    achievement: str
    campaign_id: str
    decision_date: str
    decision_number: str
    form_code: str
    issuing_unit_id: str
    reason: str
    recipient_member_id: str
    recipient_unit_id: str
    def __init__(self, form_code: _Optional[str] = ..., issuing_unit_id: _Optional[str] = ..., recipient_unit_id: _Optional[str] = ..., recipient_member_id: _Optional[str] = ..., achievement: _Optional[str] = ..., campaign_id: _Optional[str] = ..., decision_number: _Optional[str] = ..., decision_date: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListAwardCapsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListAwardCapsResponse(_message.Message):
    __slots__ = ["caps"]
    CAPS_FIELD_NUMBER: _ClassVar[int]
    caps: _containers.RepeatedCompositeFieldContainer[AwardCap]
    def __init__(self, caps: _Optional[_Iterable[_Union[AwardCap, _Mapping]]] = ...) -> None: ...

class ListAwardFormsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListAwardFormsResponse(_message.Message):
    __slots__ = ["forms"]
    FORMS_FIELD_NUMBER: _ClassVar[int]
    forms: _containers.RepeatedCompositeFieldContainer[AwardForm]
    def __init__(self, forms: _Optional[_Iterable[_Union[AwardForm, _Mapping]]] = ...) -> None: ...

class ListAwardsRequest(_message.Message):
    __slots__ = ["form_code", "include_revoked", "page", "to", "unit_id"]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_REVOKED_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    form_code: str
    include_revoked: bool
    page: _common_pb2.PageRequest
    to: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., form_code: _Optional[str] = ..., to: _Optional[str] = ..., include_revoked: bool = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., **kwargs) -> None: ...

class ListAwardsResponse(_message.Message):
    __slots__ = ["awards", "next_page_token"]
    AWARDS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    awards: _containers.RepeatedCompositeFieldContainer[Award]
    next_page_token: str
    def __init__(self, awards: _Optional[_Iterable[_Union[Award, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListTitleConditionsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListTitleConditionsResponse(_message.Message):
    __slots__ = ["sets"]
    SETS_FIELD_NUMBER: _ClassVar[int]
    sets: _containers.RepeatedCompositeFieldContainer[TitleConditionSet]
    def __init__(self, sets: _Optional[_Iterable[_Union[TitleConditionSet, _Mapping]]] = ...) -> None: ...

class RevokeAwardRequest(_message.Message):
    __slots__ = ["id", "reason"]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class TitleConditionSet(_message.Message):
    __slots__ = ["effective_from", "form_code", "regulation", "required_evidence", "required_titles"]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    FORM_CODE_FIELD_NUMBER: _ClassVar[int]
    REGULATION_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_TITLES_FIELD_NUMBER: _ClassVar[int]
    effective_from: str
    form_code: str
    regulation: str
    required_evidence: _containers.RepeatedScalarFieldContainer[str]
    required_titles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, regulation: _Optional[str] = ..., effective_from: _Optional[str] = ..., form_code: _Optional[str] = ..., required_titles: _Optional[_Iterable[str]] = ..., required_evidence: _Optional[_Iterable[str]] = ...) -> None: ...

class RecipientKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
