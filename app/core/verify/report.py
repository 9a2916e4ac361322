"""The disc-vs-image comparison as people read it (CLI, Read workspace, rip --verify, verify
after burn)."""

from __future__ import annotations

from app.core.verify.compare import CompareResult


def describe_compare(result: CompareResult, limit: int = 20) -> str:
    """Differing and unreadable ranges as text, one fact a line (first ``limit`` of each)."""
    lines = [f"{result.compared_sectors} sectors compared"]
    if result.skipped_sectors:
        lines.append(f"{result.skipped_sectors} known-unreadable sectors left out")
    if result.differing:
        shown = ", ".join(str(r) for r in result.differing[:limit])
        more = " …" if len(result.differing) > limit else ""
        lines.append(f"{result.differing_sectors} differing sectors: LBA {shown}{more}")
    if result.unreadable:
        shown = ", ".join(str(r) for r in result.unreadable[:limit])
        lines.append(f"unreadable on the disc: LBA {shown}")
    return "\n".join(lines)


def describe_ranges(result: CompareResult) -> str:
    """Every differing and unreadable range on one line (a verify error's detail)."""
    parts = []
    if result.differing:
        parts.append("differing LBAs " + ", ".join(map(str, result.differing)))
    if result.unreadable:
        parts.append("unreadable LBAs " + ", ".join(map(str, result.unreadable)))
    return "; ".join(parts) or "all sectors identical"
