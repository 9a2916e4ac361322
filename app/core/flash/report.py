"""The words the CLI and the Write workspace show for a flash: the question before writing and
the result after it."""

from __future__ import annotations

from app.core.devices.removable import DiskEntry
from app.core.flash.job import FlashPlan, FlashResult
from app.core.units import format_rate, format_size

KIND_NAMES = {"usb": "USB disk", "sd": "SD card", "disk": "fixed disk"}


def describe_disk(disk: DiskEntry) -> str:
    """``/dev/sdb  SanDisk Cruzer Blade, USB disk, 29.8 GiB (1 partition)``."""
    parts = len(disk.partitions)
    partitions = f" ({parts} partition{'s' if parts != 1 else ''})" if parts else ""
    kind = KIND_NAMES.get(disk.kind, disk.kind)
    return f"{disk.path}  {disk.name}, {kind}, {format_size(disk.size_bytes)}{partitions}"


def describe_plan(plan: FlashPlan) -> str:
    """What will happen, for the confirmation question."""
    target = plan.target
    lines = [
        f"Write {plan.image.name} ({format_size(plan.image_bytes)}) to {describe_disk(target)}.",
        f"EVERYTHING on {target.path} will be erased.",
    ]
    for part in target.partitions:
        label = f" “{part.label}”" if part.label else ""
        fs = f" {part.fs_type}" if part.fs_type else ""
        mounted = f", mounted at {', '.join(part.mountpoints)}" if part.mountpoints else ""
        lines.append(f"  {part.path}{fs}{label}, {format_size(part.size_bytes)}{mounted}")
    if plan.mounted:
        lines.append(f"Mounted file systems will be unmounted first: {', '.join(plan.mounted)}.")
    lines.append(plan.boot.sentence())
    return "\n".join(lines)


def describe_result(result: FlashResult) -> str:
    lines = [
        f"Wrote {result.image.name} to {result.device} ({result.target_name}): "
        f"{format_size(result.image_bytes)} in {result.write_seconds:.1f} s "
        f"({format_rate(result.write_bytes_per_second)})."
    ]
    if result.unmounted:
        lines.append(f"Unmounted first: {', '.join(result.unmounted)}.")
    if result.verified:
        lines.append(
            f"Verified: read back from the stick (bypassing the cache) in "
            f"{result.verify_seconds:.1f} s; SHA-256 {result.device_sha256} matches the image."
        )
    else:
        lines.append(f"Not verified (--no-verify). Image SHA-256 {result.image_sha256}.")
    if result.boot is not None:
        lines.append(result.boot.sentence())
    lines.append("The stick can be removed.")
    return "\n".join(lines)
