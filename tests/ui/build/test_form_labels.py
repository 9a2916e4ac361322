"""Form-label colons on the Build page and its Properties panel, as elsewhere in Spindle
(app/ui/read/page.py): a form's labels end with ":"; check boxes and buttons never do."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.build.page import BuildPage


def label_problems(root: QWidget) -> list[str]:
    """What breaks the convention in ``root``'s forms and buttons."""
    problems: list[str] = []
    forms = root.findChildren(QFormLayout)
    assert forms, "no form found"
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text() and not label.text().endswith(":"):
                problems.append(f"form label without a colon: {label.text()!r}")
    for button in root.findChildren(QAbstractButton):
        if button.text().rstrip().endswith(":"):
            problems.append(f"button or check box with a colon: {button.text()!r}")
    for label in root.findChildren(QLabel):
        if label.buddy() is not None and not label.text().endswith(":"):
            problems.append(f"field label without a colon: {label.text()!r}")
    return problems


def test_build_page_form_labels_end_with_a_colon_and_buttons_do_not(
    qtbot: QtBot, page: BuildPage
) -> None:
    page.properties.setVisible(True)
    assert label_problems(page) == []


def test_the_walk_sees_a_missing_colon_and_a_colon_on_a_check_box(
    qtbot: QtBot, page: BuildPage
) -> None:
    form = page.properties.findChild(QFormLayout)
    assert form is not None
    item = form.itemAt(0, QFormLayout.ItemRole.LabelRole)
    label = item.widget()
    assert isinstance(label, QLabel)
    label.setText("&Label")
    page.properties.udf_check.setText("UDF:")
    assert label_problems(page) == [
        "form label without a colon: '&Label'",
        "button or check box with a colon: 'UDF:'",
        "field label without a colon: '&Label'",
    ]
