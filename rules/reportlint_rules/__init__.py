"""reportlint's built-in rule packs, one sub-package per code family.

Each sub-package is a plugin registered under the ``reportlint`` entry-point group
in ``pyproject.toml``, exactly as a third-party pack would be; each rule lives in a
file named by its code. To add a rule: add ``X123.py`` to the family's folder and
two lines to that folder's ``__init__.py`` (the import and the entry in ``rules=``).
"""
