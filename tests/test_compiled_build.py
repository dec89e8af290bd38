"""The compiled build (setup.py: the extractors compiled with mypyc) gives the same output as pure
Python, article for article, on the bundled articles, a generated corpus of both mixes and, when
../shared is beside the checkout, the real seeds and saved pages.

The build is made in a copy of the package (at mypyc's lowest optimisation level, which compiles
in half the time and runs the same code), so the checkout itself stays pure Python."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES_HTML, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

# In a copy of the package: which extractor modules are compiled, every article's contract, then
# the inputs it could not read (the saved listing pages of ../shared among them).
DUMP = """
import json, sys
from pathlib import Path
import extractors
from pipeline.readers import iter_articles
from pipeline.runner import extract_all
print(json.dumps({"compiled": extractors.compiled_modules(), "package": extractors.__file__}))
failures = []
for art in extract_all(iter_articles([Path(p) for p in sys.argv[1:]], failures)):
    print(json.dumps(art.to_contract(), ensure_ascii=False, sort_keys=True))
print(json.dumps([[f.path, f.reason] for f in failures], ensure_ascii=False))
"""


def _copy_package(to: Path) -> Path:
    to.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.pyc")
    for name in ("extractors", "pipeline"):
        shutil.copytree(ROOT / name, to / name, ignore=skip)
    for name in ("setup.py", "pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, to / name)
    return to


def _dump(package: Path, inputs: list[Path]) -> tuple[dict, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(package)}
    proc = subprocess.run([sys.executable, "-c", DUMP, *map(str, inputs)], cwd=package, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    first, *contracts = proc.stdout.splitlines()
    return json.loads(first), contracts


@pytest.mark.slow
def test_compiled_build_gives_the_output_of_pure_python(tmp_path: Path) -> None:
    pure = _copy_package(tmp_path / "pure")
    compiled = _copy_package(tmp_path / "compiled")
    env = {**os.environ, "VNNEWS_COMPILE": "1", "VNNEWS_COMPILE_OPT": "0"}
    build = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=compiled,
                           env=env, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:]

    inputs = sorted(p for p in (ROOT / "data" / "raw").iterdir() if p.is_dir())
    write_corpus(tmp_path / "report", 150, seed=7, mix="report")
    write_corpus(tmp_path / "dense", 100, seed=8, mix="dense")
    inputs += [tmp_path / "report", tmp_path / "dense"]
    inputs += [p for p in (SEEDS, FIXTURES_HTML) if p.exists()]

    pure_info, pure_out = _dump(pure, inputs)
    compiled_info, compiled_out = _dump(compiled, inputs)
    every_module = sorted(p.stem for p in (ROOT / "extractors").glob("*.py") if p.name != "__init__.py")
    assert pure_info["compiled"] == []
    assert compiled_info["compiled"] == every_module
    assert compiled_info["package"].startswith(str(compiled))
    assert len(compiled_out) == len(pure_out) > 250
    assert sum('"indicators": [{' in line for line in pure_out) > 100  # rows to compare, not empty lists
    for pure_line, compiled_line in zip(pure_out, compiled_out, strict=True):
        assert compiled_line == pure_line

    # an edit after the build: Python would still run the compiled module, and the package says so
    source = compiled / "extractors" / "kinds.py"
    os.utime(source)  # now: after the build
    env = {**os.environ, "PYTHONPATH": str(compiled)}
    warned = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-c", "import extractors"],
                            cwd=compiled, env=env, capture_output=True, text=True, timeout=60)
    assert warned.returncode != 0
    assert "extractors: kinds changed after the compiled build" in warned.stderr
