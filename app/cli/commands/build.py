"""``spindle build SRC... -o IMAGE``: build an ISO image from files and folders.

A folder given as SRC contributes its *contents* to the top of the disc (as mkisofs does); a
file is put at the top.  ``--project FILE`` starts from a saved project (SRCs are added to it).
``--from-image IMAGE`` starts from an existing image ("Edit as project"): its files stream from
it, its boot records are kept unless ``--drop-boot`` (app/core/image/edit.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.image.checksum import Algorithm
from app.core.image.edit import project_from_image
from app.core.image.job import BuildJob, BuildResult
from app.core.image.reader import open_image
from app.core.project.model import BootOptions, DiscProject, FileSystemOptions, IsoLevel
from app.core.project.projectfile import load_project
from app.core.units import MediaPreset, format_size

DEFAULT_ISOHYBRID_MBR = Path("/usr/lib/ISOLINUX/isohdpfx.bin")


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "build",
        parents=parents,
        help="build an ISO image from files and folders",
        description=(
            "Build an ISO 9660 image (with Joliet and Rock Ridge by default, UDF on request) "
            "from SRC files and folders; a folder's contents go to the top of the disc."
        ),
    )
    parser.add_argument("sources", nargs="*", type=Path, metavar="SRC")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="IMAGE")
    parser.add_argument("--label", help="volume label (default: the project's, or CDROM)")
    parser.add_argument("--publisher", help="publisher identifier")
    parser.add_argument("--level", type=int, choices=(1, 2, 3), help="ISO 9660 level (3)")
    parser.add_argument("--no-joliet", action="store_true", help="no Joliet (Windows) names")
    parser.add_argument("--no-rock-ridge", action="store_true", help="no Rock Ridge (POSIX)")
    parser.add_argument("--udf", action="store_true", help="add a UDF 2.60 file system")
    parser.add_argument("--boot-bios", type=Path, metavar="IMG", help="BIOS no-emulation image")
    parser.add_argument("--boot-efi", type=Path, metavar="IMG", help="UEFI FAT boot image")
    parser.add_argument(
        "--hybrid", action="store_true", help="add MBR + GPT so the image boots from USB"
    )
    parser.add_argument(
        "--hybrid-mbr",
        type=Path,
        metavar="FILE",
        help=f"isohybrid MBR code (default {DEFAULT_ISOHYBRID_MBR} when it exists)",
    )
    parser.add_argument("--project", type=Path, metavar="FILE", help="start from a project file")
    parser.add_argument(
        "--from-image",
        type=Path,
        metavar="IMAGE",
        help="start from an existing image: its files, names, times and boot records",
    )
    parser.add_argument(
        "--drop-boot",
        action="store_true",
        help="with --from-image: leave out the image's El Torito entries and MBR",
    )
    parser.add_argument(
        "--medium",
        choices=[m.name for m in MediaPreset],
        help="target medium for the capacity check (default DVD_5)",
    )
    parser.add_argument(
        "--strict-capacity", action="store_true", help="fail (not warn) when it does not fit"
    )
    parser.add_argument("--sha256", action="store_true", help="write IMAGE.sha256")
    parser.add_argument("--md5", action="store_true", help="write IMAGE.md5")
    parser.add_argument(
        "--implant-md5",
        action="store_true",
        help="implant the image's MD5 as implantisomd5 does (checkisomd5 checks it)",
    )
    parser.add_argument("-f", "--force", action="store_true", help="replace an existing IMAGE")
    parser.add_argument(
        "--list-names", action="store_true", help="list every name recorded differently"
    )
    parser.set_defaults(func=run)


def _start(args: argparse.Namespace) -> DiscProject:
    if args.from_image is not None and args.project is not None:
        raise InvalidInputError(
            "Give either --project or --from-image, not both.", "--project with --from-image"
        )
    if args.drop_boot and args.from_image is None:
        raise InvalidInputError("--drop-boot needs --from-image.", "--drop-boot alone")
    if args.from_image is not None:
        with open_image(args.from_image) as image:
            result = project_from_image(image)
        for note in result.notes:
            print(f"spindle: note: {note}", file=sys.stderr)
        return result.project
    if not args.sources and args.project is None:
        raise InvalidInputError(
            "Nothing to build: give files or folders, --project FILE or --from-image IMAGE."
        )
    return load_project(args.project) if args.project is not None else DiscProject()


def project_from_args(args: argparse.Namespace) -> DiscProject:
    project = _start(args)
    for source in args.sources:
        # a link to a folder named here is followed, as mkisofs and xorriso do
        if source.is_dir():
            project.add_contents(source)
        else:
            project.add_path(source)
    fs = project.filesystems
    level = IsoLevel(args.level) if args.level is not None else fs.iso_level
    project.filesystems = FileSystemOptions(
        level,
        joliet=fs.joliet and not args.no_joliet,
        rock_ridge=fs.rock_ridge and not args.no_rock_ridge,
        udf=fs.udf or args.udf,
        relocate_deep_folders=fs.relocate_deep_folders,
    )
    volume = project.volume
    if args.label is not None or args.publisher is not None:
        from dataclasses import replace

        volume = replace(
            volume,
            label=args.label if args.label is not None else volume.label,
            publisher=args.publisher if args.publisher is not None else volume.publisher,
        )
        project.volume = volume
    boot = project.boot
    hybrid_mbr = args.hybrid_mbr or boot.hybrid_mbr
    if hybrid_mbr is None and args.hybrid and DEFAULT_ISOHYBRID_MBR.is_file():
        hybrid_mbr = DEFAULT_ISOHYBRID_MBR
    project.boot = BootOptions(
        bios_image=args.boot_bios or boot.bios_image,
        efi_image=args.boot_efi or boot.efi_image,
        hybrid=args.hybrid or boot.hybrid,
        hybrid_mbr=hybrid_mbr if (args.hybrid or boot.hybrid) else None,
        replay=None if args.drop_boot else boot.replay,
    )
    if args.medium is not None:
        project.medium = MediaPreset[args.medium]
    return project


def _confirm_replace(path: Path) -> bool:
    """Ask on a terminal whether to replace an existing image (``--force`` skips this)."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    print(f"“{path}” already exists. Replace it? [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline().strip().lower()
    except (OSError, KeyboardInterrupt):
        return False
    return answer in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    project = project_from_args(args)
    if not args.force and not args.json and args.output.is_file():
        args.force = _confirm_replace(args.output)
    algorithms = tuple(
        alg
        for alg, wanted in ((Algorithm.SHA256, args.sha256), (Algorithm.MD5, args.md5))
        if wanted
    )
    job = BuildJob(
        project,
        args.output,
        overwrite=args.force,
        checksums=algorithms,
        refuse_overflow=args.strict_capacity,
        implant_md5=args.implant_md5,
    )

    def describe(result: BuildResult) -> str:
        layout = result.layout
        for warning in result.warnings:
            output.warning(warning)
        lines = [
            f"Wrote {result.path} ({format_size(result.size_bytes)}, {layout.total_sectors} "
            f"sectors): {layout.file_count} files, {layout.folder_count} folders, "
            f"{layout.link_count} links, {layout.boot_entries} boot entries."
        ]
        if result.name_changes:
            if args.list_names:
                lines.extend(
                    f"  {c.filesystem.value}: {c.path} -> {c.recorded}" for c in result.name_changes
                )
            else:
                lines.append(
                    f"{len(result.name_changes)} names are recorded differently in some file "
                    "system (--list-names shows them)."
                )
        lines.extend(
            f"{d.hex}  {result.path.name}  ({d.algorithm.hashlib_name})" for d in result.digests
        )
        lines.extend(f"Wrote {p}" for p in result.sidecars)
        return "\n".join(lines)

    return run_cli_job(job, output, describe)
