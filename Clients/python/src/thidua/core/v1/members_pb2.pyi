from thidua.core.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AddMemberRequest(_message.Message):
    __slots__ = ["full_name", "gender", "joined_on", "role", "union_member", "unit_id"]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    JOINED_ON_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    UNION_MEMBER_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    gender: _common_pb2.Gender
    joined_on: str
    role: str
    union_member: bool
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., full_name: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., role: _Optional[str] = ..., union_member: bool = ..., joined_on: _Optional[str] = ...) -> None: ...

class GetMemberHistoryRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetMemberHistoryResponse(_message.Message):
    __slots__ = ["periods"]
    PERIODS_FIELD_NUMBER: _ClassVar[int]
    periods: _containers.RepeatedCompositeFieldContainer[MembershipPeriod]
    def __init__(self, periods: _Optional[_Iterable[_Union[MembershipPeriod, _Mapping]]] = ...) -> None: ...

class GetMemberRequest(_message.Message):
    __slots__ = ["id"]
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListMembersRequest(_message.Message):
    __slots__ = ["include_former", "include_subtree", "page", "unit_id"]
    INCLUDE_FORMER_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_SUBTREE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    include_former: bool
    include_subtree: bool
    page: _common_pb2.PageRequest
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., include_subtree: bool = ..., include_former: bool = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListMembersResponse(_message.Message):
    __slots__ = ["members", "next_page_token"]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[Member]
    next_page_token: str
    def __init__(self, members: _Optional[_Iterable[_Union[Member, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Member(_message.Message):
    __slots__ = ["full_name", "gender", "id", "joined_on", "left_on", "role", "union_member", "unit_id"]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JOINED_ON_FIELD_NUMBER: _ClassVar[int]
    LEFT_ON_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    UNION_MEMBER_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    gender: _common_pb2.Gender
    id: str
    joined_on: str
    left_on: str
    role: str
    union_member: bool
    unit_id: str
    def __init__(self, id: _Optional[str] = ..., unit_id: _Optional[str] = ..., full_name: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., role: _Optional[str] = ..., union_member: bool = ..., joined_on: _Optional[str] = ..., left_on: _Optional[str] = ...) -> None: ...

class MembershipPeriod(_message.Message):
    __slots__ = ["to", "unit_id"]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    to: str
    unit_id: str
    def __init__(self, unit_id: _Optional[str] = ..., to: _Optional[str] = ..., **kwargs) -> None: ...

class TransferMemberRequest(_message.Message):
    __slots__ = ["effective_on", "id", "reason", "to_unit_id"]
    EFFECTIVE_ON_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TO_UNIT_ID_FIELD_NUMBER: _ClassVar[int]
    effective_on: str
    id: str
    reason: str
    to_unit_id: str
    def __init__(self, id: _Optional[str] = ..., to_unit_id: _Optional[str] = ..., effective_on: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class UpdateMemberRequest(_message.Message):
    __slots__ = ["full_name", "gender", "id", "joined_on", "left_on", "reason", "role", "union_member", "update_mask"]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    JOINED_ON_FIELD_NUMBER: _ClassVar[int]
    LEFT_ON_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    UNION_MEMBER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    full_name: str
    gender: _common_pb2.Gender
    id: str
    joined_on: str
    left_on: str
    reason: str
    role: str
    union_member: bool
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., full_name: _Optional[str] = ..., gender: _Optional[_Union[_common_pb2.Gender, str]] = ..., role: _Optional[str] = ..., union_member: bool = ..., joined_on: _Optional[str] = ..., left_on: _Optional[str] = ..., reason: _Optional[str] = ..., update_mask: _Optional[_Iterable[str]] = ...) -> None: ...
