"""Lab tests run inside the drive lab guest (../shared/drivelab/run-lab.sh).  Outside it the
LAB_* variables are missing and every lab test FAILS loudly - it never skips silently."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

import pytest

# tests/lab has its own pytest.ini (see there), so the repository's tests/conftest.py is not
# loaded by itself: take its fail-on-WARNING fixture explicitly.
from tests.conftest import _no_unexpected_warnings  # noqa: F401

REQUIRED = (
    "LAB_CD_VSCSI",
    "LAB_CD_AHCI",
    "LAB_CD_EMPTY",
    "LAB_TGT_DVDROM",
    "LAB_BLANKS",
    "LAB_ISO",
)


@dataclass(frozen=True)
class LabDrive:
    label: str
    device: str
    sg: str


@dataclass(frozen=True)
class Lab:
    cd_vscsi: LabDrive
    cd_ahci: LabDrive
    cd_empty: LabDrive
    tgt_dvdrom: LabDrive
    blanks: tuple[LabDrive, ...]
    iso_blocks: int
    probe: str

    @property
    def all_drives(self) -> tuple[LabDrive, ...]:
        return (self.cd_vscsi, self.cd_ahci, self.cd_empty, self.tgt_dvdrom, *self.blanks)

    @property
    def iso_drives(self) -> tuple[LabDrive, ...]:
        return (self.cd_vscsi, self.cd_ahci, self.tgt_dvdrom)


def _drive(label: str) -> LabDrive:
    return LabDrive(label, os.environ[label], os.environ.get(f"{label}_SG", ""))


@pytest.fixture(scope="session")
def lab() -> Lab:
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        pytest.fail(
            "lab tests must run inside the drive lab (../shared/drivelab/run-lab.sh); "
            f"missing environment: {', '.join(missing)}",
            pytrace=False,
        )
    blanks = []
    index = 1
    while os.environ.get(f"LAB_BLANK_{index}"):
        blanks.append(_drive(f"LAB_BLANK_{index}"))
        index += 1
    if not blanks:
        pytest.fail("the lab reports no LAB_BLANK_n drives", pytrace=False)
    iso_blocks = int(
        os.environ.get("LAB_ISO_BLOCKS") or os.path.getsize(os.environ["LAB_ISO"]) // 2048
    )
    return Lab(
        cd_vscsi=_drive("LAB_CD_VSCSI"),
        cd_ahci=_drive("LAB_CD_AHCI"),
        cd_empty=_drive("LAB_CD_EMPTY"),
        tgt_dvdrom=_drive("LAB_TGT_DVDROM"),
        blanks=tuple(blanks),
        iso_blocks=iso_blocks,
        probe=os.environ.get("LAB_PROBE", ""),
    )


@pytest.fixture(scope="session")
def sg3_utils() -> None:
    missing = [tool for tool in ("sg_inq", "sg_get_config", "sg_readcap") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"sg3-utils missing in the lab: {', '.join(missing)}", pytrace=False)
