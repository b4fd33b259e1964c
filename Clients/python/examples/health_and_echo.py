#!/usr/bin/env python3
"""Connects to a thidua server, lists its services, checks its health, echoes a message and
streams three echoes.

    python examples/health_and_echo.py 127.0.0.1:7878 [--api-key KEY]
"""

from __future__ import annotations

import argparse
import sys

import thidua_client
from thidua.host.v1 import echo_pb2, health_pb2, reflection_pb2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", help="HOST:PORT of the server")
    parser.add_argument("--api-key", default="", help="API key (empty: none)")
    args = parser.parse_args(argv)

    try:
        client = thidua_client.connect(args.address, client_name="health_and_echo/1",
                                       api_key=args.api_key)
    except thidua_client.RpcError as error:
        print(f"cannot connect: {error}", file=sys.stderr)
        return 1

    with client:
        print(f"connected to thidua {client.server_version} "
              f"(protocol {client.server_hello.protocol_version})")

        listing = client.call("thidua.host.v1.Reflection/ListServices",
                              reflection_pb2.ListServicesRequest(),
                              reflection_pb2.ListServicesResponse, timeout=5)
        for service in listing.services:
            methods = ", ".join(m.name + (" (stream)" if m.server_streaming else "")
                                for m in service.methods)
            print(f"  {service.name} [{service.module_id}]: {methods}")

        health = client.call("thidua.host.v1.Health/Check", health_pb2.HealthCheckRequest(),
                             health_pb2.HealthCheckResponse, timeout=5)
        print("health:", health_pb2.HealthCheckResponse.ServingStatus.Name(health.status))

        reply = client.call("thidua.host.v1.Echo/Unary",
                            echo_pb2.EchoRequest(payload=b"xin chao"), echo_pb2.EchoReply,
                            timeout=5)
        print("echo:", reply.payload.decode())

        ticks = echo_pb2.EchoStreamRequest(payload=b"tick", count=3, interval_ms=100)
        stream = client.stream("thidua.host.v1.Echo/Stream", ticks, echo_pb2.EchoReply,
                               timeout=10)
        for number, message in enumerate(stream, 1):
            print(f"stream {number}:", message.payload.decode())

        print(f"ping: {client.ping() * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
