"""The import rules of issue #14 hold: `lint-imports` checks the contracts in pyproject.toml.

Qt only in assistant.app; the layers (entry points above the app, the app above the describe
pipeline, the pipeline above the engines and capture); no torch on the describe path with the ONNX
runtime. A broken contract fails here with import-linter's own report, which names each chain.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(120)
def test_import_contracts_are_kept() -> None:
    assert importlib.util.find_spec("importlinter"), "import-linter comes with the dev extra"
    # The console script's own entry point, run by this interpreter (the venv's bin/ need not be on PATH);
    # --no-cache: nothing is written into the checkout.
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    run = subprocess.run(
        [sys.executable, "-c", code, "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert "Contracts:" in run.stdout, run.stdout + run.stderr  # it did check, and found our contracts
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
