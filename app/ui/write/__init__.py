"""The Write workspace: burn an image to a disc."""
