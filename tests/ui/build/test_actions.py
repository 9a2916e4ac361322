"""The Build workspace's action table: one spec per action, the shortcuts' reach, and the
recent-projects list kept in the settings."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.ui.build.actions import ACTION_SPECS, BuildActions
from app.ui.build.page import BuildPage
from app.ui.common.settings import Settings


def test_every_action_has_exactly_one_spec() -> None:
    names = [spec.name for spec in ACTION_SPECS]
    assert len(names) == len(set(names))
    assert {*names, "undo", "redo"} == {f.name for f in fields(BuildActions)}


def test_file_shortcuts_are_global_and_tree_edits_local(page: BuildPage) -> None:
    actions = page.page_actions
    local = Qt.ShortcutContext.WidgetWithChildrenShortcut
    for action in (actions.new, actions.open, actions.save, actions.save_as, actions.build):
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    for action in (actions.rename, actions.remove, actions.paste, actions.undo, actions.redo):
        assert action.shortcutContext() == local
    assert actions.build.shortcut() == QKeySequence("Ctrl+B")
    assert actions.rename.shortcut() == QKeySequence("F2")
    assert actions.properties.isCheckable()
    assert not actions.cancel_build.isEnabled()
    assert all(action in page.actions() for action in (actions.new, actions.undo))


def test_recent_projects_are_kept_newest_first_and_capped(settings: Settings) -> None:
    paths = [Path(f"/projects/p{number}.spindle") for number in range(10)]
    for path in paths:
        settings.remember_recent_project(path)
    settings.remember_recent_project(paths[3])
    recent = settings.recent_projects()
    assert recent[0] == paths[3]
    assert recent[1:] == [paths[9], paths[8], paths[7], paths[6], paths[5], paths[4], paths[2]]
    assert len(recent) == Settings.RECENT_MAX
    settings.forget_recent_project(paths[9])
    assert paths[9] not in settings.recent_projects()
    settings.clear_recent_projects()
    assert settings.recent_projects() == []
