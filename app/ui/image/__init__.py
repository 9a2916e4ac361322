"""The Image workspace (open, browse, extract, mount an existing image)."""
