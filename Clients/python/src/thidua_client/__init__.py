"""Python client of the thidua wire protocol, version 1 (docs/PROTOCOL.md).

    import thidua_client
    from thidua.host.v1 import echo_pb2

    with thidua_client.connect("127.0.0.1:7878", api_key="") as client:
        reply = client.call("thidua.host.v1.Echo/Unary", echo_pb2.EchoRequest(payload=b"hi"),
                            echo_pb2.EchoReply, timeout=5)

The generated protobuf modules live in the top-level ``thidua`` package
(``thidua.wire.v1.frame_pb2``, ``thidua.host.v1.echo_pb2``...), named after the proto packages.
"""

from .calls import Call, StreamCall, UnaryCall
from .client import DEFAULT_PORT, PROTOCOL_VERSION, Client, connect, parse_address
from .errors import (
    RETRYABLE_CODES,
    RETRYABLE_WITH_IDEMPOTENCY_KEY_CODES,
    ConnectionClosed,
    ErrorDetail,
    FrameError,
    HandshakeError,
    RpcError,
    StatusCode,
    ThiduaError,
)
from .framing import FrameReader, decode_body, encode_frame
from .stub import Method, Stub, message_class

__version__ = "0.1.0"

__all__ = [
    "Call",
    "Client",
    "ConnectionClosed",
    "DEFAULT_PORT",
    "ErrorDetail",
    "FrameError",
    "FrameReader",
    "HandshakeError",
    "Method",
    "PROTOCOL_VERSION",
    "RETRYABLE_CODES",
    "RETRYABLE_WITH_IDEMPOTENCY_KEY_CODES",
    "RpcError",
    "StatusCode",
    "StreamCall",
    "Stub",
    "ThiduaError",
    "UnaryCall",
    "connect",
    "decode_body",
    "encode_frame",
    "message_class",
    "parse_address",
]
