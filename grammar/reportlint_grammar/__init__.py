"""The Lark grammars of reportlint, shipped as package data.

They live in their own package so that ``Lark.open_from_package`` finds them the
same way in a wheel and in an editable install.
"""
