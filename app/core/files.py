"""The one way Spindle creates, writes and publishes files (images, maps, sidecars, CUE sheets,
project saves, recordings): nothing half-written under a final name.

The API: :func:`write_atomically` writes a small file whole; :class:`AtomicOutput` writes a
large one (an image) under a temporary name and publishes it; :func:`resumable_path` is the
visible ``NAME.part`` of a rip, kept on purpose so that ``--resume`` finds it;
:func:`write_error` turns an ``OSError`` while writing into the message people read ("The
disk is full…"); :func:`find_stale` / :func:`remove_stale` deal with what killed processes
left.  :func:`temporary_path` and :func:`publish` remain for callers that hold paths.

Rules, each a loss of data or worse when broken (issue 18):

- **Temporary files are created exclusively and never through a link**: ``openat(dirfd, name,
  O_CREAT | O_EXCL | O_NOFOLLOW)`` relative to the output folder, opened once
  (:class:`OutputFolder`).  A symbolic link planted under the temporary name, or a folder
  swapped for a link after the checks, cannot redirect the write (POSIX.1-2017 ``openat()``:
  with ``O_CREAT | O_EXCL`` the call fails if the name exists, *including as a symbolic link*).
- **Only a regular file is ever replaced**: a device node (``/dev/null``, ``/dev/sr0``), a FIFO,
  a socket, a folder or a symbolic link (``/dev/stdout``) under the output name is refused,
  with ``--force`` too (:func:`check_output`).
- **One job never publishes over its own inputs**: the image, its partial file, its map and
  its sidecars must be distinct files from each other and from the job's sources
  (:func:`check_distinct`; ``rip SRC out.iso --map out.iso.part`` is refused before anything
  is written).
- **fsync, then rename**: the data reaches the disk before the name points at it, and the
  folder is synced after the rename, so a crash leaves the old file or the new one, never a
  torn one (the ext4/XFS "replace via rename" guarantee needs both syncs).
- **No clobbering unless asked**: without ``overwrite`` the publish is ``linkat()`` (fails with
  ``EEXIST`` on an existing name) + ``unlinkat()`` of the temporary name; only file systems
  without hard links get a checked ``renameat()``.  A file that appeared at the output name
  while the job ran is never replaced.
- **One writer per output**: an advisory ``flock()`` on a lock file per output name
  (:class:`OutputLock`) makes a second job into the same output fail at once instead of
  interleaving writes.
- **Short temporary names**: ``.spindle-<pid>-<8 hex>.part`` (at most 36 bytes) whatever the
  output's name, so a valid 244-byte output name works (``NAME_MAX`` is 255 bytes).
- **Stale temporaries are found**: a live temporary is held under ``flock(LOCK_EX)`` by its
  writer; one whose lock can be taken belongs to a dead process (:func:`find_stale`), and is
  listed with its size for removal (:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl  # noqa: TID251 - flock(2) on output files; the one use outside devices/transport
import hashlib
import io
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import AppError, ImageError, InternalError, InvalidInputError
from app.core.units import format_size

TEMP_PREFIX = ".spindle-"
TEMP_SUFFIX = ".part"
LOCK_SUFFIX = ".lock"
_TEMP_RE = re.compile(r"^\.spindle-(\d+)-[0-9a-f]{8}\.part$")
_LOCK_RE = re.compile(r"^\.spindle-[0-9a-f]{16}\.lock$")


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages ("a pipe (FIFO)", "a block device")."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def name_max(folder: Path) -> int:
    """The longest file name ``folder``'s file system allows, in bytes (``NAME_MAX``)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def check_name_length(path: Path, *, longest_suffix: str = "") -> None:
    """Refuse an output name the file system cannot hold together with its longest companion
    (``NAME.sha256``, ``NAME.part``): before the job starts, not after an hour of writing."""
    limit = name_max(path.parent if str(path.parent) else Path("."))
    needed = len(os.fsencode(path.name + longest_suffix))
    if needed > limit:
        extra = f" (with “{longest_suffix}” added)" if longest_suffix else ""
        raise InvalidInputError(
            f"The name “{path.name}” is too long for this file system{extra}.",
            f"{needed} bytes, at most {limit}",
        )


