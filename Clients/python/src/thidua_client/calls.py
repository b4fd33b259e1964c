"""Handles of calls in flight: :class:`UnaryCall` (a future) and :class:`StreamCall` (an iterator).

A call ends exactly once, with OK or an :class:`~thidua_client.errors.RpcError`: when the
server's ``CallStatus`` arrives, or earlier, locally, when the client cancels it, its deadline
passes, a GoAway refuses it or the connection closes. Whatever ended it locally, the server's own
``CallStatus`` is still expected (§13.5); :meth:`Call.wait_server_status` waits for it.
"""

from __future__ import annotations

import collections
import threading
import time
from typing import TYPE_CHECKING, Any, Deque, Generic, Iterator, Optional, Type, TypeVar, Union

from google.protobuf.message import DecodeError, Message

from .errors import RpcError, StatusCode

if TYPE_CHECKING:  # pragma: no cover
    from .client import Client

M = TypeVar("M", bound=Message)
Response = Union[Message, bytes]


def decode_payload(payload: bytes, response_type: Optional[Type[Message]], call_id: int) -> Any:
    """``payload`` decoded as ``response_type``, or the raw bytes when it is None."""
    if response_type is None:
        return payload
    message = response_type()
    try:
        message.ParseFromString(payload)
    except DecodeError as error:
        raise RpcError(
            StatusCode.INTERNAL,
            f"the answer does not decode as {message.DESCRIPTOR.full_name}: {error}",
            call_id=call_id,
        ) from None
    return message


class Call:
    """What unary and streaming calls share. Created by :class:`~thidua_client.Client` only.

    Attributes:
        call_id: the id the call was sent with.
        method: ``"package.Service/Method"``.
    """

    def __init__(
        self,
        client: "Client",
        call_id: int,
        method: str,
        response_type: Optional[Type[Message]],
        lock: threading.Lock,
    ) -> None:
        self.call_id = call_id
        self.method = method
        self._client = client
        self._response_type = response_type
        self._cond = threading.Condition(lock)
        self._error: Optional[RpcError] = None
        self._done = False
        self._cancelled = False
        self._server_code: Optional[int] = None
        self._server_ended = False

    # -- public --------------------------------------------------------------------------------

    def cancel(self) -> bool:
        """Abandons the call: it ends at once with CANCELLED and a ``Cancel`` frame tells the
        server to stop its handler (§5). Returns False if the call had already ended."""
        with self._cond:
            if self._done:
                return False
            self._cancelled = True
            self._end_locked(RpcError(StatusCode.CANCELLED, "the client cancelled the call",
                                      call_id=self.call_id))
        self._client._send_cancel(self.call_id)
        return True

    def done(self) -> bool:
        """True once the call has ended (successfully or not)."""
        with self._cond:
            return self._done

    def cancelled(self) -> bool:
        """True when :meth:`cancel` ended the call."""
        with self._cond:
            return self._cancelled

    @property
    def code(self) -> Optional[int]:
        """The call's final status code as an int, or None while it runs."""
        with self._cond:
            if not self._done:
                return None
            return self._error.code if self._error is not None else int(StatusCode.OK)

    @property
    def server_code(self) -> Optional[int]:
        """The code of the server's ``CallStatus`` for this call, or None if none arrived (yet)."""
        with self._cond:
            return self._server_code

    def wait_server_status(self, timeout: Optional[float] = None) -> Optional[int]:
        """Waits until the server's ``CallStatus`` for this call arrived, or the connection or
        the GoAway made it impossible; returns its code (None if it will never come)."""
        with self._cond:
            self._cond.wait_for(lambda: self._server_ended, timeout)
            return self._server_code

    # -- called by the client, with the lock held ------------------------------------------

    def _end_locked(self, error: Optional[RpcError]) -> None:
        if self._done:
            return
        self._done = True
        self._error = error
        self._cond.notify_all()

    def _server_status_locked(self, code: int, error: Optional[RpcError], payload: bytes) -> None:
        self._server_code = code
        self._server_ended = True
        self._end_locked(error)
        self._cond.notify_all()

    def _server_gone_locked(self, error: RpcError) -> None:
        """No CallStatus will come (connection closed, or refused by a GoAway)."""
        self._server_ended = True
        self._end_locked(error)
        self._cond.notify_all()

    def _response_locked(self, payload: bytes) -> None:
        """A ``Response`` frame arrived for this call."""


class UnaryCall(Call):
    """A unary call in flight; a future of its response message."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._payload: Optional[bytes] = None

    def result(self, timeout: Optional[float] = None) -> Any:
        """The response message (or bytes, for calls made without a response type).

        Args:
            timeout: seconds to wait here; this is not the call's deadline. None waits until the
                call ends.

        Raises:
            RpcError: the call ended with a status other than OK.
            TimeoutError: ``timeout`` passed first (the call goes on).
        """
        with self._cond:
            if not self._cond.wait_for(lambda: self._done, timeout):
                raise TimeoutError(f"call {self.call_id} ({self.method}) is still running")
            if self._error is not None:
                raise self._error
            payload = self._payload or b""
        return decode_payload(payload, self._response_type, self.call_id)

    def exception(self, timeout: Optional[float] = None) -> Optional[RpcError]:
        """The call's error, or None if it succeeded. Waits like :meth:`result`."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._done, timeout):
                raise TimeoutError(f"call {self.call_id} ({self.method}) is still running")
            return self._error

    def _server_status_locked(self, code: int, error: Optional[RpcError], payload: bytes) -> None:
        if not self._done and error is None:
            self._payload = payload
        super()._server_status_locked(code, error, payload)


class StreamCall(Call, Generic[M]):
    """A server-streaming call in flight: iterate over it to get each response message.

    Iteration ends when the stream ends with OK, and raises :class:`RpcError` when it ends with
    any other status (after the messages that arrived before it). Responses that arrive faster
    than they are consumed are buffered.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._messages: Deque[bytes] = collections.deque()

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        payload = self._next_payload(None)
        return decode_payload(payload, self._response_type, self.call_id)

    def next(self, timeout: Optional[float] = None) -> Any:
        """The next message, waiting at most ``timeout`` seconds (TimeoutError after).

        Raises StopIteration at the end of a stream that ended OK, RpcError otherwise."""
        payload = self._next_payload(timeout)
        return decode_payload(payload, self._response_type, self.call_id)

    def collect(self) -> list[Any]:
        """Every remaining message, as a list, once the stream ends OK (RpcError otherwise)."""
        return list(self)

    def _next_payload(self, timeout: Optional[float]) -> bytes:
        end = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while True:
                if self._messages:
                    return self._messages.popleft()
                if self._done:
                    if self._error is not None:
                        raise self._error
                    raise StopIteration
                remaining = None if end is None else end - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise TimeoutError(f"no message of call {self.call_id} within {timeout} s")
                self._cond.wait(remaining)

    def _response_locked(self, payload: bytes) -> None:
        if not self._done:
            self._messages.append(payload)
            self._cond.notify_all()

    def _end_locked(self, error: Optional[RpcError]) -> None:
        if not self._done and self._cancelled:
            self._messages.clear()  # a cancelled stream delivers nothing more
        super()._end_locked(error)
