"""Score the self-check on everyday questions (questions.yaml, written by the team).

    .venv/bin/python -m tests.guide.everyday [FILE] [-v]

prints verdict accuracy, conduct accuracy (the set of codes equal) and both, and with -v
every question that missed. The test of the same name holds the figures to a floor.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from netral.datafiles import read_strict_yaml
from netral.guide.core.advice import Question, check
from netral.guide.core.guidance import default_guidance
from netral.rules import default_catalogue

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


@dataclass(frozen=True)
class Scored:
    text: str
    expected_verdict: str
    expected_conduct: frozenset[str]
    verdict: str
    conduct: frozenset[str]

    @property
    def verdict_right(self) -> bool:
        return self.verdict == self.expected_verdict

    @property
    def conduct_right(self) -> bool:
        return self.conduct == self.expected_conduct


def load(path: Path = QUESTIONS) -> list[dict[str, object]]:
    questions: list[dict[str, object]] = read_strict_yaml(path)["questions"]
    return questions


def score(path: Path = QUESTIONS) -> list[Scored]:
    guidance, catalogue = default_guidance(), default_catalogue()
    scored = []
    for item in load(path):
        facts = dict(item.get("facts") or {})  # type: ignore[call-overload]
        day = item["date"]
        assert isinstance(day, datetime.date)
        answer = check(
            Question(date=day, subject=str(item["subject"]), text=str(item["text"]), **facts),
            guidance=guidance,
            catalogue=catalogue,
        )
        scored.append(
            Scored(
                text=str(item["text"]),
                expected_verdict=str(item["verdict"]),
                expected_conduct=frozenset(item["conduct"]),  # type: ignore[arg-type]
                verdict=answer.verdict,
                conduct=frozenset(answer.codes),
            )
        )
    return scored


def summary(scored: list[Scored]) -> str:
    total = len(scored)
    verdict = sum(s.verdict_right for s in scored)
    conduct = sum(s.conduct_right for s in scored)
    both = sum(s.verdict_right and s.conduct_right for s in scored)
    return (
        f"{total} questions: verdict {verdict}/{total} ({verdict / total:.1%}), "
        f"conduct {conduct}/{total} ({conduct / total:.1%}), both {both}/{total} "
        f"({both / total:.1%})"
    )


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("-")]
    scored = score(paths[0] if paths else QUESTIONS)
    if "-v" in argv:
        for s in scored:
            if not (s.verdict_right and s.conduct_right):
                print(
                    f"MISS {s.text}\n  got {s.verdict} {sorted(s.conduct)}; "
                    f"expected {s.expected_verdict} {sorted(s.expected_conduct)}"
                )
    print(summary(scored))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
