"""``spindle info|ls|extract|mount|unmount IMAGE``: look inside an existing image.

``info`` and ``ls`` read the image's structures only (fast, no job); ``extract`` runs an
:class:`~app.core.image.job.ExtractJob` with progress; ``mount``/``unmount`` go through
udisks2 (``app.core.image.mount``), so a desktop user needs no password.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.image.tree import FsKind


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    info = subparsers.add_parser(
        "info",
        parents=parents,
        help="show the file systems, boot records and partitions of an image",
        description="Show what IMAGE holds: ISO 9660, Rock Ridge, Joliet and UDF trees with "
        "labels and sizes, El Torito boot entries, MBR/GPT partitions of hybrid images, an "
        "implanted isomd5sum MD5, checksum sidecars, and any damage found.",
    )
    info.add_argument("image", type=Path, metavar="IMAGE")
    info.add_argument(
        "--verify-md5",
        action="store_true",
        help="check the implanted isomd5sum MD5 (reads the whole image; exit 4 if it fails)",
    )
    info.set_defaults(func=run_info)

    ls = subparsers.add_parser(
        "ls",
        parents=parents,
        help="list the files of an image",
        description="List every entry below PATH (default: all) of one file system of IMAGE, "
        "one full path a line.",
    )
    ls.add_argument("image", type=Path, metavar="IMAGE")
    ls.add_argument("path", nargs="?", default="/", metavar="PATH")
    ls.add_argument("--fs", choices=[k.value for k in FsKind], help="the tree to list")
    ls.add_argument("-l", dest="long", action="store_true", help="mode, size, time, link target")
    ls.set_defaults(func=run_ls)

    extract = subparsers.add_parser(
        "extract",
        parents=parents,
        help="copy files out of an image",
        description="Copy PATHs (default: everything) of IMAGE into DIR, keeping times and "
        "modes. Names that could escape DIR are made safe; links pointing out of DIR are not "
        "made. Existing files are replaced only with --force.",
    )
    extract.add_argument("image", type=Path, metavar="IMAGE")
    extract.add_argument("paths", nargs="*", metavar="PATH")
    extract.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    extract.add_argument("--fs", choices=[k.value for k in FsKind], help="the tree to copy")
    extract.add_argument("--force", action="store_true", help="replace existing files")
    extract.set_defaults(func=run_extract)

    for name, func, text in (
        ("mount", run_mount, "attach IMAGE read-only and mount it through udisks2"),
        ("unmount", run_unmount, "unmount IMAGE and detach its loop device (udisks2)"),
    ):
        sub = subparsers.add_parser(name, parents=parents, help=text, description=text + ".")
        sub.add_argument("image", type=Path, metavar="IMAGE")
        sub.set_defaults(func=func)


def _fs(args: argparse.Namespace) -> FsKind | None:
    return FsKind(args.fs) if args.fs else None


def _require_file(path: Path) -> None:
    if not path.exists():
        raise InvalidInputError(f"“{path}” does not exist.", "no such image")


def run_info(args: argparse.Namespace) -> int:
    from app.core.image.reader import open_image
    from app.core.image.report import describe_image, image_summary

    _require_file(args.image)
    with open_image(args.image) as image:
        summary = image_summary(image)
    failed = False
    if args.verify_md5:
        from dataclasses import replace

        from app.core.image.isomd5 import describe_check, verify_path

        if summary.implanted_md5 is None:
            raise InvalidInputError(
                f"“{args.image.name}” has no implanted MD5 to verify.",
                "no 'ISO MD5SUM = ' in the application use field",
            )
        check = verify_path(args.image)
        failed = not check.ok
        summary = replace(summary, implanted_md5_check=describe_check(check))
    make_output(json_mode=args.json).result(summary, describe_image(summary))
    return 4 if failed else 0


def run_ls(args: argparse.Namespace) -> int:
    from app.core.image.reader import open_image
    from app.core.image.report import entry_summary, listing, listing_line

    _require_file(args.image)
    with open_image(args.image) as image:
        tree = image.tree(_fs(args))
        if tree.lookup(args.path) is None:
            raise InvalidInputError(f"“{args.path}” is not in the image.", f"{tree.fs.label} tree")
        entries = listing(tree, args.path)
    output = make_output(json_mode=args.json)
    text = "\n".join(listing_line(p, e, long=args.long) for p, e in entries)
    value = {"fs": tree.fs.value, "entries": [entry_summary(p, e) for p, e in entries]}
    output.result(value, text)
    return 0


def run_extract(args: argparse.Namespace) -> int:
    from app.core.image.job import ExtractJob, ExtractResult
    from app.core.image.report import describe_extract

    _require_file(args.image)
    job = ExtractJob(args.image, args.output, tuple(args.paths), _fs(args), args.force)

    def describe(result: ExtractResult) -> str:
        return describe_extract(result.out_dir, result.fs.label, result.summary)

    return run_cli_job(job, make_output(json_mode=args.json), describe)


def run_mount(args: argparse.Namespace) -> int:
    from app.core.image.mount import mount_image

    _require_file(args.image)
    mounted = mount_image(args.image)
    make_output(json_mode=args.json).result(
        mounted, f"Mounted {args.image.name} ({mounted.device}) at {mounted.mount_point}"
    )
    return 0


def run_unmount(args: argparse.Namespace) -> int:
    from app.core.image.mount import unmount_image

    _require_file(args.image)
    device = unmount_image(args.image)
    make_output(json_mode=args.json).result(
        {"device": device}, f"Unmounted {args.image.name} and detached {device}"
    )
    return 0
