"""Tell what kind of file a source is from its bytes, and refuse what sip cannot import.

The name only says what the user expects: the bytes decide. An Office file is a zip package
whose ``[Content_Types].xml`` names its main part; an old Office file or an encrypted new one
is an OLE compound file, told apart by the streams its directory lists. Every refusal is a
`SipError` naming the file, what it is, and what to do in Word or Excel.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import PurePath

from docx.oxml import parse_xml

from sipcli.errors import SipError
from sipcli.load.limits import DEFAULT_MAX_BYTES

#: A Word or Excel package may be this many times the plan size limit, packed or unpacked:
#: markup wraps every word and pictures weigh a lot, but a zip bomb inflates far further.
ZIP_FACTOR = 50

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_WORD_NAMES = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot"})
_EXCEL_NAMES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb"})
_TEXT_NAMES = frozenset({".csv", ".txt", ".tsv"})

_MAIN = "application/vnd.openxmlformats-officedocument."
#: The main part's content type of each package sip reads, or the refusal for one it does not.
_CONTENT_TYPES: dict[str, str] = {
    _MAIN + "wordprocessingml.document.main+xml": "docx",
    _MAIN + "spreadsheetml.sheet.main+xml": "xlsx",
}
_MACROS = (
    "holds macros; sip does not read macro-enabled files. Open it in {app}, save it as "
    "{plain}, and import that file."
)
_SAVE_AS = "Open it in {app}, save it as {plain}, and import that file."
_WORD_SAVE = _SAVE_AS.format(app="Word", plain="a Word Document (.docx)")
_EXCEL_SAVE = _SAVE_AS.format(app="Excel", plain="an Excel Workbook (.xlsx)")
#: Packages sip does not read, by their main part's content type (macro-enabled ones are
#: refused apart, wherever their macros are).
_REFUSED_TYPES: dict[str, str] = {
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": (
        f"is an Excel binary workbook (.xlsb). {_EXCEL_SAVE}"
    ),
    _MAIN + "wordprocessingml.template.main+xml": f"is a Word template (.dotx). {_WORD_SAVE}",
    _MAIN + "spreadsheetml.template.main+xml": f"is an Excel template (.xltx). {_EXCEL_SAVE}",
    _MAIN + "presentationml.presentation.main+xml": (
        "is a PowerPoint presentation; sip imports Word documents (.docx) and goal sheets "
        "(.xlsx, .csv)."
    ),
}
_WHAT = {"docx": "a Word document", "xlsx": "an Excel workbook", "csv": "a CSV file"}
_SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "csv": ".csv"}


def kind_of(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """What ``data`` (the file ``name``) is: ``"docx"``, ``"xlsx"`` or ``"csv"``.

    ``max_bytes`` is the plan size limit (``--max-file-size``): a CSV file may be that big, a
    Word or Excel package `ZIP_FACTOR` times that, packed and unpacked.

    Raises:
        SipError: for an empty, oversized, encrypted, macro-enabled, old binary, PDF, damaged
            or mislabelled file, saying what to do about it.
    """
    if not data:
        raise SipError(
            f"{name} is empty: there is nothing to import. Check that this is the right file."
        )
    suffix = PurePath(name).suffix.lower()
    if data.startswith(_OLE_MAGIC):
        raise SipError(f"{name} {_ole_refusal(data, suffix)}")
    if b"%PDF-" in data[:1024]:
        raise SipError(
            f"{name} is a PDF; sip cannot read PDF plans. Import the original Word document, "
            "or open the PDF in Word (which converts it), save it as a Word Document (.docx), "
            "and import that file."
        )
    if data.startswith(_ZIP_MAGIC):
        kind = _package_kind(data, name, max_bytes)
    else:
        kind = _text_kind(data, name, suffix, max_bytes)
    _check_name(kind, name, suffix)
    return kind


def _check_name(kind: str, name: str, suffix: str) -> None:
    """Refuse a file whose name says it is another kind than its bytes show."""
    says = "docx" if suffix in _WORD_NAMES else "xlsx" if suffix in _EXCEL_NAMES else None
    if says is None and suffix in _TEXT_NAMES:
        says = "csv"
    if says is not None and says != kind:
        raise SipError(
            f"{name} is {_WHAT[kind]}, though its name ends in {suffix}. Rename it to end in "
            f"{_SUFFIX[kind]} if that is the file you meant, and import it again."
        )


def _ole_refusal(data: bytes, suffix: str) -> str:
    """Why an OLE compound file (old Office, or new Office with a password) is refused."""
    streams = ole_stream_names(data)
    if "EncryptedPackage" in streams:
        app = "Excel" if suffix in _EXCEL_NAMES else "Word"
        where = (
            "File > Info > Protect Workbook" if app == "Excel" else "File > Info > Protect Document"
        )
        return (
            f"is protected with a password, so sip cannot read it. Open it in {app}, remove the "
            f"password ({where} > Encrypt with Password, then clear it), save, and import again."
        )
    if {"Workbook", "Book"} & streams or (
        not streams & {"WordDocument"} and suffix in _EXCEL_NAMES
    ):
        return (
            "is an old Excel 97-2003 workbook (.xls), which sip cannot read. Open it in Excel, "
            "save it as an Excel Workbook (.xlsx), and import that file."
        )
    return (
        "is an old Word 97-2003 document (.doc), which sip cannot read. Open it in Word, save "
        "it as a Word Document (.docx), and import that file."
    )


def ole_stream_names(data: bytes) -> set[str]:
    """The names in an OLE compound file's directory; empty when the directory cannot be read.

    Only what telling Office files apart needs: the header, the allocation table sectors it
    lists itself (the first 109, several megabytes of file), and the directory's chain.
    """
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        size = 1 << shift
        if size not in {512, 4096}:
            return set()
        fat_count, first = (
            struct.unpack_from("<II", data, 0x2C)[0],
            struct.unpack_from("<I", data, 0x30)[0],
        )
        fat_sectors = struct.unpack_from("<109I", data, 0x4C)[: min(fat_count, 109)]
        fat: list[int] = []
        for sector in fat_sectors:
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, (sector + 1) * size))
        return _directory_names(data, size, first, fat)
    except struct.error:
        return set()


def _directory_names(data: bytes, size: int, first: int, fat: list[int]) -> set[str]:
    names: set[str] = set()
    sector, seen = first, 0
    # A damaged chain can loop: never walk more sectors than the file has.
    while sector < len(fat) and seen <= len(data) // size:
        offset = (sector + 1) * size
        for entry in range(offset, min(offset + size, len(data)) - 127, 128):
            length = struct.unpack_from("<H", data, entry + 64)[0]
            if 2 <= length <= 64 and data[entry + 66] in {1, 2, 5}:
                names.add(data[entry : entry + length - 2].decode("utf-16-le", "replace"))
        sector, seen = fat[sector], seen + 1
    return names


def _damaged(name: str) -> SipError:
    return SipError(
        f"{name} is damaged or is not a Word or Excel file: sip could not open it as one. Open "
        "it in Word or Excel; if it opens, save it again (as .docx or .xlsx) and import that file."
    )


def _package_kind(data: bytes, name: str, max_bytes: int) -> str:
    """The kind of an Office package (a zip), or the refusal of one sip does not read."""
    limit = ZIP_FACTOR * max_bytes
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if sum(member.file_size for member in members) > limit:
                raise _too_large(name, None, limit)
            names = {member.filename for member in members}
            types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else None
            mimetype = package.read("mimetype")[:100] if "mimetype" in names else b""
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        zlib.error,
        NotImplementedError,
    ) as error:
        raise _damaged(name) from error
    if b"opendocument" in mimetype:
        raise SipError(
            f"{name} is an OpenDocument file (from LibreOffice or Google Docs). Save it as a "
            "Word Document (.docx) or Excel Workbook (.xlsx), and import that file."
        )
    if types is None:
        raise _damaged(name)
    return _main_kind(types, names, name)


def _main_kind(types: bytes, names: set[str], name: str) -> str:
    """The kind named by a package's content types; macros refused wherever they are."""
    try:
        root = parse_xml(types)
    except Exception as error:  # lxml's XMLSyntaxError and its kin: the package is damaged.
        raise _damaged(name) from error
    found = {
        element.get("ContentType", "") for element in root.iter() if isinstance(element.tag, str)
    }
    for content_type, refusal in _REFUSED_TYPES.items():
        if content_type in found:
            raise SipError(f"{name} {refusal}")
    macros = any(part.lower().endswith("vbaproject.bin") for part in names)
    if macros or any("macroEnabled" in found_type for found_type in found):
        excel = any(part.startswith("xl/") for part in names)
        app = "Excel" if excel else "Word"
        plain = "an Excel Workbook (.xlsx)" if excel else "a Word Document (.docx)"
        raise SipError(f"{name} " + _MACROS.format(app=app, plain=plain))
    for content_type, kind in _CONTENT_TYPES.items():
        if content_type in found:
            return kind
    raise _damaged(name)


