"""Why a document reader could not read a file, as errors the engine turns into P findings.

Both are :class:`reportlint.readers.text.UndecodableError` subclasses, so a caller that
only knows that error still reports the file instead of crashing; the engine maps each
to its own problem kind (and so its own rule code), because the fixes differ: install an
extra, or export the document again.
"""

from __future__ import annotations

from reportlint.readers.text import UndecodableError


class ReaderUnavailableError(UndecodableError):
    """The file is a document a reader knows, but the library it needs is not installed.

    The message names the extra to install (``pip install 'reportlint[docx]'``).
    """


class DamagedDocumentError(UndecodableError):
    """The file claims to be a document (by suffix or signature) but cannot be opened as one."""
