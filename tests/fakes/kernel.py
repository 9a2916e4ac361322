"""Linux's SG_IO command filter in front of any fake transport.

A process without CAP_SYS_RAWIO may send only the opcodes ``scsi_cmd_allowed()``
(``drivers/scsi/scsi_ioctl.c``) allows, and the writing and speed/lock ones only on a
descriptor opened for writing (:func:`app.core.transport.linux_sg.kernel_allows`).  The drive
lab's first runs were as root, which bypasses the filter, so nothing noticed that a rip
opened read-only could not send SET STREAMING (REAL-DRIVES.md #1).  Wrapping a fake in
:class:`KernelFilter` makes a refused opcode raise the same
:class:`~app.core.errors.PermissionDenied` the real transport raises on EPERM.
"""

from __future__ import annotations

from app.core.transport.base import DEFAULT_TIMEOUT_S, Direction, OutData, Reply, Transport
from app.core.transport.linux_sg import filter_refusal, kernel_allows


class KernelFilter:
    """``inner`` as an unprivileged user sees it through an fd opened with ``writable``."""

    def __init__(self, inner: Transport, *, writable: bool, privileged: bool = False) -> None:
        self.inner = inner
        self.writable = writable
        self.privileged = privileged
        self.refused: list[bytes] = []

    @property
    def path(self) -> str:
        return self.inner.path

    def execute(
        self,
        cdb: bytes,
        direction: Direction = Direction.NONE,
        *,
        data: OutData | None = None,
        length: int = 0,
        into: bytearray | memoryview | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> Reply:
        if not kernel_allows(cdb[0], writable=self.writable, privileged=self.privileged):
            self.refused.append(bytes(cdb))
            raise filter_refusal(
                self.path, bytes(cdb), writable=self.writable, reason="Operation not permitted"
            )
        return self.inner.execute(
            cdb, direction, data=data, length=length, into=into, timeout_s=timeout_s
        )

    def close(self) -> None:
        self.inner.close()
