"""DiscProject.free_name: the name "Keep both" gives an added item whose name is taken."""

from __future__ import annotations

from app.core.project.model import DiscProject


def test_free_name_numbers_before_the_extension_and_skips_taken_numbers() -> None:
    project = DiscProject()
    root = project.root
    assert project.free_name(root, "a.txt") == "a.txt"
    project.add_folder("a.txt")
    assert project.free_name(root, "a.txt") == "a (2).txt"
    project.add_folder("a (2).txt")
    assert project.free_name(root, "a.txt") == "a (3).txt"
    project.add_folder("README")
    assert project.free_name(root, "README") == "README (2)"
    project.add_folder(".profile")
    assert project.free_name(root, ".profile") == ".profile (2)"
