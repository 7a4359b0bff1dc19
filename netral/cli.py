"""The `netral` command.

Each subcommand lives in its own module exposing ``main(argv) -> int`` and is imported
only when called, so `netral rules` or `netral triage` never load Django.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

# subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("netral.commands.demo", "create a demo database and serve the site on :8000"),
    "manage": ("netral.commands.manage", "run a Django management command"),
    "load": ("netral.commands.load", "load reference data (e.g. `netral load regions`)"),
    "import": ("netral.commands.importing", "import data (e.g. `netral import employees FILE`)"),
    "rules": ("netral.rules.cli", "the legal catalogue: assess, due, catalogue"),
    "triage": ("netral.triage.cli", "Indonesian text to conduct codes (JSON Lines)"),
    "screen": ("netral.commands.screen", "screen social-media exports on Dask (Parquet out)"),
    "docs": ("netral.documents.cli", "extract neutrality instruments from documents"),
    "audit": ("netral.commands.audit", "verify the audit chains; signed checkpoints"),
    "backup": ("netral.commands.backup", "write an encrypted backup archive (docs/backup.md)"),
    "stats": (
        "netral.commands.stats",
        "rebuild the statistics summary table (`netral stats refresh`)",
    ),
    "restore": ("netral.commands.restore", "restore a backup into an empty database, checked"),
}

EXIT_USAGE = 2


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["usage: netral COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name:<{width}}  {help_}" for name, (_, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0 if args else EXIT_USAGE
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"netral: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return EXIT_USAGE
    module = importlib.import_module(COMMANDS[name][0])
    result: int = module.main(rest)
    return result


if __name__ == "__main__":
    sys.exit(main())
