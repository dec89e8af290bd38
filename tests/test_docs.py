"""The README documents every command and every extraction stage, and every command has help."""

import re

import pytest
from click.testing import CliRunner

from extractors import REGISTRY
from pipeline.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = cli.list_commands(None)  # type: ignore[arg-type]


def test_docs_lists_the_expected_stage_commands():
    assert {"scrape", "extract", "load", "run", "query", "export", "serve", "eval"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_readme_names_every_command(name):
    assert re.search(rf"`vnnews {re.escape(name)}\b", README), f"README has no `vnnews {name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_every_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


@pytest.mark.parametrize("name", list(REGISTRY))
def test_docs_readme_names_every_extractor(name):
    assert f"extractors/{name}.py" in README
