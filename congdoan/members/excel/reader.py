"""Reading an uploaded member workbook with python-calamine, refusing bad files with a clear message.

A bad *file* (not an .xlsx, corrupt, empty, without the expected headers, with formulas or merged cells
in the data, too big) raises ``WorkbookError``; bad *rows* are the validator's business.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .columns import COLUMNS, REQUIRED_HEADERS, header_key

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
MAX_SHEET_XML_BYTES = 400 * 1024 * 1024  # uncompressed: refuses "zip bombs" before calamine expands them
HEADER_SEARCH_ROWS = 10
DATA_SHEET_NAME = "Đoàn viên"


class WorkbookError(ValidationError):
    """The file as a whole cannot be imported."""


@dataclass
class Sheet:
    name: str
    header_row: int  # 1-based Excel row number of the header
    columns: dict[str, int]  # column key -> 0-based index
    width: int  # number of columns in the header row (the user's columns, kept in the error file)
    rows: list[list]  # data rows as calamine returned them (index 0 = Excel row header_row + 1), once read
    head: list[list]  # the rows down to and including the header (titles above it are kept in error files)
    height: int = 0  # data rows down to the last used one, blank ones included (known before they are read)

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_file_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            _(
                "Tệp quá lớn (%(size)s MB). Mỗi lần chỉ nhập tệp đến %(max)s MB "
                "(khoảng %(rows)s dòng); hãy chia thành nhiều tệp."
            )
            % {
                "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                "max": MAX_FILE_BYTES // 1024 // 1024,
                "rows": f"{MAX_ROWS:,}".replace(",", "."),
            }
        )


def open_workbook(path: str | Path) -> tuple[Sheet, Iterator[list]]:
    """Open ``path``: the member sheet's header mapping, and its data rows as they are converted.

    Calamine parses the whole sheet first (in Rust); the rows are then turned into Python values one by one
    as the iterator is read, so checking (and writing) can start on the first rows meanwhile. Each row read
    is kept in ``sheet.rows`` (for the error file). A file-level error found in the rows (a formula
    anywhere, no data row at all) is raised by the iterator at its end, after the last row.
    """
    import python_calamine

    path = Path(path)
    check_file_size(path.stat().st_size)
    sheet_xml = _check_zip(path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors and plain ones for non-zip input
        raise WorkbookError(_corrupt()) from exc
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        name = _pick_sheet(workbook)
        # Look for formulas in a thread while calamine parses (zlib releases the GIL while inflating).
        formulas = pool.submit(_check_formulas, path, sheet_xml.get(name))
        try:
            sheet = workbook.get_sheet_by_name(name)
        except Exception as exc:
            raise WorkbookError(_corrupt()) from exc
        if sheet.total_height > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise WorkbookError(_too_many_rows(sheet.total_height))
        merged = sheet.merged_cell_ranges or []
        rows = _absolute(sheet)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        shaped = _shape(name, head, merged)
        shaped.height = (sheet.end[0] + 1 if sheet.end else 0) - shaped.header_row
        if shaped.height > MAX_ROWS:
            raise WorkbookError(_too_many_rows(shaped.height))
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        workbook.close()  # the sheet's cells are in memory now
    return shaped, _stream(shaped, head[shaped.header_row :], rows, formulas, pool)


def _absolute(sheet) -> Iterator[list]:
    """The sheet's rows from row 1 and column A (calamine starts each row at the first used column)."""
    first_column = sheet.start[1] if sheet.start else 0
    if not first_column:
        return iter(sheet.iter_rows())
    pad = [""] * first_column
    return (pad + row for row in sheet.iter_rows())


def _stream(sheet: Sheet, first: list[list], rest: Iterator[list], formulas, pool) -> Iterator[list]:
    kept = sheet.rows
    try:
        for row in itertools.chain(first, rest):
            kept.append(row)
            yield row
        formulas.result()  # re-raises the WorkbookError naming a formula cell
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    while kept and all(v == "" or v is None for v in kept[-1]):
        kept.pop()
    if not kept:
        raise WorkbookError(
            _("Trang tính “%(s)s” chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.") % {"s": sheet.name}
        )


def _corrupt() -> str:
    return _(
        "Không đọc được tệp: tệp bị hỏng hoặc không phải là tệp Excel .xlsx. "
        "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu “Excel Workbook (*.xlsx)” rồi tải lên lại."
    )


def _too_many_rows(n: int) -> str:
    return _(
        "Trang tính có %(n)s dòng, vượt giới hạn %(max)s dòng mỗi lần nhập; hãy chia thành nhiều tệp."
    ) % {
        "n": f"{n:,}".replace(",", "."),
        "max": f"{MAX_ROWS:,}".replace(",", "."),
    }


