"""``spindle verify IMAGE``: checksum an image and compare it with a sidecar or a digest."""

from __future__ import annotations

import argparse
import string
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.image.checksum import Algorithm, read_sidecar, sidecar_path
from app.core.verify.job import ChecksumJob, ChecksumResult


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "verify",
        parents=parents,
        help="checksum an image and compare it with its .sha256/.md5 file",
        description=(
            "Compute the SHA-256 (and MD5) of IMAGE. If IMAGE.sha256 or IMAGE.md5 exists next to "
            "it, or --sha256/--md5/--sums is given, compare and fail (exit 4) on a mismatch."
        ),
    )
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument("--sha256", metavar="HEX", help="expected SHA-256 digest")
    parser.add_argument("--md5", metavar="HEX", help="expected MD5 digest")
    parser.add_argument("--sums", type=Path, metavar="FILE", help="a sha256sum-style file")
    parser.add_argument(
        "--write", action="store_true", help="write IMAGE.sha256 (and .md5 with --with-md5)"
    )
    parser.add_argument("--with-md5", action="store_true", help="also compute MD5")
    parser.set_defaults(func=run)


def _expected(args: argparse.Namespace) -> dict[Algorithm, str]:
    expected: dict[Algorithm, str] = {}
    for alg, given in ((Algorithm.SHA256, args.sha256), (Algorithm.MD5, args.md5)):
        if given:
            if len(given) != alg.hex_length or not all(c in string.hexdigits for c in given):
                raise InvalidInputError(
                    f"“{given}” is not a {alg.hashlib_name} digest.",
                    f"expected {alg.hex_length} hexadecimal digits",
                )
            expected[alg] = given.lower()
    if args.sums is not None:
        from_file = read_sidecar(args.sums, Algorithm.SHA256, args.image.name)
        expected.setdefault(Algorithm.SHA256, from_file)
    if not expected and not args.write:
        for alg in Algorithm:
            side = sidecar_path(args.image, alg)
            if side.is_file():
                expected[alg] = read_sidecar(side, alg, args.image.name)
    return expected


def run(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    expected = _expected(args)
    algorithms = (Algorithm.SHA256, Algorithm.MD5) if args.with_md5 else (Algorithm.SHA256,)
    job = ChecksumJob(args.image, algorithms, expected, write_sidecars=args.write)

    def describe(result: ChecksumResult) -> str:
        name = result.path.name
        lines = [f"{d.hex}  {name}  ({d.algorithm.hashlib_name})" for d in result.digests]
        if result.verified:
            names = ", ".join(a.hashlib_name for a in result.verified)
            lines.append(f"OK: matches the expected {names}.")
        elif not args.write:
            lines.append("No expected checksum given or found: nothing compared.")
        lines.extend(f"Wrote {p}" for p in result.sidecars)
        return "\n".join(lines)

    return run_cli_job(job, output, describe)
