"""Status codes and the exceptions of the thidua client (docs/PROTOCOL.md §6, §8, §9)."""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from thidua.wire.v1 import frame_pb2


class StatusCode(enum.IntEnum):
    """The outcome of a call; the numbers and names are gRPC's (PROTOCOL.md §6)."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @classmethod
    def of(cls, code: int) -> "StatusCode":
        """The known code for ``code``; a code this client does not know is UNKNOWN (§6)."""
        try:
            return cls(code)
        except ValueError:
            return cls.UNKNOWN


#: Codes whose call may simply be retried (§6: "yes" in the "safe to retry?" column).
#: RESOURCE_EXHAUSTED: later, within the limits; UNAVAILABLE: on another connection.
RETRYABLE_CODES = frozenset(
    {StatusCode.RESOURCE_EXHAUSTED, StatusCode.ABORTED, StatusCode.UNAVAILABLE}
)

#: Codes whose call may be retried when it carried an ``idempotency-key`` metadata entry (§5, §6).
RETRYABLE_WITH_IDEMPOTENCY_KEY_CODES = RETRYABLE_CODES | frozenset(
    {StatusCode.DEADLINE_EXCEEDED, StatusCode.INTERNAL}
)


class _DetailFields(NamedTuple):
    field: str
    rule: str
    description: str


class ErrorDetail(_DetailFields):
    """One precise reason for a refusal: a ``(field, rule, description)`` tuple.

    ``description`` is in the language of the connection or the call (§2.1). :attr:`values`, not
    part of the tuple, holds the values the rule's message is written with, such as
    ``{"approving": "90", "total": "200", "percent": "50"}`` (docs/RULES.md), the same in every
    language.
    """

    values: Mapping[str, str]

    def __new__(cls, field: str, rule: str, description: str,
                values: Optional[Mapping[str, str]] = None) -> "ErrorDetail":
        detail = super().__new__(cls, field, rule, description)
        detail.values = MappingProxyType(dict(values or {}))
        return detail


def details_from_proto(details: Iterable[object]) -> list[ErrorDetail]:
    """Converts ``thidua.wire.v1.ErrorDetail`` messages into :class:`ErrorDetail` tuples."""
    return [
        ErrorDetail(d.field, d.rule, d.description, d.values)  # type: ignore[attr-defined]
        for d in details
    ]


class ThiduaError(Exception):
    """Base class of every exception raised by this package."""


class RpcError(ThiduaError):
    """A call (or the connection) ended with a status other than OK.

    Attributes:
        code: the status code as an int; a code unknown to this client is reported as
            ``UNKNOWN`` (2), with the number received kept in ``raw_code``.
        name: the code's name, such as ``"NOT_FOUND"``.
        message: text for people, in the language the client asked for (§2.1; English by
            default).
        details: a list of :class:`ErrorDetail` ``(field, rule, description)`` tuples, each
            with its ``values``.
        call_id: the call's id, when the error belongs to a call.
    """

    def __init__(
        self,
        code: int,
        message: str = "",
        details: Sequence[ErrorDetail] = (),
        *,
        call_id: Optional[int] = None,
    ) -> None:
        self.raw_code: int = int(code)
        self.status: StatusCode = StatusCode.of(self.raw_code)
        self.code: int = int(self.status)
        self.name: str = self.status.name
        self.message: str = message
        self.details: list[ErrorDetail] = [
            d if isinstance(d, ErrorDetail) else ErrorDetail(*d) for d in details
        ]
        self.call_id: Optional[int] = call_id
        super().__init__(str(self))

    @property
    def rules(self) -> list[str]:
        """The ``rule`` of every detail, in order."""
        return [d.rule for d in self.details]

    @property
    def is_retryable(self) -> bool:
        """True when §6 says the call is safe to retry as it is (RESOURCE_EXHAUSTED later,
        ABORTED, UNAVAILABLE on another connection)."""
        return self.status in RETRYABLE_CODES

    @property
    def is_retryable_with_idempotency_key(self) -> bool:
        """True when the call is safe to retry provided it carried an ``idempotency-key``:
        the :attr:`is_retryable` codes plus DEADLINE_EXCEEDED and INTERNAL (§6)."""
        return self.status in RETRYABLE_WITH_IDEMPOTENCY_KEY_CODES

    def __str__(self) -> str:
        text = f"{self.name}: {self.message}" if self.message else self.name
        if self.details:
            text += " [" + "; ".join(
                f"{d.field or '-'}: {d.rule}" + (f" ({d.description})" if d.description else "")
                for d in self.details
            ) + "]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code}, name={self.name!r}, "
            f"message={self.message!r}, details={self.details!r}, call_id={self.call_id!r})"
        )


class HandshakeError(RpcError):
    """The server refused the connection with a ``GoAway`` instead of a ``ServerHello`` (§2).

    ``code``/``name``/``message``/``details`` are those of the GoAway, which is kept in
    ``go_away`` (a ``thidua.wire.v1.GoAway``), or None when the refusal was not a GoAway.
    """

    def __init__(
        self,
        code: int,
        message: str = "",
        details: Sequence[ErrorDetail] = (),
        *,
        go_away: Optional["frame_pb2.GoAway"] = None,
    ) -> None:
        super().__init__(code, message, details)
        self.go_away: Optional["frame_pb2.GoAway"] = go_away


class FrameError(ThiduaError):
    """Bytes that break a framing rule of §1/§9, detected by this client's frame reader.

    Attributes:
        rule: the rule of PROTOCOL.md §9 that was broken, such as ``"frame.max_bytes"``.
        code: the status code a server uses in its GoAway for that rule.
    """

    def __init__(self, rule: str, code: StatusCode, message: str) -> None:
        self.rule = rule
        self.code = code
        self.message = message
        super().__init__(f"{rule} ({code.name}): {message}")


class ConnectionClosed(ThiduaError):
    """The byte stream ended. ``partial`` is True when it ended inside a frame."""

    def __init__(self, message: str, *, partial: bool = False) -> None:
        self.partial = partial
        super().__init__(message)
