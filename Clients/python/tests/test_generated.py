"""The committed generated code matches Proto/ (every .proto file, present and future)."""

from __future__ import annotations

import importlib
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1]
PROTO = HERE.parents[1] / "Proto"


def test_every_proto_file_has_a_committed_module() -> None:
    for proto in sorted(PROTO.rglob("*.proto")):
        module = ".".join(proto.relative_to(PROTO).with_suffix("").parts) + "_pb2"
        assert (HERE / "src" / (module.replace(".", "/") + ".py")).is_file(), module
        importlib.import_module(module)


@pytest.mark.skipif(shutil.which("protoc") is None, reason="protoc is not installed")
def test_generate_sh_reproduces_the_committed_code(tmp_path: Path) -> None:
    subprocess.run([str(HERE / "generate.sh"), str(tmp_path)], check=True, timeout=120,
                   capture_output=True)
    done = subprocess.run(
        ["diff", "-r", "-x", "__pycache__", str(HERE / "src" / "thidua"), str(tmp_path / "thidua")],
        capture_output=True, text=True)
    assert done.returncode == 0, "run Clients/python/generate.sh:\n" + done.stdout
