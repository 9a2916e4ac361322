"""The Read workspace: copy a disc into an image file, with its sector map."""
