"""Writes the performance returns the import-readings tests read: three councils' house
styles, all fictional, each laid out as performance teams lay theirs out. The measures
are those of the sample board (Northmoor), named the way returns name them. Run once with
openpyxl (`pip install openpyxl`); the files are committed, so tests need neither Python
nor this script."""

import csv
import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Font

BOLD = Font(bold=True)


def months_across_with_sections():
    """A monthly scorecard: title banners, Ref / Measure / Polarity / Target columns, months
    as real Excel date cells shown "Sep-26", section rows with no figures, percentages kept
    as fractions in cells formatted 0.0%, a blank month, and notes under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Scorecard"
    ws["A1"] = "Northmoor Children's Services: Monthly Performance Scorecard"
    ws["A1"].font = BOLD
    ws["A2"] = "Produced by the Performance and Intelligence Team, December 2026"
    header = ["Ref", "Measure", "Polarity", "Target"]
    months = [dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 1), dt.datetime(2026, 11, 1)]
    for col, text in enumerate(header, start=1):
        ws.cell(row=4, column=col, value=text).font = BOLD
    for i, month in enumerate(months):
        cell = ws.cell(row=4, column=5 + i, value=month)
        cell.number_format = "mmm-yy"
        cell.font = BOLD
    rows = [
        ("", "FRONT DOOR", None, None, None),
        ("1.1", "% contacts with a decision within 1 working day", "High", 0.9, [0.91, 0.92, 0.93]),
        ("1.2", "Re-referrals within twelve months (%)", "Low", 0.2, [0.223, 0.212, 0.205]),
        ("", "ASSESSMENT AND PROTECTION", None, None, None),
        ("2.1", "Assessments completed within 45 working days", "High", 0.85, [0.84, 0.87, None]),
        ("2.2", "ICPCs within 15 working days", "High", 0.85, [0.84, 0.88, 0.9]),
        ("2.3", "CP plans for a second or later time", "Low", 0.2, [0.23, 0.221, 0.218]),
    ]
    r = 5
    for ref, name, polarity, target, values in rows:
        ws.cell(row=r, column=1, value=ref or None)
        ws.cell(row=r, column=2, value=name)
        if values is None:
            ws.cell(row=r, column=2).font = BOLD
        else:
            ws.cell(row=r, column=3, value=polarity)
            ws.cell(row=r, column=4, value=target).number_format = "0.0%"
            for i, value in enumerate(values):
                if value is not None:
                    ws.cell(row=r, column=5 + i, value=value).number_format = "0.0%"
        r += 1
    ws.cell(row=r + 1, column=1, value="Notes: November figures are provisional until the month-end data cleanse.")
    ws.cell(row=r + 2, column=1, value="ICPC: initial child protection conference.")
    wb.save("northmoor-scorecard.xlsx")


def row_per_measure_and_month():
    """A data extract from the performance system: one row per measure and month, period
    as text "2026-11", a unit column, a notes column, no banners."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["KPI", "Period", "Value", "Unit", "Notes"])
    data = [
        ("No. of CLA", "2026-10", 433, "Number", ""),
        ("No. of CLA", "2026-11", 437, "Number", "Two sibling groups"),
        ("Average caseload per social worker", "2026-10", 21, "Number", ""),
        ("Average caseload per social worker", "2026-11", 19.5, "Number", ""),
        ("Agency social workers (%)", "2026-11", 14, "Percent", ""),
        ("CLA reviews within timescale", "2026-11", 97, "Percent", ""),
    ]
    for row in data:
        ws.append(list(row))
    wb.save("eastholme-data-extract.xlsx")


def months_as_text_in_csv():
    """A return saved as CSV: banner lines, an Indicator / Target / Better columns, months as
    text headings ("Oct-26"), a revised October figure, "n/a" for a month not yet
    reported, and a measure the board does not track."""
    rows = [
        ["Westbury Borough Council - Children's Social Care KPI Return", "", "", "", ""],
        ["", "", "", "", ""],
        ["Indicator", "Target", "Better", "Oct-26", "Nov-26"],
        ["Care leavers in suitable accommodation", "90", "Higher", "88", "89"],
        ["Audited files graded good or better", "60", "Higher", "41", "44"],
        ["Children missing from care (episodes)", "", "Lower", "37", "n/a"],
        ["Child protection visits within timescale", "90", "Higher", "91", "92"],
        ["", "", "", "", ""],
        ["Source: LCS extract run 2 December 2026", "", "", "", ""],
    ]
    with open("westbury-return.csv", "w", newline="") as out:
        csv.writer(out).writerows(rows)


months_across_with_sections()
row_per_measure_and_month()
months_as_text_in_csv()
