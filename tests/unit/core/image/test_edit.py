""" "Edit as new project" (app/core/image/edit.py, replay.py): files streamed from the old
image, names/times/modes kept, El Torito entries, boot info tables and the MBR replayed."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.image.boot import ISOLINUX_HYBRID_SIGNATURE
from app.core.image.edit import lba_to_chs, mbr_geometry, project_from_image
from app.core.image.fastcopy import FastCopier, SourceChangedError
from app.core.image.job import BuildJob
from app.core.image.reader import Image, open_image
from app.core.image.sources import ImageSource
from app.core.image.tree import EntryKind, FsKind
from app.core.jobs import run_job
from app.core.project.model import (
    BootOptions,
    DiscProject,
    FileSystemOptions,
    NodeKind,
    VolumeOptions,
)
from app.core.project.projectfile import ProjectFileError, load_project, save_project

MTIME = 1_600_000_000


def _build(project: DiscProject, out: Path) -> None:
    result = run_job(BuildJob(project, out))
    assert result.ok, result.error


def _fat_image(path: Path, sectors: int = 64) -> Path:
    boot = bytearray(512)
    boot[0:3] = b"\xeb\x3c\x90"
    boot[11:13] = (512).to_bytes(2, "little")
    boot[54:62] = b"FAT12   "
    boot[510:512] = b"\x55\xaa"
    path.write_bytes(bytes(boot) + os.urandom(512 * (sectors - 1)))
    return path


def _source_tree(base: Path) -> Path:
    src = base / "src"
    (src / "boot").mkdir(parents=True)
    (src / "docs" / "deep").mkdir(parents=True)
    loader = bytearray(os.urandom(6000))
    loader[0x40:0x44] = ISOLINUX_HYBRID_SIGNATURE
    (src / "boot" / "loader.bin").write_bytes(bytes(loader))
    _fat_image(src / "boot" / "efi.img")
    (src / "docs" / "A long mixed-Case name.txt").write_text("hello\n")
    (src / "docs" / "deep" / "data.bin").write_bytes(os.urandom(300_000))
    (src / "empty").write_bytes(b"")
    (src / "script.sh").write_text("#!/bin/sh\n")
    (src / "script.sh").chmod(0o755)
    os.symlink("docs/deep/data.bin", src / "link")
    for path in [*src.rglob("*")]:
        os.utime(path, (MTIME, MTIME), follow_symlinks=False)
    return src


def _bootable(base: Path, *, joliet_only: bool = False) -> Path:
    src = _source_tree(base)
    project = DiscProject(
        volume=VolumeOptions(label="EDITME", publisher="Spindle tests"),
        filesystems=FileSystemOptions(rock_ridge=not joliet_only),
        boot=BootOptions(
            bios_image=src / "boot" / "loader.bin", efi_image=src / "boot" / "efi.img"
        ),
    )
    project.add_contents(src)
    if joliet_only:
        link = project.find("/link")
        assert link is not None
        project.remove(link)
    out = base / "orig.iso"
    _build(project, out)
    return out


def _files(image: Image) -> dict[str, tuple[bytes, int | None, float | None]]:
    tree = image.tree()
    return {
        path: (b"".join(image.chunks(entry, path)), entry.mode, entry.mtime)
        for path, entry in tree.walk()
        if entry.kind is EntryKind.FILE
    }


def _isohybrid_mbr(path: Path, boot_lba2048: int) -> bytes:
    """Put a syslinux-style isohybrid MBR in the image: code, the boot file's 512-byte address
    at 432, one bootable partition of type 0x17 from sector 0, 64/32 geometry, padded to a
    cylinder (1 MiB)."""
    size = path.stat().st_size
    padded = -(-size // (1 << 20)) * (1 << 20)
    mbr = bytearray(512)
    mbr[:432] = bytes(range(256)) + bytes(176)
    struct.pack_into("<Q", mbr, 432, boot_lba2048 * 4)
    count = padded // 512
    mbr[446:462] = struct.pack(
        "<B3sB3sII", 0x80, lba_to_chs(0, 64, 32), 0x17, lba_to_chs(count - 1, 64, 32), 0, count
    )
    mbr[510:512] = b"\x55\xaa"
    with path.open("r+b") as stream:
        stream.truncate(padded)
        stream.write(mbr)
    return bytes(mbr)


def _rebuild(orig: Path, out: Path, fs: FsKind | None = None) -> DiscProject:
    with open_image(orig) as image:
        result = project_from_image(image, fs)
    _build(result.project, out)
    return result.project


def test_files_stream_from_the_image_and_keep_names_times_modes(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        result = project_from_image(image)
        before = _files(image)
    project = result.project
    assert result.fs is FsKind.RR
    data = project.find("/docs/deep/data.bin")
    assert data is not None
    assert data.source_str == os.path.abspath(orig)  # a reference into the image...
    assert data.pieces
    assert data.pieces[0][1] == 300_000
    link = project.find("/link")
    assert link is not None
    assert (link.kind, link.target) == (NodeKind.SYMLINK, "docs/deep/data.bin")
    assert project.volume.label == "EDITME"
    assert project.volume.publisher == "Spindle tests"
    assert project.find("/boot.cat") is None  # the catalog is made anew
    out = tmp_path / "rebuilt.iso"
    _build(project, out)
    with open_image(out) as image:
        after = _files(image)
        assert image.tree().lookup("/link") is not None
    assert after.keys() == before.keys()
    for path, (content, mode, mtime) in before.items():
        if path == "/boot.cat":
            continue  # made anew at build time
        assert after[path][0] == content, path
        assert after[path][1] == mode, path
        assert after[path][2] == mtime == MTIME, path
    assert after["/script.sh"][1] == 0o755


def test_joliet_names_when_there_is_no_rock_ridge(tmp_path: Path) -> None:
    orig = _bootable(tmp_path, joliet_only=True)
    with open_image(orig) as image:
        assert FsKind.RR not in image.trees
        result = project_from_image(image)
    assert result.fs is FsKind.JOLIET
    assert result.project.find("/docs/A long mixed-Case name.txt") is not None
    assert not result.project.filesystems.rock_ridge


def test_el_torito_entries_and_boot_info_table_are_replayed(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    project = _rebuild(orig, tmp_path / "rebuilt.iso")
    replay = project.boot.replay
    assert replay is not None
    assert [e.label for e in replay.entries] == ["BIOS /boot/loader.bin", "UEFI /boot/efi.img"]
    assert replay.entries[0].boot_info_table
    assert not replay.entries[1].boot_info_table
    with open_image(orig) as old, open_image(tmp_path / "rebuilt.iso") as new:
        assert old.boot is not None
        assert new.boot is not None
        fields = [
            [
                (e.platform_id, e.media_type, e.raw_sectors, e.bootable, e.raw_load_segment)
                for e in image.boot.entries
            ]
            for image in (old, new)
        ]
        assert fields[0] == fields[1] == [(0, 0, 4, True, 0), (0xEF, 0, 64, True, 0)]
        loader = new.tree().lookup("/boot/loader.bin")
        assert loader is not None
        lba = loader.pieces[0].offset // 2048
        assert new.boot.entries[0].load_lba == lba
        content = b"".join(new.chunks(loader, "loader"))
        pvd, file_lba, length, checksum = struct.unpack_from("<IIII", content, 8)
        words = struct.unpack(f"<{(len(content) - 64) // 4}I", content[64 : len(content) & ~3])
        assert (pvd, file_lba, length) == (16, lba, len(content))
        assert checksum == sum(words) & 0xFFFFFFFF


def test_isohybrid_mbr_is_replayed_for_the_new_layout(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        loader = image.tree().lookup("/boot/loader.bin")
        assert loader is not None
        old_lba = loader.pieces[0].offset // 2048
    mbr = _isohybrid_mbr(orig, old_lba)
    with open_image(orig) as image:
        result = project_from_image(image)
    project = result.project
    data = project.find("/docs/deep/data.bin")
    assert data is not None
    project.remove(data)  # a smaller image: the partition and the boot file move
    added = tmp_path / "aaa first.bin"
    added.write_bytes(os.urandom(50_000))
    project.add_path(added)  # a file of the disk among the image's
    project.set_options(filesystems=FileSystemOptions(joliet=False))  # the boot file moves up
    out = tmp_path / "rebuilt.iso"
    _build(project, out)
    new = out.read_bytes()
    assert len(new) % (1 << 20) == 0  # cylinder-aligned like the original
    assert new[:432] == mbr[:432]
    assert new[510:512] == b"\x55\xaa"
    with open_image(out) as image:
        loader = image.tree().lookup("/boot/loader.bin")
        assert loader is not None
        new_lba = loader.pieces[0].offset // 2048
        assert image.partitions[0].start_byte == 0
        assert image.partitions[0].size_bytes == len(new)
        assert (image.partitions[0].type_id, image.partitions[0].bootable) == ("0x17", True)
    assert new_lba != old_lba
    with open_image(out) as image:
        entry = image.tree().lookup("/aaa first.bin")
        assert entry is not None
        assert b"".join(image.chunks(entry, "aaa")) == added.read_bytes()
    assert struct.unpack_from("<Q", new, 432)[0] == new_lba * 4
    assert mbr_geometry(new) == (64, 32)


def test_grub2_boot_info_is_patched_and_the_checksum_follows(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        loader = image.tree().lookup("/boot/loader.bin")
        assert loader is not None
        offset = loader.pieces[0].offset
    with orig.open("r+b") as stream:  # what xorriso --grub2-boot-info leaves in the file
        stream.seek(offset + 2548)
        stream.write(struct.pack("<Q", offset // 512 + 5))
    with open_image(orig) as image:
        result = project_from_image(image)
    assert result.project.boot.replay is not None
    assert result.project.boot.replay.entries[0].grub2_boot_info
    result.project.set_options(filesystems=FileSystemOptions(joliet=False))  # it moves up
    out = tmp_path / "rebuilt.iso"
    _build(result.project, out)
    with open_image(out) as image:
        loader = image.tree().lookup("/boot/loader.bin")
        assert loader is not None
        content = b"".join(image.chunks(loader, "loader"))
        lba512 = loader.pieces[0].offset // 512
    assert lba512 != offset // 512
    assert struct.unpack_from("<Q", content, 2548)[0] == lba512 + 5
    words = struct.unpack(f"<{(len(content) - 64) // 4}I", content[64 : len(content) & ~3])
    assert struct.unpack_from("<I", content, 20)[0] == sum(words) & 0xFFFFFFFF


def test_removing_the_boot_records_gives_a_plain_image(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        loader = image.tree().lookup("/boot/loader.bin")
        assert loader is not None
        _isohybrid_mbr(orig, loader.pieces[0].offset // 2048)
    with open_image(orig) as image:
        project = project_from_image(image).project
    project.set_options(boot=BootOptions())
    out = tmp_path / "plain.iso"
    _build(project, out)
    with open_image(out) as image:
        assert image.boot is None
        assert image.partitions == []
    assert not any(out.read_bytes()[:32768])


def test_a_removed_boot_file_is_refused_by_name(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        project = project_from_image(image).project
    efi = project.find("/boot/efi.img")
    assert efi is not None
    project.remove(efi)
    result = run_job(BuildJob(project, tmp_path / "x.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "UEFI /boot/efi.img" in result.error.message


def test_an_image_changed_after_opening_is_refused(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        project = project_from_image(image).project
    data = project.find("/docs/deep/data.bin")
    assert data is not None
    assert data.pieces is not None
    source = ImageSource(
        str(orig), 0, 0, data.size_bytes, pieces=data.pieces, image_size=1, label=data.path
    )
    with pytest.raises(SourceChangedError, match="changed or replaced"):
        source.open()
    with orig.open("r+b") as stream:
        stream.truncate(40_000)
    result = run_job(BuildJob(project, tmp_path / "x.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "past the end of the image" in result.error.message


def test_image_source_reads_across_pieces_and_zeros(tmp_path: Path) -> None:
    image = tmp_path / "i.bin"
    image.write_bytes(b"abcdefghij")
    info = image.stat()
    source = ImageSource(
        str(image), info.st_dev, info.st_ino, 7, pieces=((2, 3), (-1, 2), (7, 2)), image_size=10
    )
    assert source.read() == b"cde\0\0hi"
    source.seek(2)
    assert source.read(3) == b"e\0\0"
    source.close()
    out = tmp_path / "o.bin"
    with out.open("w+b") as stream:
        assert sum(source.iter_into(FastCopier(), stream.fileno(), 4)) == 7
    assert out.read_bytes() == b"\0\0\0\0cde\0\0hi"


def test_a_saved_project_keeps_the_references_into_the_image(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    with open_image(orig) as image:
        project = project_from_image(image).project
    project.set_options(boot=BootOptions())  # (boot records: tests/unit/core/project)
    save_project(project, tmp_path / "p.spindle")
    loaded = load_project(tmp_path / "p.spindle")
    data, again = project.find("/docs/deep/data.bin"), loaded.find("/docs/deep/data.bin")
    assert data is not None
    assert again is not None
    assert again.pieces == data.pieces
    assert again.source_str == data.source_str
    _build(loaded, tmp_path / "again.iso")
    with open_image(tmp_path / "again.iso") as image:
        entry = image.tree().lookup("/docs/deep/data.bin")
        assert entry is not None
        assert (
            b"".join(image.chunks(entry, "data"))
            == (tmp_path / "src" / "docs" / "deep" / "data.bin").read_bytes()
        )


@pytest.mark.parametrize("pieces", ['"x"', "[[1]]", "[[-2, 5]]", '[["a", 1]]', "[[0, -1]]"])
def test_damaged_pieces_in_a_project_file_are_refused(tmp_path: Path, pieces: str) -> None:
    path = tmp_path / "p.spindle"
    path.write_text(
        '{"format": "spindle-project", "version": 1, "tree": [{"type": "file", "name": "a",'
        f' "source": "/x.iso", "size_bytes": 1, "pieces": {pieces}}}]}}'
    )
    with pytest.raises(ProjectFileError, match="pieces"):
        load_project(path)


def test_open_and_edit_jobs(tmp_path: Path) -> None:
    from app.core.errors import ImageError
    from app.core.image.job import EditImageJob, OpenImageJob

    orig = _bootable(tmp_path)
    opened = run_job(OpenImageJob(orig))
    assert opened.ok, opened.error
    assert opened.value is not None
    with opened.value.image as image:
        assert [s.fs for s in opened.value.summary.file_systems][:1] == ["iso"]
        edited = run_job(EditImageJob(image))
        assert edited.ok, edited.error
        assert edited.value is not None
        assert edited.value.project.find("/boot/loader.bin") is not None
    bad = tmp_path / "bad.iso"
    bad.write_bytes(bytes(65536))
    failed = run_job(OpenImageJob(bad))
    assert isinstance(failed.error, ImageError)


def test_udf_names_when_the_udf_tree_holds_more_than_iso_9660(tmp_path: Path) -> None:
    """Windows media: the ISO 9660/Joliet part holds only a README; the files are in UDF."""
    import io

    import pycdlib

    path = tmp_path / "windows-like.iso"
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, joliet=3, udf="2.60")
    iso.add_fp(io.BytesIO(b"readme"), 6, "/README.TXT;1", joliet_path="/README.TXT",
               udf_path="/README.TXT")  # fmt: skip
    iso.add_fp(io.BytesIO(b"setup program"), 13, udf_path="/setup.exe")
    iso.write(str(path))
    iso.close()
    with open_image(path) as image:
        result = project_from_image(image)
        joliet = project_from_image(image, FsKind.JOLIET)
    assert result.fs is FsKind.UDF
    assert result.project.find("/setup.exe") is not None
    assert result.project.filesystems.udf
    assert joliet.project.find("/setup.exe") is None
    out = tmp_path / "rebuilt.iso"
    _build(result.project, out)
    with open_image(out) as image:
        entry = image.tree(FsKind.UDF).lookup("/setup.exe")
        assert entry is not None
        assert b"".join(image.chunks(entry, "setup")) == b"setup program"


def test_a_gpt_is_left_out_with_its_protective_record_and_said_so(tmp_path: Path) -> None:
    orig = _bootable(tmp_path)
    mbr = bytearray(_isohybrid_mbr(orig, 0))
    with orig.open("r+b") as stream:
        stream.truncate(2 << 20)  # padded to two cylinders
    size = orig.stat().st_size
    mbr[446 + 4] = 0x00  # xorriso's GPT layouts: a type-0 record over the image ...
    struct.pack_into("<I", mbr, 446 + 12, size // 512)
    mbr[462:478] = struct.pack("<B3sB3sII", 0, b"\0\2\0", 0xEE, b"\xff\xff\xff", 1, 100)
    with orig.open("r+b") as stream:
        stream.write(bytes(mbr) + b"EFI PART" + bytes(504))  # ... a 0xEE record and a GPT
    with open_image(orig) as image:
        result = project_from_image(image)
    assert any("GPT" in note for note in result.notes)
    data = result.project.find("/docs/deep/data.bin")
    assert data is not None
    result.project.remove(data)
    out = tmp_path / "rebuilt.iso"
    _build(result.project, out)
    new = out.read_bytes()
    assert new[512:520] != b"EFI PART"
    assert new[462:478] == bytes(16)  # no protective record without a GPT
    start, count = struct.unpack_from("<II", new, 446 + 8)
    assert (new[446 + 4], start, count) == (0, 0, len(new) // 512)
    assert len(new) < size  # the type-0 record was re-made for the smaller image
