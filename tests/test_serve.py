"""`make serve` on a machine where one of its ports is taken: it says which, and starts nothing."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("taken", ["PORT", "APP_PORT"])
def test_a_port_in_use_is_named_before_anything_starts(tmp_path, taken):
    with socket.socket() as other_program, socket.socket() as spare:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        spare.bind(("127.0.0.1", 0))
        ports = {taken: other_program.getsockname()[1]}
        ports["APP_PORT" if taken == "PORT" else "PORT"] = spare.getsockname()[1]
        spare.close()  # free: only the other one is in use
        env = {
            **os.environ,
            **{name: str(number) for name, number in ports.items()},
            # A database that must not be created: nothing may start.
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/headline_serve_never_made",
        }
        result = subprocess.run(
            [sys.executable, "deploy/serve.py"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"127.0.0.1:{ports[taken]} ({taken}) is in use" in result.stdout
    assert "creating the database" not in result.stdout
