"""MMC/SPC command layer: pure bytes in, frozen dataclasses out, no I/O.

- :mod:`.command` - the :class:`~app.core.mmc.command.Command` value (CDB + data phase).
- :mod:`.cdb` - CDB builders named after the spec (MMC-6, SPC-4), one function per command.
- :mod:`.sense` - sense data parsing, the ASC/ASCQ table, message + retry verdict.
- :mod:`.profiles` - MMC profiles (Table 89) and feature codes (Table 87).
- parsers: :mod:`.inquiry`, :mod:`.configuration`, :mod:`.capacity`, :mod:`.disc_info`,
  :mod:`.track_info`, :mod:`.toc`, :mod:`.mode_pages`, :mod:`.performance`, :mod:`.events`,
  :mod:`.buffer`.

Section numbers cite MMC-6 (T10/1836-D revision 2g) and SPC-4 (T10/1731-D revision 37).
"""
