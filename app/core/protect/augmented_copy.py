"""An augmented *copy* of an image (issue 14, burning with error-correction data): the user's
image is never changed; the copy gets dvdisaster's RS02 data for the medium and is burned in
its place, then removed by the caller."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InvalidInputError
from app.core.files import AtomicOutput, write_error
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Unit
from app.core.protect import rs02
from app.core.protect.plan import AugmentPlan, carries_rs02, plan_for_bytes
from app.core.protect.rewrite import copy_fd, require_image_file
from app.core.units import SECTOR_SIZE, format_size


@dataclass(frozen=True, slots=True)
class AugmentedCopy:
    path: Path
    layout: rs02.Layout


def copy_folder(image: Path, plan: AugmentPlan, cache: Path) -> Path:
    """Where the copy goes: beside the image when that folder has room for it (and 64 MiB
    more), else ``cache``; refuses when neither has."""
    need = plan.total_sectors * SECTOR_SIZE + (64 << 20)
    for folder in (image.parent, cache):
        probe = folder
        while not probe.exists() and probe != probe.parent:
            probe = probe.parent
        if os.access(probe, os.W_OK) and shutil.disk_usage(probe).free >= need:
            return folder
    raise InvalidInputError(
        f"There is no room for the {format_size(need)} augmented copy beside the image or in "
        f"“{cache}”.",
        "free space",
    )


@dataclass
class AugmentedCopyJob(Job[AugmentedCopy]):
    """Copy ``image`` to ``output`` and append RS02 data for ``medium`` sectors to the copy."""

    image: Path
    output: Path
    medium: int

    @property
    def title(self) -> str:
        return f"Add error-correction data to a copy of {self.image.name}"

    def run(self, ctx: JobContext) -> AugmentedCopy:
        size = require_image_file(self.image).st_size
        if carries_rs02(self.image):
            raise InvalidInputError(
                f"“{self.image.name}” already carries dvdisaster RS02 error-correction data.",
                "RS02 header found",
            )
        layout = plan_for_bytes(size, self.medium).layout
        self.output.parent.mkdir(parents=True, exist_ok=True)
        on_copy = ctx.counter(Phase.PREPARING, size, Unit.BYTES)
        on_scan = ctx.counter(Phase.READING_IMAGE, size, Unit.BYTES)
        on_encode = ctx.counter(Phase.ENCODING, layout.sectors_per_layer, Unit.SECTORS)
        with AtomicOutput(self.output, overwrite=False) as out:
            try:
                with self.image.open("rb") as source:
                    copy_fd(source.fileno(), out.fd, size, on_copy)
                rs02.augment(out.fd, layout, on_scan=on_scan, on_encode=on_encode)
            except OSError as exc:
                raise write_error(exc, f"“{self.output}”") from exc
            out.publish()
        return AugmentedCopy(self.output, layout)
