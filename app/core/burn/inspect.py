"""Look at the disc in a burner without writing: the Write workspace's check before a burn.

:func:`inspect_medium` reads the medium status (:func:`app.core.burn.medium.read_medium`:
profile, state, free space, speeds, simulation support); :class:`InspectMediumJob` runs it on
the drive's queue lane, so it never overlaps a burn of the same drive.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.burn.drive import BurnDrive
from app.core.burn.job import TransportOpener
from app.core.burn.medium import MediumStatus, read_medium
from app.core.jobs.job import Job, JobContext
from app.core.transport import open_transport


def inspect_medium(device: str, opener: TransportOpener = open_transport) -> MediumStatus:
    """Read what is in ``device`` (for the UI's capacity display before a burn)."""
    transport = opener(device)
    try:
        return read_medium(BurnDrive(transport))
    finally:
        transport.close()


@dataclass
class InspectMediumJob(Job[MediumStatus]):
    """Read what is in the drive (profile, state, free space, speeds) for the Write page."""

    device: str
    opener: TransportOpener = open_transport

    @property
    def title(self) -> str:
        return "Check the disc"

    @property
    def resource(self) -> str:
        return self.device

    def run(self, ctx: JobContext) -> MediumStatus:
        return inspect_medium(self.device, self.opener)
