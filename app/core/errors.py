"""The error hierarchy raised by the core and shown by the UI and the CLI.

Every error carries two texts: ``message``, a plain-language sentence for the person using
Spindle ("The disc in /dev/sr0 is not blank."), and ``detail``, the technical facts underneath
(a path, an errno, a CDB and its sense bytes).  The split follows pycdlib's three-way split of
blame: the caller's input (:class:`InvalidInputError`), the data or the device
(:class:`ImageError`, :class:`DeviceError`) and our own bugs (:class:`InternalError`).

Each class also names the CLI exit code it maps to (see ``README.md``, "Exit codes").
"""

from __future__ import annotations

from typing import ClassVar


class AppError(Exception):
    """Base of every error Spindle raises on purpose."""

    exit_code: ClassVar[int] = 1
    title: ClassVar[str] = "Something went wrong"

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        if self.detail:
            return f"{self.message} ({self.detail})"
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, {self.detail!r})"


class InvalidInputError(AppError):
    """The request itself is wrong: a missing source file, an output that exists, bad options."""

    exit_code = 3
    title = "Cannot use this input"


class ProjectFileError(InvalidInputError):
    """A project file is damaged, or was written by a newer Spindle."""

    title = "Cannot open the project"


class CapacityError(InvalidInputError):
    """The data does not fit on the chosen or inserted medium."""

    title = "Does not fit"

    def __init__(self, message: str, detail: str = "", *, overflow_bytes: int = 0) -> None:
        super().__init__(message, detail)
        self.overflow_bytes = overflow_bytes


class ImageError(AppError):
    """An image could not be built, read or verified (bad data, full disk, changed source)."""

    exit_code = 4
    title = "Problem with the image"


class VerifyError(ImageError):
    """A verification found differences (checksum mismatch, differing sectors)."""

    title = "Verification failed"


class MountError(ImageError):
    """An image could not be mounted or unmounted (no udisks2, no file system the OS mounts)."""

    title = "Cannot mount the image"


class DeviceError(AppError):
    """A drive or its medium did not do what was asked."""

    exit_code = 5
    title = "Problem with the drive"


class DeviceNotFound(DeviceError):
    """No such drive, or the path is not an optical drive."""

    title = "Drive not found"


class NoMediumError(DeviceError):
    """The drive has no disc in it (or the tray is open)."""

    title = "No disc"


class MediumError(DeviceError):
    """The medium is not usable for the request (not blank, not writable, too small)."""

    title = "Unsuitable disc"


class PermissionDenied(DeviceError):
    """The operating system refused access to the drive."""

    exit_code = 6
    title = "Permission denied"


class TransportError(DeviceError):
    """A command could not be delivered to the drive (ioctl failure, timeout, host error)."""

    title = "Drive communication error"


class MediumChangedError(DeviceError):
    """The drive reported UNIT ATTENTION 6/28 (medium may have changed) in the middle of
    work that depends on the disc staying the same."""

    title = "The disc was changed"


class CommandTimeout(TransportError):
    """A command did not complete within its timeout (SG_IO DID_TIME_OUT, SPTI
    ERROR_SEM_TIMEOUT); the OS may have aborted it and reset the drive."""

    title = "The drive did not answer in time"


class SenseError(DeviceError):
    """The drive answered CHECK CONDITION; ``key``/``asc``/``ascq`` are from the sense data
    (SPC-4 §4.5, fixed and descriptor formats)."""

    title = "The drive reported an error"

    def __init__(
        self,
        message: str,
        detail: str = "",
        *,
        key: int,
        asc: int,
        ascq: int,
        information: int | None = None,
    ) -> None:
        super().__init__(message, detail)
        self.key = key
        self.asc = asc
        self.ascq = ascq
        self.information = information
        """The sense INFORMATION field when VALID (for a failed READ: the first bad LBA)."""

    @property
    def code(self) -> str:
        """The ``K/AA/QQ`` form used in logs and by other tools (e.g. ``3/11/00``)."""
        return f"{self.key:X}/{self.asc:02X}/{self.ascq:02X}"


class UdisksUnavailable(DeviceError):
    """No system bus, no udisksd on it, or no D-Bus client library to talk to it."""

    title = "udisks2 is not available"


class UdisksCallError(DeviceError):
    """udisksd answered a call with a D-Bus error (``name`` is the D-Bus error name)."""

    title = "udisks2 refused"

    def __init__(self, message: str, detail: str = "", *, name: str = "") -> None:
        super().__init__(message, detail)
        self.name = name


class TargetRefused(InvalidInputError):
    """The chosen disk may not be written to: part of the running system, not removable
    (and not unlocked), an optical drive, write-protected, or not a disk at all."""

    title = "Not a safe target"


class TargetChanged(DeviceError):
    """The disk chosen is gone, or another disk now has its name (serial, size or device
    number differ): nothing was written."""

    title = "The disk changed"


class TargetBusy(DeviceError):
    """The disk is mounted or opened by another program (the exclusive open failed)."""

    title = "The disk is in use"


class UnmountError(DeviceError):
    """A partition of the disk could not be unmounted: nothing was written."""

    title = "Could not unmount"


class FlashWriteError(DeviceError):
    """Writing to the disk failed at ``offset``: the disk holds part of the image only."""

    title = "Writing failed"

    def __init__(self, message: str, detail: str = "", *, offset: int = 0) -> None:
        super().__init__(message, detail)
        self.offset = offset


class FlashVerifyError(VerifyError):
    """Reading the disk back gave other bytes than the image; ``first_offset`` is the byte
    offset of the first difference (or of the read that failed, when ``read_failed``)."""

    title = "Verification failed"

    def __init__(
        self, message: str, detail: str = "", *, first_offset: int, read_failed: bool = False
    ) -> None:
        super().__init__(message, detail)
        self.first_offset = first_offset
        self.read_failed = read_failed


class Cancelled(AppError):
    """The user cancelled the job.  Not a failure: the job cleaned up after itself."""

    exit_code = 130
    title = "Cancelled"

    def __init__(self, message: str = "Cancelled.", detail: str = "") -> None:
        super().__init__(message, detail)


class InternalError(AppError):
    """A bug in Spindle: an exception nobody raised on purpose, wrapped at the job boundary."""

    exit_code = 70
    title = "Spindle ran into a problem of its own"


EXIT_OK = 0
EXIT_USAGE = 2
"""argparse's own code for a malformed command line."""


def exit_code_for(error: BaseException) -> int:
    """The CLI exit code for ``error`` (README.md documents the table)."""
    if isinstance(error, AppError):
        return error.exit_code
    return InternalError.exit_code