def check_output(path: Path, *, overwrite: bool, what: str = "output") -> os.stat_result | None:
    """Check that ``path`` may become the job's output; return its ``lstat`` if it exists.

    Refuses a missing folder, anything but a regular file under the name (even with
    ``overwrite``: replacing ``/dev/null`` or a link to ``/dev/stdout`` is never what was
    meant), and an existing file unless ``overwrite``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInputError(f"The folder “{folder}” does not exist.", f"{what} {path}")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InvalidInputError(f"Cannot check the {what} “{path}”.", str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInputError(
            f"The {what} “{path}” is {file_kind(info.st_mode)}: "
            "Spindle only replaces regular files.",
            f"mode {stat.filemode(info.st_mode)}",
        )
    if not overwrite:
        raise InvalidInputError(
            f"The {what} “{path}” already exists. Choose another name, or allow replacing it.",
            "refusing to overwrite",
        )
    return info


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """A path as compared here: absolute, its folder's links resolved; and (dev, inode) of
    what it names when it exists (links followed: an input through a link is still it)."""
    absolute = Path(os.path.abspath(path))
    key = os.path.join(os.path.realpath(absolute.parent), absolute.name)
    try:
        info = os.stat(absolute)
    except OSError:
        return key, None
    return key, (info.st_dev, info.st_ino)


def check_distinct(outputs: Mapping[str, Path], inputs: Mapping[str, Path] | None = None) -> None:
    """Refuse a job whose files coincide: two outputs of one job (image, partial file, map,
    sidecars, CUE sheet) with one name or one inode, or an output that is one of its inputs.

    ``outputs`` and ``inputs`` map a role ("the map", "the image") to a path."""
    seen: dict[object, str] = {}
    for role, path in (inputs or {}).items():
        key, inode = _identity(path)
        seen[key] = role
        if inode is not None:
            seen[inode] = role
    for role, path in outputs.items():
        key, inode = _identity(path)
        for probe in (key, inode):
            if probe is not None and probe in seen:
                raise InvalidInputError(
                    f"{role.capitalize()} “{path}” is the same file as {seen[probe]}: "
                    "choose different names.",
                    f"{role}: {path}",
                )
        seen[key] = role
        if inode is not None:
            seen[inode] = role


class OutputFolder:
    """A folder opened once; every name below is resolved relative to its descriptor, so a
    folder renamed or replaced by a link after the checks does not move the job's writes."""

    def __init__(self, folder: Path) -> None:
        self.path = folder if str(folder) else Path(".")
        try:
            self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError as exc:
            raise InvalidInputError(f"The folder “{self.path}” does not exist.", str(exc)) from exc
        except NotADirectoryError as exc:
            raise InvalidInputError(f"“{self.path}” is not a folder.", str(exc)) from exc
        except OSError as exc:
            raise InvalidInputError(f"Cannot open the folder “{self.path}”.", str(exc)) from exc

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> OutputFolder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def lstat(self, name: str) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def sync(self) -> None:
        """fsync the folder: makes renames and unlinks in it durable."""
        try:
            os.fsync(self.fd)
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.EBADF, errno.EROFS):
                raise

    def create_exclusive(self, name: str, mode: int = 0o644) -> int:
        """A new file ``name`` opened read-write: never an existing file, never via a link."""
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        return os.open(name, flags, mode, dir_fd=self.fd)

    def open_existing_regular(self, name: str) -> int:
        """``name`` opened read-write without following a link; only a regular file."""
        flags = os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
        try:
            fd = os.open(name, flags, dir_fd=self.fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise InvalidInputError(
                    f"“{self.path / name}” is a symbolic link: Spindle does not write through "
                    "links it did not make.",
                    str(exc),
                ) from exc
            raise
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise InvalidInputError(
                f"“{self.path / name}” is {file_kind(info.st_mode)}, not a regular file.",
                f"mode {stat.filemode(info.st_mode)}",
            )
        os.set_blocking(fd, True)
        return fd

    def publish(self, temp: str, name: str, *, overwrite: bool) -> None:
        """Give the file ``temp`` the name ``name`` (both in this folder).

        With ``overwrite`` only a regular file is replaced (atomic ``renameat``); without it
        an existing ``name`` is never replaced (link + unlink)."""
        existing = self.lstat(name)
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise InvalidInputError(
                f"“{self.path / name}” is {file_kind(existing.st_mode)}: Spindle only replaces "
                "regular files.",
                f"mode {stat.filemode(existing.st_mode)}",
            )
        if overwrite:
            os.replace(temp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            self.sync()
            return
        if existing is not None:
            raise _appeared(self.path / name)
        try:
            os.link(temp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False)
        except FileExistsError as exc:
            raise _appeared(self.path / name) from exc
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            # no hard links (FAT, some FUSE): check again, then a plain rename
            if self.lstat(name) is not None:
                raise _appeared(self.path / name) from exc
            os.rename(temp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        else:
            os.unlink(temp, dir_fd=self.fd)
        self.sync()


def _appeared(path: Path) -> InvalidInputError:
    return InvalidInputError(
        f"“{path}” appeared while Spindle was writing it; it was not replaced.",
        "refusing to overwrite",
    )


def temp_name() -> str:
    """A fresh temporary name: ``.spindle-<pid>-<8 hex>.part`` (short, whatever the output)."""
    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"


def lock_name(output_name: str) -> str:
    """The lock file of the output ``output_name`` in its folder (fixed length)."""
    digest = hashlib.blake2b(os.fsencode(output_name), digest_size=8).hexdigest()
    return f"{TEMP_PREFIX}{digest}{LOCK_SUFFIX}"


class OutputLock:
    """An exclusive advisory lock (``flock(2)``, BSD semantics: per open file, released when the
    process dies) on one output name, held while a job writes it."""

    def __init__(self, folder: OutputFolder, output_name: str) -> None:
        self.folder = folder
        self.output_name = output_name
        self.name = lock_name(output_name)
        self.fd = -1

    def acquire(self) -> None:
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        for _attempt in range(10):
            try:
                fd = os.open(self.name, flags, 0o644, dir_fd=self.folder.fd)
            except OSError as exc:
                raise InvalidInputError(
                    f"Cannot lock “{self.folder.path / self.output_name}” for writing.", str(exc)
                ) from exc
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                os.close(fd)
                raise InvalidInputError(
                    f"Another Spindle job is writing “{self.folder.path / self.output_name}”: "
                    "wait for it to finish, or choose another name.",
                    f"lock {self.folder.path / self.name} is held",
                ) from exc
            # the holder before us may have unlinked the file between our open and flock
            now = self.folder.lstat(self.name)
            mine = os.fstat(fd)
            if now is not None and (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                self.fd = fd
                return
            os.close(fd)
        raise InvalidInputError(
            f"Cannot lock “{self.folder.path / self.output_name}” for writing.",
            "the lock file kept changing",
        )

    def release(self) -> None:
        if self.fd < 0:
            return
        # read-only or already gone: a left lock file is harmless (the flock is released)
        with contextlib.suppress(OSError):
            os.unlink(self.name, dir_fd=self.folder.fd)
        os.close(self.fd)
        self.fd = -1

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class TempFile:
    """A new temporary file in ``folder``: created exclusively, without following links, and
    held under ``flock(LOCK_EX)`` so that :func:`find_stale` knows it is alive."""

    def __init__(self, folder: OutputFolder, mode: int = 0o644) -> None:
        self.folder = folder
        for _attempt in range(20):
            name = temp_name()
            try:
                self.fd = folder.create_exclusive(name, mode)
            except FileExistsError:
                continue
            except OSError as exc:
                raise _write_error(folder.path / name, exc, creating=True) from exc
            break
        else:
            raise ImageError(f"Cannot create a temporary file in “{folder.path}”.", "EEXIST")
        self.name = name
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    @property
    def path(self) -> Path:
        return self.folder.path / self.name

    def stream(self) -> io.BufferedRandom:
        """A buffered binary stream on a duplicate of the descriptor (close it yourself)."""
        stream = os.fdopen(os.dup(self.fd), "w+b")
        assert isinstance(stream, io.BufferedRandom)
        return stream

    def sync(self) -> None:
        os.fsync(self.fd)

    def publish(self, name: str, *, overwrite: bool) -> None:
        """fsync, then give the file its final ``name`` (see :meth:`OutputFolder.publish`)."""
        try:
            self.sync()
            self.folder.publish(self.name, name, overwrite=overwrite)
        except OSError as exc:
            raise _write_error(self.folder.path / name, exc) from exc
        self._close()
        self.name = ""

    def discard(self) -> None:
        """Remove the temporary file (only if the name still is this file)."""
        if not self.name:
            return
        try:
            now = self.folder.lstat(self.name)
            mine = os.fstat(self.fd)
            if now is not None and (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                os.unlink(self.name, dir_fd=self.folder.fd)
        except OSError:
            pass
        self._close()
        self.name = ""

    def _close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def write_error(exc: OSError, what: str = "The image") -> ImageError:
    """The error people read when writing ``what`` failed with ``exc``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ImageError(f"The disk is full: {what.lower()} could not be written.", str(exc))
    if exc.errno == errno.EFBIG:
        return ImageError(
            f"{what} is larger than the target file system allows (a 4 GiB limit on FAT?).",
            str(exc),
        )
    return ImageError(f"{what} could not be written.", str(exc))


def _write_error(path: Path, exc: OSError, *, creating: bool = False) -> ImageError:
    if creating and exc.errno not in (errno.ENOSPC, errno.EDQUOT):
        return ImageError(f"Cannot create a file in “{path.parent}”.", str(exc))
    return write_error(exc, f"“{path}”")


def resumable_path(final: Path) -> Path:
    """The visible in-progress name of a job that can resume (a rip's ``NAME.part``)."""
    return final.with_name(final.name + ".part")


class AtomicOutput:
    """Write one output file the safe way: lock the name, write a temporary file, fsync,
    publish.  Use as a context manager; an exception (or no :meth:`publish`) discards it."""

    def __init__(self, target: Path, *, overwrite: bool, lock: bool = True) -> None:
        self.target = target
        self.overwrite = overwrite
        check_name_length(target)
        self.folder = OutputFolder(target.parent)
        self._lock: OutputLock | None = None
        self._temp: TempFile | None = None
        try:
            existing = self.folder.lstat(target.name)
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                raise InvalidInputError(
                    f"“{target}” is {file_kind(existing.st_mode)}: Spindle only replaces regular "
                    "files.",
                    f"mode {stat.filemode(existing.st_mode)}",
                )
            if existing is not None and not overwrite:
                raise InvalidInputError(
                    f"“{target}” already exists. Choose another name, or allow replacing it.",
                    "refusing to overwrite",
                )
            if lock:
                self._lock = OutputLock(self.folder, target.name)
                self._lock.acquire()
            self._temp = TempFile(self.folder)
        except BaseException:
            self.close()
            raise

    @property
    def fd(self) -> int:
        assert self._temp is not None
        return self._temp.fd

    @property
    def temp_path(self) -> Path | None:
        return self._temp.path if self._temp is not None and self._temp.name else None

    def stream(self) -> io.BufferedRandom:
        assert self._temp is not None
        return self._temp.stream()

    @property
    def readable_path(self) -> Path:
        """A path that opens the temporary file itself, whatever happens to its name meanwhile
        (``/proc/self/fd/N`` on Linux), for readers that take a path (hashing)."""
        proc = Path(f"/proc/self/fd/{self.fd}")
        if proc.exists():
            return proc
        assert self._temp is not None
        return self._temp.path

    def write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except OSError as exc:
                raise _write_error(self.target, exc) from exc
            view = view[written:]

    def publish(self) -> Path:
        assert self._temp is not None
        self._temp.publish(self.target.name, overwrite=self.overwrite)
        self.close()
        return self.target

    def close(self) -> None:
        """Discard an unpublished temporary file and release the lock (idempotent)."""
        if self._temp is not None:
            self._temp.discard()
            self._temp = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.folder.close()

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def write_atomically(
    path: Path,
    data: bytes | str,
    *,
    what: str = "the file",
    error: type[AppError] = ImageError,
    overwrite: bool = True,
    lock: bool = False,
) -> Path:
    """Write a small file (map, sidecar, CUE sheet, project, recording) whole: a new temporary
    file, fsync, rename over the target, which may only be a regular file.  Text is UTF-8.

    A failed write raises ``error("Could not write {what} “path”.")`` with nothing left
    behind; refusals (a link, a device or a FIFO at ``path``; ``path`` existing without
    ``overwrite``; with ``lock``, another job writing it) are :class:`InvalidInputError`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with AtomicOutput(path, overwrite=overwrite, lock=lock) as out:
            out.write_all(payload)
            return out.publish()
    except InvalidInputError:
        raise
    except ImageError as exc:
        raise error(f"Could not write {what} “{path}”.", exc.detail) from exc
    except OSError as exc:
        raise error(f"Could not write {what} “{path}”.", str(exc)) from exc


def temporary_path(final: Path) -> Path:
    """The temporary name of ``final`` for this process, next to it: short and the same on
    every call (``.spindle-<pid>-<8 hex of the name>.part``), so a caller may compute it again
    to publish or remove it.

    Prefer :class:`AtomicOutput`, which also creates it safely; a caller of this must create
    the file exclusively (``open(temp, "xb")``, ``O_CREAT | O_EXCL``) and :func:`publish` or
    remove it; if the process dies, :func:`find_stale` lists it."""
    digest = hashlib.blake2b(os.fsencode(final.name), digest_size=4).hexdigest()
    return final.with_name(f"{TEMP_PREFIX}{os.getpid()}-{digest}{TEMP_SUFFIX}")


def publish(temp: Path, final: Path, *, replace: bool = False, what: str = "the image") -> None:
    """Give the complete file ``temp`` (in ``final``'s folder) the name ``final``: fsync, then
    :meth:`OutputFolder.publish` (only a regular file is ever replaced, and only with
    ``replace``).  A file that appeared at ``final`` meanwhile is never replaced:
    :class:`InvalidInputError` says so and ``temp`` is left where it is."""
    if Path(os.path.abspath(temp.parent)) != Path(os.path.abspath(final.parent)):
        raise InternalError("publish: the temporary file is not in the target's folder.", str(temp))
    try:
        with OutputFolder(final.parent) as folder:
            fd = folder.open_existing_regular(temp.name)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                folder.publish(temp.name, final.name, overwrite=replace)
            except InvalidInputError as exc:
                if "appeared" not in exc.message:
                    raise
                raise InvalidInputError(
                    f"“{final}” appeared meanwhile; {what} was left as “{temp.name}”.",
                    exc.detail,
                ) from exc
    except OSError as exc:
        raise ImageError(f"Could not give {what} its name “{final}”.", str(exc)) from exc


@contextmanager
def locked_output(target: Path) -> Iterator[OutputLock]:
    """Hold the output lock of ``target`` (for jobs that write their output in place, such as
    a resumed rip)."""
    with OutputFolder(target.parent) as folder, OutputLock(folder, target.name) as lock:
        yield lock


@dataclass(frozen=True, slots=True)
class StaleFile:
    """A temporary or lock file that no live Spindle process holds."""

    path: Path
    size: int
    pid: int | None
    """The process that made it (from its name), gone now; ``None`` for lock files."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_stale(folder: Path) -> list[StaleFile]:
    """The temporary and lock files in ``folder`` left by Spindle processes that died (killed,
    crashed, power loss).  A file is stale when no process holds its ``flock`` (a live writer
    always does); the pid in the name is only reported."""
    found: list[StaleFile] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    with OutputFolder(folder) as handle:
        for name in names:
            temp = _TEMP_RE.match(name)
            if temp is None and _LOCK_RE.match(name) is None:
                continue
            try:
                fd = os.open(
                    name,
                    os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                    dir_fd=handle.fd,
                )
            except OSError:
                continue
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    continue
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a live job holds it
                pid = int(temp.group(1)) if temp is not None else None
                if pid is not None and pid != os.getpid() and _pid_alive(pid):
                    # pid reused, or a live writer on a file system without flock: keep it
                    continue
                found.append(StaleFile(folder / name, info.st_size, pid))
            finally:
                os.close(fd)
    return found


def describe_stale(stale: Iterable[StaleFile]) -> str:
    """One line about leftover temporaries, for a job's warnings ("" when there are none;
    left lock files alone are empty and harmless, so not worth a warning)."""
    items = [s for s in stale if s.pid is not None]
    if not items:
        return ""
    total = sum(s.size for s in items)
    folder = items[0].path.parent
    plural = "s" if len(items) != 1 else ""
    return (
        f"{len(items)} leftover temporary file{plural} of interrupted Spindle runs "
        f"({format_size(total)}) in “{folder}”: remove with “spindle clean {folder}”."
    )


def remove_stale(stale: Iterable[StaleFile]) -> list[StaleFile]:
    """Remove the given leftovers that are still stale; return the ones removed.

    Each is unlinked while this process holds its ``flock(LOCK_EX)``, and only if the name
    still is that file: a job starting at the same moment either holds the lock first (the
    file is kept) or finds its lock file gone and makes a new one (:meth:`OutputLock.acquire`).
    """
    removed: list[StaleFile] = []
    for item in stale:
        try:
            handle = OutputFolder(item.path.parent)
        except InvalidInputError:
            continue
        with handle:
            name = item.path.name
            try:
                fd = os.open(
                    name,
                    os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                    dir_fd=handle.fd,
                )
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                now = handle.lstat(name)
                mine = os.fstat(fd)
                if now is None or (now.st_dev, now.st_ino) != (mine.st_dev, mine.st_ino):
                    continue
                os.unlink(name, dir_fd=handle.fd)
                removed.append(item)
            except OSError:
                continue
            finally:
                os.close(fd)
            handle.sync()
    return removed
