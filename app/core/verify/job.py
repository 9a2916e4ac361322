"""The checksum job: hash an image file, optionally compare with expected digests and
write ``sha256sum``-compatible sidecars (used by ``spindle verify`` and after builds/rips)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InvalidInputError, VerifyError
from app.core.image.checksum import Algorithm, Digest, hash_file, write_sidecar
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit


@dataclass(frozen=True, slots=True)
class ChecksumResult:
    path: Path
    size_bytes: int
    digests: tuple[Digest, ...]
    verified: tuple[Algorithm, ...] = ()
    """Algorithms whose expected digest matched."""
    sidecars: tuple[Path, ...] = ()


@dataclass
class ChecksumJob(Job[ChecksumResult]):
    """Hash ``path``; with ``expected`` digests, fail with :class:`VerifyError` on a mismatch."""

    path: Path
    algorithms: tuple[Algorithm, ...] = (Algorithm.SHA256,)
    expected: dict[Algorithm, str] = field(default_factory=dict)
    write_sidecars: bool = False

    @property
    def title(self) -> str:
        return f"Checksum {self.path.name}"

    def run(self, ctx: JobContext) -> ChecksumResult:
        if not self.path.is_file():
            raise InvalidInputError(f"“{self.path}” is not a file.", "no such regular file")
        size = self.path.stat().st_size
        wanted = tuple(dict.fromkeys((*self.algorithms, *self.expected)))

        def on_chunk(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.COMPUTING_CHECKSUMS, done, size, Unit.BYTES))

        ctx.report(Progress(Phase.COMPUTING_CHECKSUMS, 0, size, Unit.BYTES))
        digests = hash_file(self.path, wanted, on_chunk=on_chunk)
        verified: list[Algorithm] = []
        for digest in digests:
            expected = self.expected.get(digest.algorithm)
            if expected is None:
                continue
            if expected.lower() != digest.hex:
                raise VerifyError(
                    f"The {digest.algorithm.hashlib_name} checksum of “{self.path.name}” does "
                    "not match: the image differs from the one the checksum was made for.",
                    f"expected {expected.lower()}, computed {digest.hex}",
                )
            verified.append(digest.algorithm)
        sidecars: tuple[Path, ...] = ()
        if self.write_sidecars:
            sidecars = tuple(write_sidecar(self.path, d) for d in digests)
        return ChecksumResult(self.path, size, digests, tuple(verified), sidecars)
