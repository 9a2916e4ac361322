from __future__ import annotations

from app.core import errors


def test_hierarchy_and_exit_codes() -> None:
    assert issubclass(errors.SenseError, errors.DeviceError)
    assert issubclass(errors.PermissionDenied, errors.DeviceError)
    assert issubclass(errors.DeviceNotFound, errors.DeviceError)
    assert issubclass(errors.TransportError, errors.DeviceError)
    assert issubclass(errors.VerifyError, errors.ImageError)
    codes = {
        errors.InvalidInputError: 3,
        errors.ImageError: 4,
        errors.DeviceError: 5,
        errors.PermissionDenied: 6,
        errors.InternalError: 70,
        errors.Cancelled: 130,
    }
    for cls, code in codes.items():
        assert errors.exit_code_for(cls("x")) == code
    assert errors.exit_code_for(RuntimeError()) == 70


def test_message_and_detail() -> None:
    err = errors.SenseError("The disc cannot be read.", "READ(10) lba 100", key=3, asc=0x11, ascq=0)
    assert err.message == "The disc cannot be read."
    assert err.code == "3/11/00"
    assert str(err) == "The disc cannot be read. (READ(10) lba 100)"
