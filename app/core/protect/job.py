"""The protect workflow's jobs: :class:`ProtectJob` (implant an isomd5sum MD5 and/or create
an RS01 error-correction file)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.image import isomd5
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.protect.rewrite import require_image_file, rewrite


@dataclass(frozen=True, slots=True)
class ProtectResult:
    image: Path
    implanted: isomd5.Implanted | None = None


@dataclass
class ProtectJob(Job[ProtectResult]):
    """Protect ``image``: with ``implant_md5``, write its isomd5sum MD5 into it (a copy of the
    image is changed and renamed over it: the original is never half-written)."""

    image: Path
    implant_md5: bool = False
    force: bool = False
    """Replace data already in the application use field (an older implanted MD5)."""

    @property
    def title(self) -> str:
        return f"Protect {self.image.name}"

    def run(self, ctx: JobContext) -> ProtectResult:
        size = require_image_file(self.image).st_size
        implanted = None
        if self.implant_md5:
            implanted = self._implant(ctx, size)
        return ProtectResult(self.image, implanted)

    def _implant(self, ctx: JobContext, size: int) -> isomd5.Implanted:
        with self.image.open("rb") as stream:  # refuse before copying anything
            isomd5.check_implantable(isomd5.read_volume(stream.fileno()), force=self.force)

        def on_copy(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.PREPARING, done, size, Unit.BYTES))

        def on_hash(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.COMPUTING_CHECKSUMS, done, size, Unit.BYTES))

        def change(fd: int) -> isomd5.Implanted:
            return isomd5.implant_fd(fd, force=self.force, on_chunk=on_hash)

        return rewrite(self.image, change, on_copy=on_copy)
