"""``spindle ls`` / ``spindle extract`` against tools nobody here wrote, per file system.

Images made by xorriso, genisoimage (with UDF), mkudffs (UDF only, empty: making a populated
one needs a kernel UDF mount), Spindle itself, a UDF-only image (genisoimage's with the ISO 9660
descriptors wiped, as on Windows media) and ISO images shipped in Debian packages.  References:

- Rock Ridge: ``isoinfo -R -f`` (paths), ``xorriso -find / -exec lsdl`` (modes, sizes, links),
  ``osirrox -extract`` (contents, modes, times, links);
- Joliet: ``isoinfo -J -f``; plain ISO 9660: ``isoinfo -f`` (``;1`` and a lone dot dropped);
- what 7-Zip picks (UDF when present, else Joliet, else ISO 9660): ``7z l -slt`` and ``7z x``;
- mkudffs: the label ``udfinfo`` reports.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.paths import ROOT

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("xorriso", "genisoimage", "isoinfo", "7z", "mkudffs")),
    reason="needs xorriso, genisoimage, isoinfo (genisoimage), 7z (p7zip-full), mkudffs",
)
DEBIAN_ISOS = [
    p
    for p in (
        Path("/usr/lib/ipxe/ipxe.iso"),  # ipxe: El Torito BIOS + UEFI, isohybrid MBR, Joliet
        Path("/usr/lib/grub-rescue/grub-rescue-cdrom.iso"),  # grub-rescue-pc: RR only, MBR
    )
    if p.is_file()
]
SECTOR = 2048


def run(*args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        args, capture_output=True, text=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done.stdout


def spindle(*args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"spindle {args}: {done.stderr[-2000:]}"
    return done.stdout


def spindle_entries(image: Path, fs: str) -> dict[str, dict[str, object]]:
    lines = spindle("ls", str(image), "--fs", fs, "-l", "--json").splitlines()
    result = json.loads(lines[-1])
    assert result["event"] == "result"
    return {e["path"]: e for e in result["value"]["entries"]}


def make_source(root: Path) -> Path:
    src = root / "src"
    (src / "docs" / "deep" / "er").mkdir(parents=True)
    (src / "docs" / "a.txt").write_text("alpha\n")
    (src / "docs" / "deep" / "er" / "b.bin").write_bytes(os.urandom(300_000))
    (src / "empty").write_bytes(b"")
    (src / ("long-name-" * 9 + ".txt")).write_text("a name over 64 characters")
    (src / "Ünïcödé.txt").write_text("unicode")
    tool = src / "tool.sh"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    secret = src / "docs" / "private"
    secret.write_text("p")
    secret.chmod(0o600)
    os.symlink("docs/a.txt", src / "link")
    for path in [*src.rglob("*"), src]:
        os.utime(path, (1_600_000_000, 1_600_000_000), follow_symlinks=False)
    return src


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("interop")
    src = make_source(root)
    made = {
        "xorriso": root / "xorriso.iso",
        "genisoimage": root / "genisoimage.iso",
        "spindle": root / "spindle.iso",
        "udf-only": root / "udfonly.iso",
    }
    run(
        "xorriso",
        "-as",
        "mkisofs",
        "-R",
        "-J",
        "-V",
        "XORRISO",
        "-o",
        str(made["xorriso"]),
        str(src),
    )
    run(
        "genisoimage",
        "-quiet",
        "-R",
        "-J",
        "-udf",
        "-V",
        "GENISO",
        "-o",
        str(made["genisoimage"]),
        str(src),
    )
    spindle("build", "-o", str(made["spindle"]), "--udf", "--label", "SPINDLE", str(src))
    data = bytearray(made["genisoimage"].read_bytes())
    for lba in range(16, 32):
        if data[lba * SECTOR + 1 : lba * SECTOR + 6] == b"CD001":
            data[lba * SECTOR : (lba + 1) * SECTOR] = bytes(SECTOR)
    made["udf-only"].write_bytes(bytes(data))
    for debian in DEBIAN_ISOS:
        made[f"debian:{debian.name}"] = debian
    return made


ISO_MAKERS = ["xorriso", "genisoimage", "spindle", *[f"debian:{p.name}" for p in DEBIAN_ISOS]]


def isoinfo_paths(image: Path, flag: str | None) -> set[str]:
    args = ["isoinfo", "-f", "-i", str(image)] + ([flag] if flag else [])
    out = subprocess.run(args, capture_output=True, check=True, timeout=60).stdout
    paths = set()
    # isoinfo prints Joliet's UCS-2 names in ISO 8859-1 (it knows no UTF-8 output)
    text = out.decode("latin-1") if flag == "-J" else out.decode("utf-8", "surrogateescape")
    for line in text.splitlines():
        paths.add("/".join(_plain(part) for part in line.split("/")) if flag is None else line)
    return paths


def _plain(part: str) -> str:
    base, sep, version = part.rpartition(";")
    part = base if sep and version.isdigit() else part
    return part[:-1] if part.endswith(".") else part


NO_JOLIET = {"debian:grub-rescue-cdrom.iso"}
"""Images that carry no Joliet tree (grub-mkrescue writes Rock Ridge only)."""


@pytest.mark.parametrize(
    ("maker", "fs", "flag"),
    [
        (maker, fs, flag)
        for fs, flag in (("rr", "-R"), ("joliet", "-J"), ("iso", None))
        for maker in ISO_MAKERS
        if not (fs == "joliet" and maker in NO_JOLIET)
    ],
)
def test_paths_equal_isoinfo(
    images: dict[str, Path], maker: str, fs: str, flag: str | None
) -> None:
    image = images[maker]
    if fs == "joliet":
        assert "joliet:" in spindle("info", str(image))
    ours = set(spindle_entries(image, fs))
    assert ours == isoinfo_paths(image, flag)
    assert ours


_LSDL = re.compile(
    r"^(\S{10})\s+\d+\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+'(.*?)'(?: -> '(.*)')?$"
)


def xorriso_lsdl(image: Path) -> dict[str, tuple[str, int, str | None]]:
    out = run("xorriso", "-indev", str(image), "-find", "/", "-exec", "lsdl")
    found = {}
    for line in out.splitlines():
        match = _LSDL.match(line)
        if match and match.group(3) != "/":
            mode, size, path, link = match.groups()
            found[path] = (mode, int(size), link)
    return found


@pytest.mark.parametrize("maker", ISO_MAKERS)
def test_rock_ridge_modes_sizes_links_equal_xorriso(images: dict[str, Path], maker: str) -> None:
    image = images[maker]
    ours = spindle_entries(image, "rr")
    theirs = xorriso_lsdl(image)
    assert set(ours) == set(theirs)
    for path, (mode, size, link) in theirs.items():
        entry = ours[path]
        assert stat.filemode(_mode_bits(entry))[1:] == mode[1:], path
        if entry["type"] == "file":
            assert entry["size"] == size, path
        assert entry["link"] == link, path


def _mode_bits(entry: dict[str, object]) -> int:
    mode = entry["mode"]
    assert isinstance(mode, int)
    return mode


def tree_of(root: Path) -> dict[str, tuple[str, bytes | str, int, int]]:
    """path -> (kind, contents or link target, permission bits, mtime) below ``root``."""
    found: dict[str, tuple[str, bytes | str, int, int]] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        rel = "/" + str(path.relative_to(root))
        if stat.S_ISLNK(info.st_mode):
            found[rel] = ("link", os.readlink(path), 0, int(info.st_mtime))
        elif stat.S_ISDIR(info.st_mode):
            found[rel] = ("dir", b"", stat.S_IMODE(info.st_mode), int(info.st_mtime))
        else:
            found[rel] = ("file", path.read_bytes(), stat.S_IMODE(info.st_mode), int(info.st_mtime))
    return found


@pytest.mark.parametrize("maker", ISO_MAKERS)
def test_rock_ridge_extraction_equals_osirrox(
    images: dict[str, Path], maker: str, tmp_path: Path
) -> None:
    image = images[maker]
    run("osirrox", "-indev", str(image), "-extract", "/", str(tmp_path / "theirs"))
    spindle("extract", str(image), "--fs", "rr", "-o", str(tmp_path / "ours"))
    theirs, ours = tree_of(tmp_path / "theirs"), tree_of(tmp_path / "ours")
    assert set(ours) == set(theirs)
    for path, (kind, content, mode, mtime) in theirs.items():
        our_kind, our_content, our_mode, our_mtime = ours[path]
        assert (our_kind, our_content) == (kind, content), path
        if kind != "link":
            assert our_mode == mode, path
        if kind == "file":
            assert our_mtime == mtime, path


def seven_zip(image: Path) -> tuple[str, dict[str, tuple[bool, int, str]]]:
    """(the file system 7-Zip read, path -> (is folder, size, modified))."""
    out = run("7z", "l", "-slt", str(image))
    kind = ""
    entries: dict[str, tuple[bool, int, str]] = {}
    blocks = out.split("\n\n")
    for block in blocks:
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        if "Type" in fields and not kind:
            kind = fields["Type"].lower()
        if "Path" in fields and "Folder" in fields and not fields["Path"].startswith("[BOOT]"):
            # 7-Zip shows El Torito boot images as a virtual [BOOT] folder; compared below
            folder = fields["Folder"] == "+"
            size = int(fields.get("Size") or 0)
            entries["/" + fields["Path"]] = (folder, size, fields.get("Modified", "")[:19])
    return kind, entries


SEVEN_ZIP_MAKERS = [*ISO_MAKERS, "udf-only"]


@pytest.mark.parametrize("maker", SEVEN_ZIP_MAKERS)
def test_listing_and_extraction_equal_7z(
    images: dict[str, Path], maker: str, tmp_path: Path
) -> None:
    image = images[maker]
    kind, theirs = seven_zip(image)
    have = spindle("info", str(image))
    # 7-Zip reads UDF when present, else Joliet, else Rock Ridge names, else plain ISO 9660
    fs = "udf" if kind == "udf" else next(f for f in ("joliet", "rr", "iso") if f"  {f}:" in have)
    ours = spindle_entries(image, fs)
    assert set(ours) == set(theirs), fs
    for path, (folder, size, modified) in theirs.items():
        assert (ours[path]["type"] == "directory") == folder, path
        if not folder:
            assert ours[path]["size"] == size, path
            mtime = ours[path]["mtime"]
            assert isinstance(mtime, float)
            assert _utc(mtime) == modified, path
    run("7z", "x", "-y", f"-o{tmp_path / 'theirs'}", str(image))
    spindle("extract", str(image), "--fs", fs, "-o", str(tmp_path / "ours"))
    their_tree, our_tree = tree_of(tmp_path / "theirs"), tree_of(tmp_path / "ours")
    boot = their_tree.pop("/[BOOT]", None)
    boot_images = {p: v for p, v in their_tree.items() if p.startswith("/[BOOT]/")}
    for path in boot_images:
        del their_tree[path]
    assert set(our_tree) == set(their_tree)
    for path, (kind_, content, _mode, _mtime) in their_tree.items():
        assert our_tree[path][:2] == (kind_, content), path
    if boot is not None:
        info = json.loads(spindle("info", "--json", str(image)).splitlines()[-1])["value"]
        assert len(boot_images) == len(info["boot_entries"])


def _utc(value: float) -> str:
    import time

    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(value))


@pytest.mark.parametrize(
    ("media", "revision", "extra"),
    [
        ("dvd", "2.01", ""),
        ("dvd", "1.02", ""),
        ("cdr", "2.00", ""),
        ("cdr", "2.60", ""),
        ("bdr", "2.50", ""),
        ("cdr", "1.50", "--new-file"),  # the UDF 1.50 VAT (2.2.10) in the image's last block
        ("cdr", "1.50", ""),  # ... and followed by zeros (a padded image of a CD-R)
        ("dvd", "2.01", "--strategy=4096"),  # ICBs of strategy 4096 (ECMA-167 4/14.6.2)
        ("hd", "1.50", "--strategy=4096"),
    ],
)
def test_mkudffs_images_label_and_empty_root(
    tmp_path: Path, media: str, revision: str, extra: str
) -> None:
    """mkudffs, UDF only: plain partitions, and the VAT of write-once media (cdr, bdr)."""
    image = tmp_path / "mkudffs.udf"
    args = ["mkudffs", "-b", "2048", "-m", media, "-r", revision, "--label=MKUDFFS"]
    if extra == "--new-file":
        run(*args, "--new-file", str(image), "300")
    else:
        with image.open("wb") as handle:
            handle.truncate(20 << 20)
        run(*args, *([extra] if extra else []), str(image))
    fields = dict(
        line.split("=", 1) for line in run("udfinfo", str(image)).splitlines() if "=" in line
    )
    if revision == "1.50":
        assert fields["udfrev"] == "1.50"  # (mkudffs records 2.60 as read revision 2.50)
    assert fields["numdirs"] == "1"
    info = spindle("info", "--json", str(image)).splitlines()[-1]
    value = json.loads(info)["value"]
    assert [fs["fs"] for fs in value["file_systems"]] == ["udf"]
    assert value["file_systems"][0]["label"] == fields["label"] == "MKUDFFS"
    assert value["problems"] == []
    assert spindle_entries(image, "udf") == {}
    if media == "dvd" and not extra:  # 7-Zip cannot open a VAT (“Unsupported feature”) or
        # strategy-4096 ICBs (“Cannot open the file as [Udf] archive”, 7-Zip 16.02)
        _, theirs = seven_zip(image)
        assert theirs == {}


def test_info_names_boot_entries_of_debian_isos(images: dict[str, Path]) -> None:
    if not DEBIAN_ISOS:
        pytest.skip("no Debian ISO installed (apt-get install ipxe)")
    image = images[f"debian:{DEBIAN_ISOS[0].name}"]
    value = json.loads(spindle("info", "--json", str(image)).splitlines()[-1])["value"]
    report = run("xorriso", "-indev", str(image), "-report_el_torito", "plain")
    lbas = [
        int(m)
        for m in re.findall(
            r"^El Torito boot img :\s+\d+\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+(\d+)", report, re.M
        )
    ]
    ours = [e["load_lba"] for e in value["boot_entries"]]
    assert ours
    if lbas:
        assert ours == lbas


@pytest.mark.skipif(not shutil.which("implantisomd5"), reason="needs isomd5sum")
def test_implanted_md5_equals_checkisomd5(images: dict[str, Path], tmp_path: Path) -> None:
    image = tmp_path / "md5.iso"
    shutil.copyfile(images["xorriso"], image)
    run("implantisomd5", str(image))
    theirs = run("checkisomd5", "--md5sumonly", str(image)).split()[1]
    value = json.loads(spindle("info", "--json", str(image)).splitlines()[-1])["value"]
    assert value["implanted_md5"] == theirs


def test_relocated_deep_directories_equal_osirrox(tmp_path: Path) -> None:
    """genisoimage moves directories deeper than 8 levels to rr_moved (RRIP CL/RE entries);
    Rock Ridge readers put them back (osirrox does; isoinfo -f lists them unresolved)."""
    deep = tmp_path / "src" / "a" / "b" / "c" / "d" / "e" / "f" / "g" / "h" / "i" / "j"
    deep.mkdir(parents=True)
    (deep / "leaf.txt").write_text("deep\n")
    image = tmp_path / "deep.iso"
    run("genisoimage", "-quiet", "-R", "-o", str(image), str(tmp_path / "src"))
    run("osirrox", "-indev", str(image), "-extract", "/", str(tmp_path / "theirs"))
    spindle("extract", str(image), "--fs", "rr", "-o", str(tmp_path / "ours"))
    theirs, ours = tree_of(tmp_path / "theirs"), tree_of(tmp_path / "ours")
    assert "/a/b/c/d/e/f/g/h/i/j/leaf.txt" in ours
    assert {p: v[:2] for p, v in ours.items()} == {p: v[:2] for p, v in theirs.items()}


def _tag_checksum(data: bytearray) -> None:
    data[4] = (sum(data[0:4]) + sum(data[5:16])) & 0xFF


def test_strategy_4096_icb_follows_the_indirect_entry_to_the_newer_file_entry(
    tmp_path: Path,
) -> None:
    """A strategy-4096 ICB (ECMA-167 4/14.6.2) rewritten the way a packet writer does it: the
    root's file entry is written anew elsewhere and an indirect entry (tag 259, 4/14.7) in the
    ICB's second block points there; the reader must show the newer entry (its time)."""
    import struct

    from app.core.image.blocks import ImageFile
    from app.core.image.reader import open_image
    from app.core.image.tree import FsKind
    from app.core.image.udf import UdfReader

    image = tmp_path / "s4096.udf"
    with image.open("wb") as handle:
        handle.truncate(20 << 20)
    run("mkudffs", "-b", "2048", "-m", "dvd", "--strategy=4096", "--label=S4096", str(image))
    with open_image(image) as opened:
        root = opened.trees[FsKind.UDF].root
        old_time, root_at = root.mtime, root.location
    reader = UdfReader(ImageFile(image))
    reader.read_volume()
    start = reader.volume.partitions[0]
    reader.image.close()
    data = bytearray(image.read_bytes())
    block = 2048
    entry = bytearray(data[root_at : root_at + block])
    assert struct.unpack_from("<H", entry, 20)[0] == 4096  # mkudffs made a strategy-4096 ICB
    new_lbn = 9000 - start
    stamp = 92 if struct.unpack_from("<H", entry, 0)[0] == 266 else 84  # EFE / FE
    # type 1 (local time), offset 0, 2001-02-03 04:05:06 (ECMA-167 1/7.3)
    struct.pack_into("<Hh8B", entry, stamp, 1 << 12, 2001, 2, 3, 4, 5, 6, 0, 0, 0)
    struct.pack_into("<I", entry, 12, new_lbn)
    _tag_checksum(entry)
    data[(start + new_lbn) * block : (start + new_lbn + 1) * block] = entry
    indirect = bytearray(block)
    struct.pack_into("<HH", indirect, 0, 259, 2)
    struct.pack_into("<I", indirect, 12, root_at // block - start + 1)
    struct.pack_into("<IHHHBB", indirect, 16, 0, 4096, 0, 2, 0, 3)  # ICB tag, file type 3
    struct.pack_into("<IIH", indirect, 36, block, new_lbn, 0)  # long_ad to the new ICB
    _tag_checksum(indirect)
    data[root_at + block : root_at + 2 * block] = indirect
    image.write_bytes(bytes(data))
    with open_image(image) as opened:
        root = opened.trees[FsKind.UDF].root
        assert root.location == (start + new_lbn) * block
        assert root.mtime != old_time
        assert _utc(root.mtime or 0).startswith("2001-02-03 04:05:06")
        assert opened.problems == []
