"""Converting disc images between formats: one disc model (disc.py), a reader per format
(cue, nrg, mds, ccd, cdi, chd, formats.py for plain files), raw sectors per ECMA-130
(ecma130.py, crc.py, extract.py), writers (iso, bincue, wav, flac, chd), what a target loses
(loss.py), the job (job.py) and its text (report.py)."""
