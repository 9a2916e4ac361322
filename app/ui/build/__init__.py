"""The Build workspace: the drag-and-drop project editor over the core DiscProject."""