def _check_zip(path: Path) -> dict[str, str]:
    """An .xlsx is a zip of XML parts: check it is one, and that no sheet expands to something huge.

    Returns the sheet XML part of each sheet name (used to look for formulas).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookError(_corrupt()) from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise WorkbookError(_corrupt())
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.file_size > MAX_SHEET_XML_BYTES:
            raise WorkbookError(
                _("Trang tính quá lớn để nhập một lần (hơn %(max)s dòng); hãy chia thành nhiều tệp.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
    try:
        return _sheet_parts(path)
    except Exception as exc:  # malformed workbook.xml or relationships
        raise WorkbookError(_corrupt()) from exc


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> its XML part in the zip, from xl/workbook.xml and its relationships."""
    from xml.etree import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314 - small, size-checked part
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in book.iter(f"{main}sheet"):
        target = targets.get(sheet.get(f"{rel_ns}id"), "")
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[sheet.get("name")] = target
    return parts


def _pick_sheet(workbook) -> str:
    """The sheet named "Đoàn viên" if there is one, else the first visible worksheet."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    for meta in workbook.sheets_metadata:
        if meta.name.strip().casefold() == DATA_SHEET_NAME.casefold():
            return meta.name
    for meta in workbook.sheets_metadata:
        if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible:
            return meta.name
    raise WorkbookError(_("Tệp không có trang tính nào để nhập."))


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_CELL_REF = re.compile(rb'<(?:\w+:)?c r="([A-Z]+\d+)"')


def _check_formulas(path: Path, part: str | None) -> None:
    """Refuse formulas in the data sheet: what is imported must be what the officer sees and checks.

    Streams the sheet XML (no parsing): a formula is a ``<f>`` element inside a cell.
    """
    if part is None:
        return
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        decompressor_chunk = 1024 * 1024
        while chunk := stream.read(decompressor_chunk):
            data = tail + chunk
            # A formula element starts "<f" or, with a namespace prefix, "<x:f": two memchr-fast tests
            # let the regular expression skip the chunks (nearly all) that cannot hold one.
            found = (b"<f" in data or b":f" in data) and _FORMULA.search(data)
            if found:
                refs = _CELL_REF.findall(data, 0, found.start())
                cell = refs[-1].decode() if refs else "?"
                raise WorkbookError(
                    _(
                        "Trang tính có ô chứa công thức (ví dụ ô %(cell)s). Hệ thống chỉ nhận giá trị: hãy chọn "
                        "toàn bộ, Sao chép rồi Dán đặc biệt → Giá trị (Paste Special → Values), lưu lại và tải lên."
                    )
                    % {"cell": cell}
                )
            tail = data[-256:]


def _shape(name: str, rows: list[list], merged) -> Sheet:
    if not rows or all(all(v == "" or v is None for v in row) for row in rows[:HEADER_SEARCH_ROWS]):
        raise WorkbookError(_("Trang tính “%(s)s” trống: không có dòng tiêu đề và dữ liệu.") % {"s": name})
    header_index, columns = _find_header(rows)
    if header_index is None:
        raise WorkbookError(
            _(
                "Không tìm thấy dòng tiêu đề ở %(n)s dòng đầu của trang “%(s)s”. "
                "Hãy dùng tệp mẫu: dòng tiêu đề phải có các cột %(cols)s."
            )
            % {"n": HEADER_SEARCH_ROWS, "s": name, "cols": ", ".join(c.header for c in REQUIRED_HEADERS)}
        )
    missing = [c.header for c in REQUIRED_HEADERS if c.key not in columns]
    if missing:
        raise WorkbookError(
            _(
                "Thiếu cột bắt buộc: %(cols)s (dòng tiêu đề là dòng %(row)s). Hãy dùng đúng tên cột như tệp mẫu."
            )
            % {"cols": ", ".join(missing), "row": header_index + 1}
        )
    for (r1, c1), (r2, c2) in merged:
        if r2 > header_index:  # merged cells above the header (a title) are fine
            raise WorkbookError(
                _(
                    "Trang tính có ô gộp (%(range)s) trong vùng dữ liệu. Hãy bỏ gộp ô "
                    "(Merge & Center → Unmerge Cells) và ghi đủ giá trị vào từng dòng."
                )
                % {"range": f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}"}
            )
    header = rows[header_index]
    width = max((i + 1 for i, v in enumerate(header) if v not in ("", None)), default=len(header))
    return Sheet(
        name=name,
        header_row=header_index + 1,
        columns=columns,
        width=width,
        rows=[],
        head=rows[: header_index + 1],
    )


def _find_header(rows: list[list]) -> tuple[int | None, dict[str, int]]:
    best: tuple[int | None, dict[str, int]] = (None, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        duplicates = []
        for position, value in enumerate(row):
            key = header_key(value)
            if key is None:
                continue
            if key in columns:
                duplicates.append(str(value))
            columns[key] = columns.get(key, position)
        if len(columns) >= 3:
            if duplicates:
                raise WorkbookError(
                    _("Cột “%(c)s” xuất hiện hai lần ở dòng tiêu đề %(row)s; hãy giữ một cột.")
                    % {"c": duplicates[0], "row": index + 1}
                )
            return index, columns
        if len(columns) > len(best[1]):
            best = (None, columns)
    return best[0], best[1]


def known_headers() -> list[str]:
    return [c.header for c in COLUMNS]
