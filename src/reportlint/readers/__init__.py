"""Readers: a file's bytes become report text the grammar parses.

Each reader is a plugin on the ``reportlint_read_source`` hook; the plain-text
reader (:mod:`reportlint.readers.text`) runs last and takes any file no other
reader claimed.
"""
