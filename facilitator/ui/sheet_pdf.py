"""The facilitator's sheet as a printable A4 PDF, built block by block as plain text.

The blocks of core/shown/sheet.py (headings, labelled paragraphs, bullet lists, the
agenda table) go into a QTextDocument through QTextCursor.insertText,
insertList and insertTable: nothing is ever parsed as HTML or Markdown, so
whatever a facilitator typed prints exactly as typed. The PDF is written in
memory by QPdfWriter and saved atomically (a crash never leaves half a file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)

from facilitator import APP_NAME
from facilitator.core.files.jsonio import atomic_write
from facilitator.core.shown.sheet import Block, Bullets, Heading, Paragraph, Table
from facilitator.ui.style import SHEET_BORDER, SHEET_HEADER_SHADE

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

BODY_POINTS = 10.5
HEADING_POINTS = {1: 20.0, 2: 15.0, 3: 12.5, 4: 11.0}
RESOLUTION = 300
LINE_BREAK = "\u2028"
"""A line break inside one paragraph (insertText makes a new block of a plain newline)."""
SMALL_SECTION = 5
"""A plan's item with at most this many blocks (a welcome, a break) never starts a page."""


def sheet_document(blocks: Sequence[Block], *, page_breaks: bool = False) -> QTextDocument:
    """The blocks as a QTextDocument, every text inserted literally.

    With `page_breaks` each larger section (a level-2 heading after the first
    table, i.e. a plan's items after its agenda) starts on a new page.
    """
    document = QTextDocument()
    base = QFont("DejaVu Sans")
    base.setPointSizeF(BODY_POINTS)
    # No "fi" ligatures: searching and copying the PDF's text finds the words as typed.
    base.setFeature(QFont.Tag("liga"), 0)
    document.setDefaultFont(base)
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    seen_table = False
    first = True
    for index, block in enumerate(blocks):
        new_page = (
            page_breaks
            and seen_table
            and isinstance(block, Heading)
            and block.level == 2
            and _section_length(blocks, index, block.level) > SMALL_SECTION
        )
        if isinstance(block, Heading):
            _heading(cursor, block, first=first, new_page=new_page)
        elif isinstance(block, Paragraph):
            _paragraph(cursor, block, first=first)
        elif isinstance(block, Bullets):
            _bullets(cursor, block, first=first)
        else:
            _table(cursor, block, first=first)
            seen_table = True
        first = False
    return document


def _section_length(blocks: Sequence[Block], start: int, level: int) -> int:
    """How many blocks the section opened by the heading of `level` at `start` holds."""
    for offset, block in enumerate(blocks[start + 1 :], start=1):
        if isinstance(block, Heading) and block.level <= level:
            return offset
    return len(blocks) - start


def _new_block(cursor: QTextCursor, block_format: QTextBlockFormat, *, first: bool) -> None:
    if first:
        cursor.setBlockFormat(block_format)
        cursor.setBlockCharFormat(_char())
    else:
        cursor.insertBlock(block_format, _char())  # a list's bullet takes this size


def _char(points: float = BODY_POINTS, *, bold: bool = False) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setFontPointSize(points)
    char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return char


def _heading(cursor: QTextCursor, block: Heading, *, first: bool, new_page: bool) -> None:
    level = min(max(block.level, 1), 4)
    block_format = QTextBlockFormat()
    block_format.setTopMargin(0 if first else {1: 0, 2: 16, 3: 11, 4: 8}[level])
    block_format.setBottomMargin(6 if level <= 2 else 3)
    block_format.setHeadingLevel(level)
    if new_page:
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        block_format.setTopMargin(0)
    _new_block(cursor, block_format, first=first)
    cursor.insertText(_one_line(block.text), _char(HEADING_POINTS[level], bold=True))


def _paragraph(cursor: QTextCursor, block: Paragraph, *, first: bool) -> None:
    block_format = QTextBlockFormat()
    block_format.setBottomMargin(4)
    _new_block(cursor, block_format, first=first)
    if block.label:
        cursor.insertText(f"{block.label}: ", _char(bold=True))
    cursor.insertText(_lines(block.text), _char())


def _bullets(cursor: QTextCursor, block: Bullets, *, first: bool) -> None:
    block_format = QTextBlockFormat()
    block_format.setBottomMargin(3)
    _new_block(cursor, block_format, first=first)
    list_format = QTextListFormat()
    list_format.setStyle(QTextListFormat.Style.ListDisc)
    list_format.setIndent(1)
    bullets = cursor.createList(list_format)
    for number, item in enumerate(block.items):
        if number:
            cursor.insertBlock(block_format, _char())
            bullets.add(cursor.block())
        cursor.insertText(_lines(item), _char())


def _table(cursor: QTextCursor, block: Table, *, first: bool) -> None:
    _new_block(cursor, QTextBlockFormat(), first=first)
    columns = len(block.header)
    table_format = QTextTableFormat()
    table_format.setBorder(0.6)
    table_format.setBorderBrush(SHEET_BORDER)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellPadding(4)
    table_format.setCellSpacing(0)
    table_format.setHeaderRowCount(1)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    if columns >= 3:
        widths = [22.0] + [0.0] * (columns - 2) + [16.0]
        rest = (100 - sum(widths)) / max(1, columns - 2)
        widths = [w or rest for w in widths]
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        )
    table = cursor.insertTable(len(block.rows) + 1, columns, table_format)
    for row, cells in enumerate([block.header, *block.rows]):
        for column in range(columns):
            cell = table.cellAt(row, column)
            if row == 0:
                shade = cell.format()
                shade.setBackground(SHEET_HEADER_SHADE)
                cell.setFormat(shade)
            cell_cursor = cell.firstCursorPosition()
            text = cells[column] if column < len(cells) else ""
            cell_cursor.insertText(_one_line(text), _char(bold=row == 0))
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return LINE_BREAK.join(lines)


def sheet_pdf_bytes(blocks: Sequence[Block], title: str, *, page_breaks: bool = False) -> bytes:
    """The sheet as the bytes of an A4 PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    # Printed unpaginated, Qt lays the text out for the PDF's resolution, keeps a 2 cm
    # margin on every side and numbers the pages.
    sheet_document(blocks, page_breaks=page_breaks).print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def write_sheet_pdf(
    blocks: Sequence[Block], path: Path, title: str, *, page_breaks: bool = False
) -> None:
    """Save the sheet as a PDF at `path` atomically; SaveError says why it could not be."""
    atomic_write(path, sheet_pdf_bytes(blocks, title, page_breaks=page_breaks))
