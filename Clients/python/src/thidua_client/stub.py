"""Typed access to a service through the generated code: ``client.stub("thidua.host.v1.Echo")``.

The stub reads the service's descriptor from the generated modules (every ``*_pb2`` module
under the ``thidua`` package is imported on first use), so each method knows its request and
response classes and whether it streams; nothing is written by hand per service.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Type

from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.message import Message

if TYPE_CHECKING:  # pragma: no cover
    from .calls import UnaryCall
    from .client import Client

_imported = False
_import_lock = threading.Lock()


def import_generated_modules() -> None:
    """Imports every generated ``*_pb2`` module of the ``thidua`` package (once), which
    registers their descriptors in the default descriptor pool."""
    global _imported
    with _import_lock:
        if _imported:
            return
        import thidua

        # The generated tree is a namespace package (no __init__.py), which pkgutil does not
        # walk: list the files instead.
        names: set[str] = set()
        for root in thidua.__path__:
            for folder, _, files in os.walk(root):
                package = ".".join(["thidua", *Path(folder).relative_to(root).parts])
                names.update(f"{package}.{f[:-3]}" for f in files if f.endswith("_pb2.py"))
        for name in sorted(names):
            importlib.import_module(name)
        _imported = True


def message_class(full_name: str) -> Type[Message]:
    """The generated class of a message, by its fully qualified name."""
    import_generated_modules()
    descriptor = descriptor_pool.Default().FindMessageTypeByName(full_name)
    try:
        from google.protobuf.message_factory import GetMessageClass  # protobuf >= 4.22
    except ImportError:  # pragma: no cover - older runtimes
        from google.protobuf import symbol_database

        return symbol_database.Default().GetSymbol(full_name)  # type: ignore[no-any-return]
    return GetMessageClass(descriptor)  # type: ignore[no-any-return]


class Method:
    """One method of a :class:`Stub`. Call it with a request message or with its fields."""

    def __init__(self, client: "Client", path: str, input_type: Type[Message],
                 output_type: Type[Message], server_streaming: bool) -> None:
        self.client = client
        self.path = path
        self.input_type = input_type
        self.output_type = output_type
        self.server_streaming = server_streaming

    def _request(self, request: Optional[Message], fields: Mapping[str, Any]) -> Message:
        if request is not None and fields:
            raise TypeError("give a request message or its fields, not both")
        return request if request is not None else self.input_type(**fields)

    def __call__(self, request: Optional[Message] = None, *, timeout: Optional[float] = None,
                 metadata: Optional[Mapping[str, str]] = None, **fields: Any) -> Any:
        """A unary method returns its response message (RpcError on failure); a streaming one
        returns a :class:`~thidua_client.calls.StreamCall` to iterate over."""
        message = self._request(request, fields)
        if self.server_streaming:
            return self.client.stream(self.path, message, self.output_type,
                                      timeout=timeout, metadata=metadata)
        return self.client.call(self.path, message, self.output_type,
                                timeout=timeout, metadata=metadata)

    def future(self, request: Optional[Message] = None, *, timeout: Optional[float] = None,
               metadata: Optional[Mapping[str, str]] = None, **fields: Any) -> "UnaryCall":
        """Starts a unary method and returns its :class:`~thidua_client.calls.UnaryCall`."""
        if self.server_streaming:
            raise TypeError(f"{self.path} is a streaming method; call it to get its stream")
        return self.client.call_async(self.path, self._request(request, fields), self.output_type,
                                      timeout=timeout, metadata=metadata)


class Stub:
    """The methods of one service as attributes: ``stub.Check(service="")``.

    Raises:
        KeyError: no generated code declares ``service``.
    """

    def __init__(self, client: "Client", service: str) -> None:
        import_generated_modules()
        pool = descriptor_pool.Default()
        descriptor = pool.FindServiceByName(service)
        # MethodDescriptor.server_streaming is missing from some runtimes; the proto form has it.
        file_proto = descriptor_pb2.FileDescriptorProto()
        descriptor.file.CopyToProto(file_proto)
        (service_proto,) = [s for s in file_proto.service if s.name == descriptor.name]
        self.name = service
        self.methods: dict[str, Method] = {}
        for method in service_proto.method:
            self.methods[method.name] = Method(
                client,
                f"{service}/{method.name}",
                message_class(method.input_type.lstrip(".")),
                message_class(method.output_type.lstrip(".")),
                method.server_streaming,
            )

    def __getattr__(self, name: str) -> Method:
        try:
            method: Method = self.__dict__["methods"][name]
            return method
        except KeyError:
            raise AttributeError(f"{self.__dict__.get('name')} has no method {name!r}") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.methods))
