#!/usr/bin/env python3
"""Writes a CSV file's cells as an .xlsx workbook, the way Excel stores them:
text in the shared-string table, integers as numbers, one sheet.

    python3 Scripts/bench/csv_to_xlsx.py IN.csv OUT.xlsx [SHEET]

Streams the rows (the sheet XML goes straight into the archive); only the
shared strings are held. Used to compare `missionmatch validate` on the same
participants as CSV and as a workbook (Benchmarks/README.md, "workbook ÷ CSV").
"""
import csv
import re
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
INTEGER = re.compile(r"^-?[0-9]{1,9}$")


def letters(column):
    number, text = column + 1, ""
    while number > 0:
        text = chr(65 + (number - 1) % 26) + text
        number = (number - 1) // 26
    return text


def main(source, target, sheet_name="Participants"):
    shared, index = [], {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as book, \
            open(source, encoding="utf-8-sig", newline="") as handle:
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         f'<worksheet xmlns="{MAIN}"><sheetData>').encode())
            for number, row in enumerate(csv.reader(handle), start=1):
                cells = []
                for column, value in enumerate(row):
                    if value == "":
                        continue
                    ref = letters(column) + str(number)
                    if number > 1 and INTEGER.match(value):
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        position = index.get(value)
                        if position is None:
                            position = index[value] = len(shared)
                            shared.append(value)
                        cells.append(f'<c r="{ref}" t="s"><v>{position}</v></c>')
                sheet.write((f'<row r="{number}">' + "".join(cells) + "</row>").encode())
            sheet.write(b"</sheetData></worksheet>")
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write((f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(shared)}" '
                           f'uniqueCount="{len(shared)}">').encode())
            for text in shared:
                strings.write(f'<si><t xml:space="preserve">{escape(text)}</t></si>'.encode())
            strings.write(b"</sst>")
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        book.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                                     f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                                         f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels",
                      f'<?xml version="1.0"?><Relationships xmlns="{PKG}">'
                      f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                      f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
