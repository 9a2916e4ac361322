"""Write recipes, one small module per medium family; :func:`strategy_for` picks one."""

from __future__ import annotations

from app.core.burn.drive import BurnDrive
from app.core.burn.preflight import BurnPlan
from app.core.burn.strategies.base import WriteStrategy
from app.core.burn.strategies.bd_r import BdRStrategy
from app.core.burn.strategies.cd_tao import CdTaoStrategy
from app.core.burn.strategies.dvd_minus_r import DvdMinusRStrategy
from app.core.burn.strategies.dvd_plus_r import DvdPlusRStrategy
from app.core.burn.strategies.overwrite import OverwriteStrategy
from app.core.burn.write_methods import WriteMethod

_BY_METHOD: dict[WriteMethod, type[WriteStrategy]] = {
    WriteMethod.DVD_PLUS_R: DvdPlusRStrategy,
    WriteMethod.DVD_MINUS_R: DvdMinusRStrategy,
    WriteMethod.OVERWRITE: OverwriteStrategy,
    WriteMethod.BD_R: BdRStrategy,
    WriteMethod.CD_TAO: CdTaoStrategy,
}


def strategy_for(drive: BurnDrive, plan: BurnPlan) -> WriteStrategy:
    return _BY_METHOD[plan.method](drive, plan)


__all__ = [
    "BdRStrategy",
    "CdTaoStrategy",
    "DvdMinusRStrategy",
    "DvdPlusRStrategy",
    "OverwriteStrategy",
    "WriteStrategy",
    "strategy_for",
]