def _text_kind(data: bytes, name: str, suffix: str, max_bytes: int) -> str:
    """``"csv"`` for text a CSV reader can take, or the refusal of what is not text."""
    if suffix in _WORD_NAMES | _EXCEL_NAMES:
        if data.lstrip().startswith(b"{\\rtf"):
            raise SipError(
                f"{name} is a Rich Text (RTF) file, though its name ends in {suffix}. Open it "
                "in Word, save it as a Word Document (.docx), and import that file."
            )
        raise _damaged(name)
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    # UTF-16 text (Excel's "Unicode text") starts with a byte order mark and is full of NULs.
    if b"\0" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SipError(
            f"{name} is not a text file: it holds binary data, so it cannot be a CSV file. "
            "In Excel, use File > Save As > CSV UTF-8, and import that file."
        )
    # A name with no suffix (standard input) is taken at its word: text is read as CSV.
    if suffix and suffix not in _TEXT_NAMES:
        raise SipError(
            f"{name} is not a file sip imports: sip reads Word documents (.docx) and goal "
            "sheets (.xlsx, .csv). Rename it to end in .csv if it is a CSV file."
        )
    return "csv"


def _too_large(name: str, size: int | None, limit: int) -> SipError:
    how_big = f"is {size:,} bytes, over" if size is not None else "unpacks to over"
    return SipError(
        f"{name} {how_big} the limit of {limit:,} bytes for importing. Check that this is the "
        "right file, or raise the limit with --max-file-size."
    )
