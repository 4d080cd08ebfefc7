"""Where the built LALR parser is cached (see :mod:`reportlint.cache` for the folder's checks).

Lark's ``cache=True`` keeps the built parser in the shared temporary folder under a
name anyone can predict, and *unpickles* it on the next start: a file planted there
by another local user runs code as whoever runs reportlint. So the parser is kept in
reportlint's private cache folder instead, and built from the grammar (about a tenth of
a second) whenever that folder or file is not what it should be.
"""

from __future__ import annotations

import sys

from reportlint import __version__
from reportlint.cache import private_cache_file


def parser_cache_file() -> str | None:
    """The cache file of the report grammar's parser (see :func:`private_cache_file`).

    The name carries the versions that change the pickled parser; Lark itself also
    checks a hash of the grammar and options stored in the file, and rebuilds on change.
    """
    import lark

    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return private_cache_file(f"parser-{__version__}-lark{lark.__version__}-py{python}")
