"""What people read about a check or a repair (the CLI and the Read workspace share it)."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.protect.job import RepairResult


def sector_ranges(sectors: Sequence[int], limit: int = 12) -> str:
    """``3, 10-19 and 4 more ranges``."""
    runs: list[list[int]] = []
    for sector in sorted(sectors):
        if runs and runs[-1][1] + 1 == sector:
            runs[-1][1] = sector
        else:
            runs.append([sector, sector])
    text = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs[:limit])
    return text + (f" and {len(runs) - limit} more ranges" if len(runs) > limit else "")


def describe_repair(result: RepairResult) -> str:
    report = result.report
    lines = [
        f"{report.erasures} damaged sectors ({result.crc_damaged} by CRC, "
        f"{result.map_erasures} unread in the map); at most {report.worst_column} in one "
        f"codeword group ({report.header.nroots} can be rebuilt)."
    ]
    if report.repaired:
        lines.append(f"Repaired {len(report.repaired)} sectors: {sector_ranges(report.repaired)}")
    if report.unrepairable:
        lines.append(
            f"Could NOT repair {len(report.unrepairable)} sectors: "
            f"{sector_ranges(report.unrepairable)}"
        )
    if not report.erasures:
        lines.append("Nothing to repair.")
    return "\n".join(lines)
