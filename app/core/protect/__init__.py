"""Protect and repair: integrity marks (isomd5sum) and dvdisaster-compatible Reed-Solomon
error-correction data (RS01 ``.ecc`` files) for images; check and repair with them."""
