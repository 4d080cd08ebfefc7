"""The .docx reader plugin: Word documents become report text with a map back to Word.

This module only recognises a Word document — the ``.docx`` suffix, or any file
whose bytes are a zip holding a Word main document part — and imports python-docx (via
:mod:`reportlint.readers.docx_text`) only when it has one, so that linting .txt files
never pays for it. A Word document without python-docx installed gets a P007
finding naming the extra to install; a damaged one (not a zip, truncated, no main
document part) is unreadable (P002, saying what is wrong); the other files of the run
are checked as usual.
"""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.readers.extracted import ExtractedText
from reportlint.readers.problems import missing_library
from reportlint.readers.text import UndecodableError

DOCX_SUFFIXES = (".docx",)
"""Suffixes this reader claims when a directory is searched."""
_ZIP_MAGIC = b"PK\x03\x04"
_MAIN_PART = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_MAIN_TYPE = b"wordprocessingml.document.main"


def is_docx_zip(data: bytes) -> bool:
    """Whether *data* is a readable zip holding a Word main document part.

    Word and WPS name it ``word/document.xml``; other producers may name it otherwise,
    and then ``[Content_Types].xml`` says which part it is.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if _MAIN_PART in names:
                return True
            return _CONTENT_TYPES in names and _MAIN_TYPE in archive.read(_CONTENT_TYPES)
    except Exception:  # BadZipFile, EOFError, NotImplementedError (a damaged header), zlib.error …
        return False


def why_not_docx(data: bytes) -> str:
    """Why a file named ``.docx`` is not a readable Word document, in Chinese."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "这是旧版 Word（.doc）格式的文件，请另存为 .docx 后再检查"
    if not data.startswith(_ZIP_MAGIC):
        return "文件扩展名为 .docx，但内容不是 Word 文档（缺少 zip 文件头）"
    return "Word 文档已损坏或不完整（zip 结构无法读取，或其中没有 Word 正文部分 word/document.xml）"


@hookimpl
def reportlint_read_source(path: str, data: bytes) -> ExtractedText | None:
    """Read a Word document; pass on anything else."""
    named_docx = path.lower().endswith(DOCX_SUFFIXES)
    if not data.startswith(_ZIP_MAGIC) and not named_docx:
        return None
    if not is_docx_zip(data):
        if named_docx:
            raise UndecodableError(why_not_docx(data))
        return None
    try:
        import docx  # noqa: F401  (only to learn whether it is installed)
    except ImportError:
        raise missing_library(".docx", "python-docx", "docx") from None
    from reportlint.readers.docx_text import extract

    return extract(data)


@hookimpl
def reportlint_source_suffixes() -> list[str]:
    """Claim ``*.docx`` when directories are searched."""
    return list(DOCX_SUFFIXES)
