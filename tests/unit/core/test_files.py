"""app.core.files: exclusive temporaries, regular files only, fsync then rename, locks,
short names, stale temporaries (issue 18)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core import files
from app.core.errors import InvalidInputError
from app.core.files import (
    AtomicOutput,
    OutputFolder,
    TempFile,
    check_distinct,
    check_name_length,
    check_output,
    describe_stale,
    find_stale,
    remove_stale,
    write_atomically,
)
from tests.paths import ROOT


def test_write_atomically_publishes_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "disc.iso.sha256"
    write_atomically(target, "abc  disc.iso\n")
    assert target.read_text() == "abc  disc.iso\n"
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.iso.sha256"]


def test_exclusive_create_never_follows_a_planted_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "planted").symlink_to(victim)
    with OutputFolder(tmp_path) as folder, pytest.raises(FileExistsError):
        folder.create_exclusive("planted")
    assert victim.read_text() == "precious"


def test_temporary_names_are_short_and_unpredictable(tmp_path: Path) -> None:
    with OutputFolder(tmp_path) as folder:
        a, b = TempFile(folder), TempFile(folder)
        try:
            assert a.name != b.name
            assert len(a.name) <= 36
            assert a.name.startswith(f".spindle-{os.getpid()}-")
        finally:
            a.discard()
            b.discard()
    assert list(tmp_path.iterdir()) == []


def test_symlink_output_is_never_replaced_even_with_overwrite(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = tmp_path / "out.iso"
    link.symlink_to(victim)
    with pytest.raises(InvalidInputError, match="symbolic link"):
        write_atomically(link, "x", overwrite=True)
    with pytest.raises(InvalidInputError, match="symbolic link"):
        check_output(link, overwrite=True)
    assert link.is_symlink()
    assert victim.read_text() == "precious"


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/null", "character device"), ("/dev/stdout", "symbolic link")]
)
def test_devices_and_dev_stdout_are_refused_as_outputs(path: str, kind: str) -> None:
    if not os.path.lexists(path):
        pytest.fail(f"{path} missing on this system")
    with pytest.raises(InvalidInputError, match=kind):
        check_output(Path(path), overwrite=True)


def test_fifo_and_folder_outputs_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.iso"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError, match="FIFO"):
        write_atomically(fifo, "x", overwrite=True)
    (tmp_path / "dir.iso").mkdir()
    with pytest.raises(InvalidInputError, match="folder"):
        check_output(tmp_path / "dir.iso", overwrite=True)


def test_publish_refuses_a_device_that_appears_under_the_name(tmp_path: Path) -> None:
    target = tmp_path / "out.iso"
    out = AtomicOutput(target, overwrite=True)
    try:
        out.write_all(b"data")
        os.mkfifo(target)  # appears after the checks, before the publish
        with pytest.raises(InvalidInputError, match="FIFO"):
            out.publish()
    finally:
        out.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.iso"]


def test_no_clobber_publish_keeps_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "out.iso"
    with AtomicOutput(target, overwrite=False) as out:
        out.write_all(b"ours")
        target.write_bytes(b"theirs")
        with pytest.raises(InvalidInputError, match="appeared"):
            out.publish()
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.iso"]


def test_existing_output_needs_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.iso"
    target.write_bytes(b"old")
    with pytest.raises(InvalidInputError, match="already exists"):
        AtomicOutput(target, overwrite=False)
    assert check_output(target, overwrite=True) is not None
    with pytest.raises(InvalidInputError, match="does not exist"):
        check_output(tmp_path / "no" / "out.iso", overwrite=False)


def test_fsync_happens_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(*args: object, **kwargs: object) -> None:
        calls.append("rename")
        real_replace(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomically(tmp_path / "project.spindle", "{}", overwrite=True)
    assert calls == ["fsync-file", "rename", "fsync-dir"]


def test_two_writers_of_one_output_cannot_run_at_once(tmp_path: Path) -> None:
    target = tmp_path / "out.iso"
    first = AtomicOutput(target, overwrite=False)
    try:
        with pytest.raises(InvalidInputError, match="Another Spindle job"):
            AtomicOutput(target, overwrite=False)
    finally:
        first.close()
    second = AtomicOutput(target, overwrite=False)  # free again once the first is done
    second.close()
    assert list(tmp_path.iterdir()) == []


def test_the_output_lock_holds_across_processes(tmp_path: Path) -> None:
    target = tmp_path / "out.iso"
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from app.core.files import locked_output
        with locked_output(Path({str(target)!r})):
            print("locked", flush=True)
            sys.stdin.readline()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "locked\n"
        with pytest.raises(InvalidInputError, match="Another Spindle job"):
            AtomicOutput(target, overwrite=False)
    finally:
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.close()
        child.wait(10)
        assert child.stdout is not None
        child.stdout.close()
    AtomicOutput(target, overwrite=False).close()


def test_a_244_byte_output_name_works(tmp_path: Path) -> None:
    name = "n" * 240 + ".iso"
    assert len(name.encode()) == 244
    target = tmp_path / name
    write_atomically(target, b"x", overwrite=False)
    assert target.read_bytes() == b"x"
    check_name_length(tmp_path / name, longest_suffix=".sha256")
    with pytest.raises(InvalidInputError, match="too long"):
        check_name_length(tmp_path / ("n" * 250), longest_suffix=".sha256")


def test_distinct_files_of_one_job() -> None:
    image = Path("/tmp/x/out.iso")
    check_distinct({"the image": image, "the map": Path("/tmp/x/out.iso.map")})
    with pytest.raises(InvalidInputError, match="same file as the partial image"):
        check_distinct(
            {
                "the partial image": Path("/tmp/x/out.iso.part"),
                "the map": Path("/tmp/x/out.iso.part"),
            }
        )
    with pytest.raises(InvalidInputError, match=r"The image .* same file as the source"):
        check_distinct({"the image": image}, {"the source": Path("/tmp/x/../x/out.iso")})


def test_distinct_sees_through_links_and_hard_links(tmp_path: Path) -> None:
    source = tmp_path / "src.iso"
    source.write_bytes(b"x")
    os.link(source, tmp_path / "hard.iso")
    (tmp_path / "soft.iso").symlink_to(source)
    for alias in ("hard.iso", "soft.iso"):
        with pytest.raises(InvalidInputError, match="same file as the source"):
            check_distinct({"the map": tmp_path / alias}, {"the source": source})


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporaries_of_dead_processes_are_found_and_removed(tmp_path: Path) -> None:
    stale = tmp_path / f".spindle-{_dead_pid()}-0123abcd.part"
    stale.write_bytes(b"x" * 4096)
    (tmp_path / "unrelated.part").write_bytes(b"keep")
    with OutputFolder(tmp_path) as folder:
        live = TempFile(folder)
        try:
            found = find_stale(tmp_path)
            assert [s.path for s in found] == [stale]
            assert found[0].size == 4096
            assert "1 leftover temporary file" in describe_stale(found)
            assert remove_stale(found) == found
            assert not stale.exists()
            assert (tmp_path / live.name).exists()  # a live temporary is never touched
        finally:
            live.discard()
    assert describe_stale([]) == ""
    assert [p.name for p in tmp_path.iterdir()] == ["unrelated.part"]


def test_temporary_of_a_killed_writer_is_stale(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from app.core.files import AtomicOutput
        out = AtomicOutput(Path({str(tmp_path / "out.iso")!r}), overwrite=False)
        out.write_all(b"half")
        print("writing", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    found = find_stale(tmp_path)
    kinds = sorted(s.path.suffix for s in found)
    assert kinds == [".lock", ".part"]
    part = next(s for s in found if s.path.suffix == ".part")
    assert part.size == 4
    remove_stale(found)
    assert list(tmp_path.iterdir()) == []
    # the next job into that output is not blocked by the dead one's lock
    write_atomically(tmp_path / "out.iso", b"ok", overwrite=False)


def test_temp_file_names_survive_collisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = iter(
        [".spindle-1-00000000.part", ".spindle-1-00000000.part", ".spindle-1-00000001.part"]
    )
    monkeypatch.setattr(files, "temp_name", lambda: next(names))
    with OutputFolder(tmp_path) as folder:
        first = TempFile(folder)
        second = TempFile(folder)
        assert (first.name, second.name) == (".spindle-1-00000000.part", ".spindle-1-00000001.part")
        first.discard()
        second.discard()


def test_path_api_temporary_path_is_short_and_publish_is_safe(tmp_path: Path) -> None:
    final = tmp_path / ("p" * 244)
    temp = files.temporary_path(final)
    assert temp.parent == tmp_path
    assert len(temp.name) <= 36
    temp.write_bytes(b"new")
    files.publish(temp, final)
    assert final.read_bytes() == b"new"
    again = files.temporary_path(final)
    again.write_bytes(b"newer")
    with pytest.raises(InvalidInputError, match="appeared meanwhile"):
        files.publish(again, final)
    assert again.exists()
    files.publish(again, final, replace=True)
    assert final.read_bytes() == b"newer"
    link = tmp_path / "link"
    link.symlink_to(final)
    third = files.temporary_path(link)
    third.write_bytes(b"x")
    with pytest.raises(InvalidInputError, match="symbolic link"):
        files.publish(third, link, replace=True)
    assert final.read_bytes() == b"newer"


def test_write_atomically_maps_write_failures_to_the_callers_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.errors import ProjectFileError

    def full(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(ProjectFileError, match="Could not write the project") as info:
        write_atomically(tmp_path / "p.spindle", "{}", what="the project", error=ProjectFileError)
    assert "disk is full" in info.value.detail or "No space" in info.value.detail
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # nothing left behind
    assert files.write_error(OSError(errno.ENOSPC, "full")).message.startswith("The disk is full")
