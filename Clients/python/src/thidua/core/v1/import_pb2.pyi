from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ImportCsvRequest(_message.Message):
    __slots__ = ["csv"]
    CSV_FIELD_NUMBER: _ClassVar[int]
    csv: bytes
    def __init__(self, csv: _Optional[bytes] = ...) -> None: ...

class ImportProgress(_message.Message):
    __slots__ = ["done", "rows_checked", "rows_imported", "rows_total"]
    DONE_FIELD_NUMBER: _ClassVar[int]
    ROWS_CHECKED_FIELD_NUMBER: _ClassVar[int]
    ROWS_IMPORTED_FIELD_NUMBER: _ClassVar[int]
    ROWS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    done: bool
    rows_checked: int
    rows_imported: int
    rows_total: int
    def __init__(self, rows_total: _Optional[int] = ..., rows_checked: _Optional[int] = ..., rows_imported: _Optional[int] = ..., done: bool = ...) -> None: ...
