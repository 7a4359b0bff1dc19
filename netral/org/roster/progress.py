"""A one-line progress bar for a terminal, redrawn only when its text changes."""

from __future__ import annotations

from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.last = ""

    def __call__(self, rows: int, fraction: float | None) -> None:
        if fraction is None:
            line = f"{self.label}: {rows:,} rows"
        else:
            fraction = min(max(fraction, 0.0), 1.0)
            filled = int(fraction * WIDTH)
            bar = "#" * filled + "-" * (WIDTH - filled)
            line = f"{self.label} [{bar}] {fraction:4.0%} {rows:,} rows"
        if line != self.last:
            self.stream.write("\r" + line)
            self.stream.flush()
            self.last = line

    def close(self) -> None:
        if self.last:
            self.stream.write("\n")
            self.stream.flush()
