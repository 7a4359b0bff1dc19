"""``netral triage``: JSON Lines in, triage results out; ``train`` and ``eval``.

netral triage [PATH|-] [--workers N]    one {"id", "text"} per line -> one result per line
netral triage train [--output FILE]     build the model from the corpus (deterministic)
netral triage eval [--folds K] [--json] quality on the corpus: CV folds and held-out test
netral triage compare [--folds K] [--precision P] [--thresholds] [--write]
                                        candidate models by grouped CV; per-code thresholds
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
# what json.dumps(obj, ensure_ascii=False) does, without building an encoder per line
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _error(ident: Any, message: str) -> dict[str, Any]:
    return {"id": ident, "error": message}


def process_line(line: str) -> tuple[str, bool]:
    """One input line -> (output line, ok)."""
    from netral.triage.engine import MAX_CHARS, triage

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        out, ok = _error(None, f"invalid JSON: {error.msg}"), False
    else:
        out, ok = _result(record, MAX_CHARS, triage)
    return _encode(out), ok


def _result(record: Any, max_chars: int, run: Any) -> tuple[dict[str, Any], bool]:
    if not isinstance(record, dict):
        return _error(None, "a line must be a JSON object"), False
    ident = record.get("id")
    if "id" not in record or ident is None:
        return _error(None, "missing id"), False
    if "text" not in record:
        return _error(ident, "missing text"), False
    text = record["text"]
    if not isinstance(text, str):
        return _error(ident, "text must be a string"), False
    if len(text) > max_chars:
        return _error(ident, f"text is longer than {max_chars} characters"), False
    return {"id": ident, **run(text).to_dict()}, True


def process_chunk(lines: list[str]) -> list[tuple[str, bool]]:
    return [process_line(line) for line in lines]


def _lines(handle: IO[str]) -> Iterator[str]:
    return (line for line in handle if line.strip())


def _triage_stream(args: argparse.Namespace) -> int:
    if args.path == "-":
        handle: IO[str] = sys.stdin
    else:
        try:
            handle = Path(args.path).open(encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as error:
            print(f"netral triage: cannot read {args.path}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
    all_ok = True
    try:
        if args.workers > 1:
            from netral.triage.bulk import run_parallel

            results = run_parallel(_lines(handle), args.workers, process_chunk)
        else:
            results = (process_line(line) for line in _lines(handle))
        out = sys.stdout
        for text, ok in results:
            out.write(text + "\n")
            all_ok &= ok
        out.flush()
    finally:
        if handle is not sys.stdin:
            handle.close()
    return EXIT_OK if all_ok else EXIT_ERRORS


def _train(args: argparse.Namespace) -> int:
    from netral.triage.model import build, training_examples

    examples = training_examples()
    model, path = build(Path(args.output) if args.output else None)
    print(json.dumps({"model": model.key, "path": str(path), "examples": len(examples),
                      "features": len(model.weights)}))  # fmt: skip
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from netral.triage.evaluate import evaluate, render

    report = evaluate(args.folds)
    print(json.dumps(report, ensure_ascii=False) if args.json else render(report))
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from netral.triage.compare import compare, thresholds_report, write_thresholds

    if not args.thresholds:
        print(f"{'candidate':<54}{'thresholds':<24}{'any P':>7}{'any R':>7}{'any F1':>7}"
              f"{'codes F1':>9}")  # fmt: skip
        for name, mode, s in compare(args.folds, args.precision):
            print(f"{name:<54}{mode:<24}{s['any_precision']:>7.3f}{s['any_recall']:>7.3f}"
                  f"{s['any_f1']:>7.3f}{s['micro_f1']:>9.3f}")  # fmt: skip
        return EXIT_OK
    chosen, report = thresholds_report(args.folds, args.precision)
    print(report)
    if args.write:
        print(f"written to {write_thresholds(chosen, args.precision)}")
    return EXIT_OK


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "train":
        parser = argparse.ArgumentParser(prog="netral triage train")
        parser.add_argument("--output", help="model file (default: the cache)")
        return parser
    if command == "eval":
        parser = argparse.ArgumentParser(prog="netral triage eval")
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--json", action="store_true", help="machine-readable report")
        return parser
    if command == "compare":
        parser = argparse.ArgumentParser(prog="netral triage compare")
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--precision", type=float, default=0.75,
                            help="per-code precision the thresholds must reach")  # fmt: skip
        parser.add_argument("--thresholds", action="store_true",
                            help="per-code thresholds and curves for the model in use")  # fmt: skip
        parser.add_argument("--write", action="store_true",
                            help="with --thresholds: store them in data/combine.yaml")  # fmt: skip
        return parser
    parser = argparse.ArgumentParser(
        prog="netral triage", description="JSON Lines {id, text} in, triage results out."
    )
    parser.add_argument("path", nargs="?", default="-", help="input file, or - for stdin")
    parser.add_argument("--workers", type=int, default=1, help="processes to use")
    return parser


def main(argv: Sequence[str]) -> int:
    args_list = list(argv)
    command = (
        args_list[0] if args_list and args_list[0] in {"train", "eval", "compare"} else "triage"
    )
    rest = args_list[1:] if command != "triage" else args_list
    parser = _parser(command)
    try:
        args = parser.parse_args(rest)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if command == "train":
        return _train(args)
    if command in {"eval", "compare"}:
        if args.folds < 2:
            print(f"netral triage {command}: --folds must be at least 2", file=sys.stderr)
            return EXIT_USAGE
        return _eval(args) if command == "eval" else _compare(args)
    if args.workers < 1:
        print("netral triage: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    return _triage_stream(args)
