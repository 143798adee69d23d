"""Word and PDF minutes made from tab-separated text, laid out as the originals were:
header lines as paragraphs, the attendance and agenda as tables of up to three columns."""

from __future__ import annotations

from pathlib import Path


def table_runs(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The lines grouped: ("table", rows) for consecutive lines with cells, ("text", [line]) otherwise."""
    runs: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = "table" if "\t" in line else "text"
        if kind == "table" and runs and runs[-1][0] == "table":
            runs[-1][1].append(line)
        else:
            runs.append((kind, [line]))
    return runs


def write_docx(lines: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, rows in table_runs(lines):
        if kind == "text":
            document.add_paragraph(rows[0])
            continue
        cells = [row.split("\t") for row in rows]
        table = document.add_table(rows=0, cols=max(len(c) for c in cells))
        for row in cells:
            added = table.add_row()
            for column, text in enumerate(row):
                added.cells[column].text = text
    document.save(str(path))
    return path


# Where each column starts and how wide it is, in mm: the attendance table has a long
# third column (the capacity), the agenda a narrow one (ACTION).
ATTENDANCE = ((10, 25), (35, 45), (80, 115))
AGENDA = ((10, 15), (25, 150), (178, 22))


def write_pdf(lines: list[str], path: Path) -> Path:
    """Each line a row at the columns' positions; a row that would not fit starts a new page,
    as it would in a table that does not split rows."""
    from fpdf import FPDF
    from fpdf.enums import MethodReturnValue

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # the minutes' dashes, quotes and £ signs
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    height, bottom_margin = 4.5, 282

    def laid_out(line: str):
        cells = line.split("\t")
        if len(cells) == 1:
            return [((10, 190), line.strip())]
        columns = ATTENDANCE if len(cells) == 3 and len(cells[2].strip()) > 12 else AGENDA
        return [(column, text.strip()) for column, text in zip(columns, cells, strict=False) if text.strip()]

    for line in lines:
        if not line.strip():
            pdf.ln(height)
            continue
        cells = laid_out(line)
        needed = max(
            pdf.multi_cell(w, height, text, dry_run=True, output=MethodReturnValue.HEIGHT) for (_, w), text in cells
        )
        if pdf.get_y() + needed > bottom_margin:
            pdf.add_page()
        top = pdf.get_y()
        for (x, width), text in cells:
            pdf.set_xy(x, top)
            pdf.multi_cell(width, height, text)
        pdf.set_y(top + needed)
    pdf.output(str(path))
    return path
