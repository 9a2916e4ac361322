"""``spindle drives``, ``spindle drives info DEVICE`` and ``spindle eject DEVICE``."""

from __future__ import annotations

import argparse

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.devices.info import DriveInfo
from app.core.devices.medium import MediaInfo
from app.core.drives.job import (
    DriveInfoJob,
    DriveList,
    DriveReport,
    ListDrivesJob,
    TrayJob,
    TrayResult,
)
from app.core.errors import PermissionDenied
from app.core.flash.report import describe_disk
from app.core.mmc.performance import speed_factor
from app.core.mmc.profiles import MediaFamily, Profile
from app.core.units import format_size


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    drives = subparsers.add_parser(
        "drives",
        parents=parents,
        help="list optical drives (and the discs in them) and removable disks",
        description=(
            "List every optical drive: what it reads and writes and what disc is in it; then "
            "the USB sticks and SD cards that spindle flash can write to."
        ),
    )
    drives.set_defaults(func=run_list)
    sub = drives.add_subparsers(dest="drives_command", metavar="SUBCOMMAND")
    info = sub.add_parser(
        "info",
        parents=parents,
        help="everything about one drive",
        description="Identity, profiles, features, speeds and the medium of DEVICE.",
    )
    info.add_argument("device", metavar="DEVICE", help="e.g. /dev/sr0")
    info.set_defaults(func=run_info)
    eject = subparsers.add_parser(
        "eject",
        parents=parents,
        help="open a drive's tray (or close it with --load)",
        description="Unlock and open the tray of DEVICE; with --load, close it.",
    )
    eject.add_argument("device", metavar="DEVICE")
    eject.add_argument("--load", action="store_true", help="close the tray instead")
    eject.set_defaults(func=run_eject)


def _speed(kbps: int, family: MediaFamily) -> str:
    factor = speed_factor(kbps, family)
    x = f" ({factor:.1f}x)" if factor else ""
    return f"{kbps} kB/s{x}"


def _family(info: DriveInfo) -> MediaFamily:
    try:
        return Profile(info.current_profile).family
    except ValueError:
        return MediaFamily.OTHER


def describe_disks(result: DriveList) -> list[str]:
    lines = []
    for disk in result.removable_disks:
        lines.append(f"{describe_disk(disk)} - removable")
        refusal = disk.refusal()
        if refusal:
            lines.append(f"    not offered for writing: {refusal}")
        else:
            mounted = f", mounted at {', '.join(disk.mounted)}" if disk.mounted else ""
            lines.append(f"    can be written with spindle flash{mounted}")
    return lines


def describe_list(result: DriveList) -> str:
    disks = describe_disks(result)
    if not result.drives:
        return "\n".join(["No optical drive found.", *disks])
    lines = []
    for report in result.drives:
        firmware = f" (firmware {report.info.firmware})" if report.info else ""
        writes = report.writes_summary or "?"
        lines.append(f"{report.path}  {report.name}{firmware} - {writes}")
        if report.error is not None:
            lines.append(f"    {report.error.message}")
        else:
            lines.append(f"    {report.media_summary}")
    denied = [r for r in result.drives if r.permission_denied]
    if denied:
        lines.append("")
        lines.append(f"{len(denied)} drive(s) could not be opened: see the advice above.")
    lines.extend(disks)
    return "\n".join(lines)


def describe_media(media: MediaInfo) -> list[str]:
    lines = [f"Disc:          {media.summary}"]
    if media.present and media.state.value not in ("no disc", "not ready"):
        lines.append(
            f"               {media.state.value}; {media.sessions} session(s), "
            f"{media.tracks} track(s); erasable: {'yes' if media.erasable else 'no'}"
        )
        lines.append(
            f"               used {format_size(media.used_bytes)}, "
            f"free {format_size(media.free_bytes)} of {format_size(media.capacity_bytes)}"
        )
        if media.next_writable_lba is not None:
            lines.append(f"               next writable address: LBA {media.next_writable_lba}")
    return lines


def describe_info(report: DriveReport) -> str:
    info = report.info
    assert info is not None
    family = _family(info)
    lines = [
        f"Drive:         {report.path} - {info.name}",
        f"Firmware:      {info.firmware or '?'}",
        f"Serial:        {info.serial or '-'}",
    ]
    if report.entry is not None and report.entry.sg_path:
        lines.append(f"SCSI generic:  {report.entry.sg_path}")
    lines.append(f"Reads:         {', '.join(info.read_profiles) or '?'}")
    lines.append(f"Writes:        {', '.join(info.write_profiles) or 'nothing (read-only)'}")
    if info.max_read_kbps:
        lines.append(f"Max read:      {_speed(info.max_read_kbps, family)}")
    if info.write_speeds_kbps:
        speeds = ", ".join(_speed(s, family) for s in info.write_speeds_kbps)
        lines.append(f"Write speeds:  {speeds}")
    if info.buffer_size_bytes:
        lines.append(f"Buffer:        {format_size(info.buffer_size_bytes)}")
    mechanism = info.loading_mechanism or "?"
    lines.append(
        f"Mechanism:     {mechanism}; eject: {'yes' if info.can_eject else 'no'}, "
        f"lock: {'yes' if info.can_lock else 'no'}, "
        f"media events: {'yes' if info.media_events else 'no'}"
    )
    if report.media is not None:
        lines.extend(describe_media(report.media))
    if info.profiles:
        lines.append("Profiles:")
        for profile in info.profiles:
            flags = [
                f for f, on in (("current", profile.current), ("write", profile.writable)) if on
            ]
            extra = f" [{', '.join(flags)}]" if flags else ""
            lines.append(f"  0x{profile.code:04X} {profile.name}{extra}")
    if info.features:
        lines.append("Features:")
        for feature in info.features:
            current = "" if feature.current else " (not current)"
            lines.append(f"  0x{feature.code:04X} {feature.name}{current}")
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    job = ListDrivesJob()
    results: list[DriveList] = []

    def describe(result: DriveList) -> str:
        results.append(result)
        return describe_list(result)

    code = run_cli_job(job, output, describe)
    if code == 0 and results and any(r.permission_denied for r in results[0].drives):
        return PermissionDenied.exit_code
    return code


def run_info(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    return run_cli_job(DriveInfoJob(args.device), output, describe_info)


def run_eject(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)

    def describe(result: TrayResult) -> str:
        return f"{result.path}: {result.action}."

    return run_cli_job(TrayJob(args.device, load=args.load), output, describe)
