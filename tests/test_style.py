"""ruff is clean over the whole repository (the configuration is in pyproject.toml)."""

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def test_style_ruff_is_clean():
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    try:
        proc = subprocess.run([*cmd, "check", str(ROOT)], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        pytest.fail("ruff is not installed; it is part of the [test] extra")
    assert proc.returncode == 0, proc.stdout[-3000:]
