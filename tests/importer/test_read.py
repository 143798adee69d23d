"""Read brings text, Word and PDF minutes to one shape: a line per paragraph or table row, cells tab-separated."""

from pathlib import Path

import docx
import pytest

from minutebook.importer.read import CannotRead, docx_lines, pdf_lines, read_lines, text_lines
from tests.importer.documents import write_docx, write_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
ATTENDANCE = [
    "\tName:\tCapacity:",
    "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)",
    "\tTracey Onslow\tDeputy Police and Crime Commissioner (DPCC)",
]


# ---------------------------------------------------------------- plain text


def test_text_is_read_line_by_line_with_its_tabs():
    assert text_lines("1.\tOutstanding Matters / Matters arising\t\r\n\tThere were none.\t") == [
        "1.\tOutstanding Matters / Matters arising\t",
        "\tThere were none.\t",
    ]


def test_a_text_file_that_is_not_utf8_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("£30k".encode("cp1252"))
    with pytest.raises(CannotRead, match="is not UTF-8 text"):
        read_lines(path)


# ---------------------------------------------------------------- Word


def test_word_paragraphs_and_tables_come_in_document_order():
    document = docx.Document()
    document.add_paragraph("- Venue West Mercia Police HQ")
    table = document.add_table(rows=0, cols=3)
    for line in ATTENDANCE:
        cells = table.add_row().cells
        for cell, text in zip(cells, line.split("\t"), strict=True):
            cell.text = text
    document.add_paragraph("No.\tItem\t")
    assert docx_lines(document) == ["- Venue West Mercia Police HQ", *ATTENDANCE, "", "No.\tItem\t"]


def test_a_merged_word_cell_is_read_once():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    first, second, third = table.rows[0].cells
    first.merge(second).text = "Apologies:"
    third.text = "Amanda Blakeman Deputy Chief Constable (DCC)"
    assert docx_lines(document)[0] == "Apologies:\tAmanda Blakeman Deputy Chief Constable (DCC)"


def test_a_word_cell_of_several_paragraphs_keeps_them_in_its_column():
    document = docx.Document()
    number, text = document.add_table(rows=1, cols=2).rows[0].cells
    number.text = "3."
    text.text = "AOB"
    text.add_paragraph("N/A.")
    assert docx_lines(document)[:2] == ["3.\tAOB", "\tN/A."]


# ---------------------------------------------------------------- PDF


def test_pdf_columns_set_apart_by_spaces_become_cells():
    layout = (
        "Attendance:          John Campion                 Police and Crime Commissioner (PCC)\n"
        "                     Tracey Onslow                Deputy Police and Crime Commissioner (DPCC)"
    )
    assert pdf_lines([layout]) == [
        "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)",
        "\tTracey Onslow\tDeputy Police and Crime Commissioner (DPCC)",
    ]


def test_a_pdf_line_the_page_wrapped_is_rejoined_to_its_paragraph():
    layout = (
        "2.          Holding to account – Force Operations\n"
        "            The CC had provided the PCC with a briefing document on Force Operations (Operations) "
        "prior to the\n"
        "            meeting and this formed the basis of the CC's presentation at the meeting.\n"
        "            As background, the CC explained that the Operations department comprises of a number of different"
    )
    assert pdf_lines([layout])[1] == (
        "\tThe CC had provided the PCC with a briefing document on Force Operations (Operations) prior to the "
        "meeting and this formed the basis of the CC's presentation at the meeting."
    )


def test_a_short_pdf_line_ends_its_paragraph():
    layout = (
        "            The CC had provided the PCC with a briefing document on Force Operations (Operations) "
        "prior to the\n"
        "            meeting and this formed the basis of the CC's presentation at the meeting.\n"
        "            As background, the CC explained that the Operations department comprises of a number of different"
    )
    assert len(pdf_lines([layout])) == 2


def test_a_word_hyphenated_at_a_pdf_line_end_is_rejoined_as_the_document_writes_it():
    layout = (
        "            There has been a reorganisation of the communications team which will mean there will be a "
        "reorgan-\n"
        "            isation of the communications team which will mean there will be dedicated locally based officers"
    )
    assert (
        "a reorganisation of the communications team which will mean there will be dedicated" in pdf_lines([layout])[0]
    )


def test_a_pdf_made_from_minutes_reads_back_as_its_lines(tmp_path):
    lines = (FIXTURES / "2021-12-20-extract.txt").read_text(encoding="utf-8").split("\n")
    read = read_lines(write_pdf(lines, tmp_path / "minutes.pdf"))
    assert [line.strip("\t") for line in read if line.strip()] == [line.strip("\t") for line in lines if line.strip()]


def test_a_word_file_made_from_minutes_reads_back_as_its_lines(tmp_path):
    lines = (FIXTURES / "2021-12-20-extract.txt").read_text(encoding="utf-8").split("\n")
    read = read_lines(write_docx(lines, tmp_path / "minutes.docx"))
    assert [line.strip("\t") for line in read if line.strip()] == [line.strip("\t") for line in lines if line.strip()]


# ---------------------------------------------------------------- refusals


def test_an_unknown_extension_is_refused_naming_the_formats(tmp_path):
    path = tmp_path / "minutes.rtf"
    path.write_text("{\\rtf1}", encoding="utf-8")
    with pytest.raises(CannotRead, match=r"cannot import '\.rtf' files; give a \.txt, \.docx or \.pdf file"):
        read_lines(path)


def test_an_old_word_file_is_refused_with_how_to_convert_it(tmp_path):
    path = tmp_path / "minutes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(CannotRead, match=r"save it from Word as \.docx"):
        read_lines(path)


def test_a_damaged_pdf_is_refused_not_crashed_on(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(CannotRead, match="cannot be read as a .pdf file"):
        read_lines(path)
