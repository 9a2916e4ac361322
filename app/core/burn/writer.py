"""The data stream: the image, in large aligned WRITE(10) commands at consecutive addresses.

A reader thread keeps a few chunks of the image ready (``preadv`` into reused buffers; the user
data of a CD image's raw sectors cut out on the way: :class:`~app.core.burn.source.UserData`)
while the drive takes the previous WRITE, so the drive's buffer never waits on the disk; the
SG_IO ioctl releases the GIL.  The drive's buffer fill (READ BUFFER CAPACITY, MMC-6 §6.20) is
sampled about once a second for the progress display.  The last chunk is padded with zeros
to the medium's write unit.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.core.burn.drive import BurnDrive
from app.core.burn.source import UserData
from app.core.units import SECTOR_SIZE

_log = logging.getLogger(__name__)

DEFAULT_CHUNK_BLOCKS = 128
"""256 KiB per WRITE(10) (eight DVD ECC blocks, four BD clusters), within the kernel's
per-command limit (see :func:`app.core.burn.job.choose_chunk_blocks`)."""
PREFETCH_CHUNKS = 4
BUFFER_SAMPLE_INTERVAL_S = 1.0


@dataclass(frozen=True, slots=True)
class WriteProgress:
    done_blocks: int
    total_blocks: int
    buffer_percent: float | None


@dataclass(frozen=True, slots=True)
class StreamResult:
    written_blocks: int
    commands: int
    elapsed_s: float


class _Reader(threading.Thread):
    """Reads ``total_blocks`` (image + zero padding) in chunks into a bounded queue."""

    def __init__(
        self, data: UserData, image_blocks: int, total_blocks: int, chunk_blocks: int
    ) -> None:
        super().__init__(name="burn-reader", daemon=True)
        self.data = data
        self.image_blocks = image_blocks
        self.total_blocks = total_blocks
        self.chunk_blocks = chunk_blocks
        self.queue: queue.Queue[tuple[bytearray, int] | BaseException | None] = queue.Queue(
            PREFETCH_CHUNKS
        )
        self.free: queue.Queue[bytearray] = queue.Queue()
        for _ in range(PREFETCH_CHUNKS + 2):
            self.free.put(bytearray(chunk_blocks * SECTOR_SIZE))
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            with self.data.path.open("rb", buffering=0) as image:
                done = 0
                while done < self.total_blocks and not self.stop.is_set():
                    blocks = min(self.chunk_blocks, self.total_blocks - done)
                    buf = self.free.get()
                    view = memoryview(buf)[: blocks * SECTOR_SIZE]
                    want = max(0, min(blocks, self.image_blocks - done)) * SECTOR_SIZE
                    if want:
                        self.data.read_into(view[:want], done, image.fileno())
                    if want < blocks * SECTOR_SIZE:
                        view[want:] = bytes(blocks * SECTOR_SIZE - want)
                    self._put((buf, blocks))
                    done += blocks
        except BaseException as exc:  # handed to the writer thread, which raises it
            self._put(exc)
            return
        self._put(None)

    def _put(self, item: tuple[bytearray, int] | BaseException | None) -> None:
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue


def stream_image(
    drive: BurnDrive,
    data: UserData,
    *,
    start_lba: int,
    image_blocks: int,
    total_blocks: int,
    chunk_blocks: int = DEFAULT_CHUNK_BLOCKS,
    on_progress: Callable[[WriteProgress], None],
    check_cancelled: Callable[[], None],
    clock: Callable[[], float] = time.monotonic,
) -> StreamResult:
    """WRITE ``total_blocks`` blocks (the image's sectors from ``data``, then zeros) from
    ``start_lba``."""
    reader = _Reader(data, image_blocks, total_blocks, chunk_blocks)
    reader.start()
    started = clock()
    lba = start_lba
    done = 0
    commands = 0
    last_sample = float("-inf")
    buffer_percent: float | None = None
    try:
        while True:
            item = reader.queue.get()
            if item is None:
                break
            if isinstance(item, BaseException):
                raise item
            buf, blocks = item
            check_cancelled()
            # a whole bytearray goes to the ioctl without a copy; only a short last chunk is cut
            drive.write(lba, buf if blocks == chunk_blocks else bytes(buf[: blocks * SECTOR_SIZE]))
            reader.free.put(buf)
            commands += 1
            lba += blocks
            done += blocks
            now = clock()
            if now - last_sample >= BUFFER_SAMPLE_INTERVAL_S:
                last_sample = now
                capacity = drive.buffer_fill()
                buffer_percent = capacity.fill_percent if capacity else None
            on_progress(WriteProgress(done, total_blocks, buffer_percent))
    finally:
        reader.stop.set()
        reader.join(timeout=5)
    elapsed = clock() - started
    _log.info(
        "%s: wrote %d blocks in %d WRITE commands, %.1f s", drive.path, done, commands, elapsed
    )
    return StreamResult(done, commands, elapsed)
