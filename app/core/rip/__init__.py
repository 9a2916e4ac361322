"""Reading discs to images: the ddrescue map file, the rescue engine and the rip job."""
