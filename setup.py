"""The optional compiled build. ``pip install -e .`` installs pure Python; with ``VNNEWS_COMPILE=1``
it also compiles every extractor module (``extractors/*.py`` but the package's ``__init__``) to a C
extension with mypyc, from the same source and its type hints. The output is the same, article for
article (``tests/test_compiled_build.py``); extraction takes about a fifth less CPU (README, Scale).

    VNNEWS_COMPILE=1 pip install -e .       # ``VNNEWS_COMPILE_OPT=0`` builds faster, runs slower

An editable install puts the compiled modules beside their sources, and Python imports them
instead: ``extractors`` warns when a source is newer than its compiled module. Remove them
(``rm extractors/*.so vnnews__mypyc.*.so``) to go back to pure Python.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def compiled_sources() -> list[str]:
    """The modules the compiled build compiles: every extractor but the package's ``__init__``
    (which loads them and checks that they are not stale)."""
    sources = (HERE / "extractors").glob("*.py")
    return sorted(str(p.relative_to(HERE)) for p in sources if p.name != "__init__.py")


def ext_modules() -> list:
    if os.environ.get("VNNEWS_COMPILE", "") not in ("1", "yes", "true"):
        return []
    from mypyc.build import mypycify

    old = Path.cwd()
    os.chdir(HERE)  # mypyc names the modules after the paths, relative to the project
    try:
        opt_level = os.environ.get("VNNEWS_COMPILE_OPT", "3")
        return mypycify(compiled_sources(), opt_level=opt_level, group_name="vnnews")
    finally:
        os.chdir(old)


setup(ext_modules=ext_modules())
