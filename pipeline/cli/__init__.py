"""The ``vnnews`` command: one subcommand per stage, each in its own module of this package.

A module ``pipeline/cli/<name>.py`` that defines ``command`` (a click command) is the subcommand
``vnnews <name>``; modules are imported only when their command runs, so ``vnnews --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import click

from pipeline import __version__

_HERE = Path(__file__).resolve().parent
# module name -> command name, where they differ
_ALIASES = {"eval_cmd": "eval", "query_cmd": "query", "export_cmd": "export"}


def _command_modules() -> dict[str, str]:
    mods = {}
    for info in pkgutil.iter_modules([str(_HERE)]):
        if info.name.startswith("_"):
            continue
        mods[_ALIASES.get(info.name, info.name).replace("_", "-")] = info.name
    return mods


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_command_modules())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        mod = _command_modules().get(cmd_name)
        if mod is None:
            return None
        cmd: click.Command = importlib.import_module(f"{__name__}.{mod}").command
        return cmd


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnnews")
def cli() -> None:
    """vnnews: Vietnamese provincial news -> officials, units, decisions, money, indicators."""


def fail(message: str, code: int = 1) -> None:
    """Print one clear line on stderr and exit non-zero (never a traceback)."""
    click.echo(f"vnnews: error: {message}", err=True)
    sys.exit(code)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("vnnews: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
