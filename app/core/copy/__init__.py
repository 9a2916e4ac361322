"""Copy a disc: read it to a temporary image, burn that to a blank disc and verify it."""
