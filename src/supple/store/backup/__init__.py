"""The store's backup format: every record of one person as one validated file, and back.

``schema`` is the file (``ExportFile``: also the snapshot that outward exporters may read),
``formats`` writes it as JSON or CSV and parses either, ``dump`` reads it out of the database and
``load`` writes it into an empty one, all or nothing.
"""

from supple.store.backup.formats import parse, to_csv, to_json
from supple.store.backup.schema import ExportFile

__all__ = ["ExportFile", "parse", "to_csv", "to_json"]
