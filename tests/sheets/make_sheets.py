"""Writes the spreadsheets the import tests read: five councils' house styles, all
fictional, each messy in its own way. Run once with openpyxl (`pip install openpyxl`);
the files are committed, so tests need neither Python nor this script."""

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

WRAP = Alignment(wrap_text=True, vertical="top")


def county_two_row_header():
    """Title banners, a two-row merged header, recommendations merged down their actions,
    spacer rows, multi-line cells, real date cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "SoA"
    ws["A1"] = "Ashcombe County Council: Children's Services Statement of Action"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Version 3, agreed by the improvement board"
    ws.merge_cells("A2:H2")
    ws["A4"] = "Recommendation"
    ws.merge_cells("A4:A5")
    ws["B4"] = "Action"
    ws.merge_cells("B4:E4")
    ws["F4"] = "Monitoring"
    ws.merge_cells("F4:H4")
    for col, text in zip("BCDEFGH", ["No.", "What?", "Who?", "When?", "Success measures", "Evidence", "RAG"]):
        ws[f"{col}5"] = text
        ws[f"{col}5"].font = Font(bold=True)
    rows = [
        ("1. Leaders should know the quality of social work practice.", [
            ("1.1", "Monthly practice audits with\nmoderation by heads of service", "Helen Marsh", dt.date(2027, 1, 31), "Eight in ten audits good or better", "• Audit summary\n• Moderation log", "Amber"),
            ("1.2", "Performance clinic for team managers", "Helen Marsh / Ravi Kapoor", dt.date(2026, 12, 15), "Every team attends monthly", "Clinic notes", "Green"),
            ("1.3", "Quality assurance framework refreshed", "Ravi Kapoor", dt.date(2027, 3, 31), "Framework agreed by the board", "", "Red"),
        ]),
        ("2. Plans for children in need should be specific and reviewed.", [
            ("2.1", "New plan template with outcomes", "Dawn Price", dt.date(2027, 2, 28), "Plans audited as specific", "Template", "G"),
            ("2.2", "Review of all plans older than six months", "Dawn Price", dt.date(2027, 4, 30), "No plan unreviewed after six months", "Tracker", "A"),
        ]),
    ]
    r = 6
    for rec, actions in rows:
        first = r
        ws.cell(r, 1, rec)
        for no, what, who, when, measure, evidence, rag in actions:
            for c, v in enumerate([no, what, who, when, measure, evidence, rag], start=2):
                cell = ws.cell(r, c, v)
                cell.alignment = WRAP
                if isinstance(v, dt.date):
                    cell.number_format = "dd/mm/yyyy"
            r += 1
        ws.merge_cells(start_row=first, start_column=1, end_row=r - 1, end_column=1)
        r += 1  # a spacer row
    wb.save("ashcombe-county-soa.xlsx")


def priority_headings_and_serials():
    """Priority heading rows merged across, "NOS" ids, dates as plain serial numbers, and
    the rows councils get wrong: "Dec 2016", "COMPLETED", no lead."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws.append(["NOS", "Recommendation", "Action required", "Lead officer", "Timescale", "Success measures", "Current status", "RAG"])
    ws.append([])
    ws.append(["Priority 1: Help at the right time"])
    ws.merge_cells("A3:H3")
    serial = lambda d: (d - dt.date(1899, 12, 30)).days
    ws.append(["1.1", "Improve the quality of contacts from partners.", "Partner training on thresholds", "Sam Oduya", serial(dt.date(2026, 10, 31)), "Fewer contacts with no further action", "Training booked for all schools", "G"])
    ws.append(["1.2", None, "Early help step-down protocol", "Sam Oduya", "Dec 2016", "Protocol in use", "Draft written", "A"])
    ws.append([])
    ws.append(["Priority 2: Children in care"])
    ws.merge_cells("A7:H7")
    ws.append(["2.1", "Children in care should have up-to-date health assessments.", "Health assessment tracker", "Lena Fischer", serial(dt.date(2027, 1, 15)), "95% within timescale", "Tracker live", "COMPLETED"])
    ws.append(["2.2", None, "Designated nurse capacity", None, serial(dt.date(2027, 2, 1)), "Post filled", "Interviews held", "R"])
    wb.save("riverside-action-plan.xlsx")


def tracker_second_sheet_numeric_ids():
    """A cover sheet first, the tracker second; ids typed as numbers; themes and
    recommendation numbers in columns; 'ongoing' dates; unknown columns."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Westbury improvement tracker"
    cover["A3"] = "Owner: programme office"
    ws = wb.create_sheet("Tracker")
    ws.append(["Ref no", "Theme", "Rec no.", "Recommendation", "Key actions", "Who?", "When?", "Success criteria", "Budget", "RAG status", "Commentary"])
    ws.append([1.1, "Workforce", 1, "Reduce reliance on agency social workers.", "Recruitment campaign", "Tom Reid", dt.date(2027, 3, 31), "Agency rate below 15%", 25000, "amber", "Second wave under way"])
    ws.append([1.2, "Workforce", 1, None, "Retention payments", "Tom Reid", "ongoing", "Turnover below 12%", 40000, "green", ""])
    ws.append([2.1, "Voice of the child", 2, "Children's views should shape their plans.", "Advocacy offer relaunched", "Priya Shah", dt.date(2027, 1, 31), "Most children seen alone", None, "red", "Provider change delayed"])
    for row in ws.iter_rows(min_row=2, max_row=4, min_col=7, max_col=7):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "d mmm yyyy"
    wb.save("westbury-tracker.xlsx")


def rows_of_words_csv():
    """CSV saved by Excel on Windows: Windows-1252, dates typed three ways, a blank row,
    a quoted multi-line cell."""
    lines = [
        "Ref,Area for improvement,What we will do,Responsible officer,By when,How will we know,RAG rating,Progress update",
        "A1,Management oversight of casework,Supervision audit,Mo Ahmed,31 March 2027,\u201cGood\u201d supervision in 8 of 10 files,A,Audit tool agreed",
        "A2,Management oversight of casework,\"Caseload dashboard\nfor every team\",Mo Ahmed,Mar-27,Caseloads under 20,G,Live in two teams",
        ",,,,,,,",
        "B1,Care leavers,Local offer refreshed (\u00a35k budget),Jess Cole,30/06/2027,Offer published,,",
    ]
    with open("eastholme-plan.csv", "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def plain_single_header():
    """The simplest sheet: one header row, short headers, full RAG words, leads by role."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["ID", "Priority", "Recommendation", "Action", "Lead", "Due date", "Measure of success", "RAG", "Latest note"])
    ws.append(["F1", "Front door", "Screen contacts within a day.", "Duty rota review", "Head of MASH", "31/01/2027", "All contacts screened in 24 hours", "Blue", "Done in October"])
    ws.append(["F2", "Front door", "Screen contacts within a day.", "Out-of-hours link", "Head of MASH", "28/02/2027", "No gaps overnight", "Amber", ""])
    ws.append(["C1", "Care", "Children in care see their social worker.", "Visit tracker", "Care Lead", "31/03/2027", "All visits in time", "Not rated", ""])
    wb.save("lowfield-plan.xlsx")


def recommendations_only_with_a_progress_score():
    """A plan whose only text column is "Recommendation": each row is the recommendation
    and its action. "Responsibility" and "Date" for lead and due, leads named by post, and
    "Assessment of progress (1-4)" with its key in a cell under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Post-inspection plan"
    ws["A1"] = "Northbrook Borough Council: response to the inspection of children's services"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["No.", "Recommendation", "Responsibility", "Date", "Assessment of progress (1-4)"])
    ws.append([1, "Senior leaders should know how well social workers practise, from audit that looks at children's experiences.", "Director of Children's Services", dt.date(2027, 3, 31), 2])
    ws.append([2, "Strategy meetings should include every agency that knows the child.", "Head of Service MASH", dt.date(2027, 1, 31), 1])
    ws.append([3, "Plans for children in need should say what must change, by when.", "Head of Service MASH", dt.date(2027, 4, 30), 3])
    ws.append([4, "Care leavers should have their health histories.", "Kim Okonjo", dt.date(2027, 6, 30), 4])
    for row in ws.iter_rows(min_row=4, max_row=7, min_col=4, max_col=4):
        for cell in row:
            cell.number_format = "dd/mm/yyyy"
    ws.append([])
    ws.append([None, "Key: 1 = fully achieved, 2 = substantially achieved, 3 = partially achieved, 4 = not achieved"])
    wb.save("northbrook-recommendations.xlsx")


def section_rows_in_capitals():
    """Section rows carrying only a number and a title in capitals, merged across and
    bold; "Ref", "Responsible officer", "Target date" and "BRAG" headers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Improvement plan"
    ws.append(["Ref", "Action", "Responsible officer", "Target date", "BRAG", "Evidence"])
    ws.append([1, "THE FRONT DOOR AND MASH"])
    ws.merge_cells("B2:F2")
    ws["B2"].font = Font(bold=True)
    ws.append(["1.1", "Thresholds training for schools and police", "Lee Grant", "30/11/2026", "B", "Attendance log"])
    ws.append(["1.2", "Daily MASH meeting with health present", "Lee Grant", "31/03/2027", "G", ""])
    ws.append([2, "CHILDREN LOOKED AFTER"])
    ws.merge_cells("B5:F5")
    ws["B5"].font = Font(bold=True)
    ws.append(["2.1", "Placement sufficiency strategy", "Ana Sousa", "30/04/2027", "A", "Strategy"])
    ws.append(["2.2", "Health assessments within 20 days", "Ana Sousa", "31/05/2027", "R", "Health tracker"])
    wb.save("southmere-sections.xlsx")


def status_in_the_councils_own_words():
    """A "Status" column of the council's words (Complete, On track, Slipping, Not
    started, Off track) beside a "Progress update" commentary; "Owner" and "By when"."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Area for improvement", "What we will do", "Owner", "By when", "Status", "Progress update"])
    area = "Management oversight"
    ws.append([area, "Supervision policy relaunched", "Ruth Amos", "31/12/2026", "Complete", "Launched at the managers' forum"])
    ws.append([area, "Monthly practice week", "Ruth Amos", "31/03/2027", "On track", "Two weeks held"])
    ws.append([area, "Dip sample of closures", "Ruth Amos", "28/02/2027", "Slipping", "Auditor off sick"])
    ws.append(["Voice of the child", "Mind of my own app for every team", "Ben Hale", "30/06/2027", "Not started", ""])
    ws.append(["Voice of the child", "Advocacy contract renewed", "Ben Hale", "31/01/2027", "Off track", "Provider withdrew"])
    wb.save("eastbrook-status-words.xlsx")


def dates_that_are_not_days():
    """Due dates as plans write them when they have none: TBC, ongoing, a financial
    quarter, "end of March", months alone; leads named by post and by name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Action", "Lead", "Deadline", "RAG"])
    ws.append(["Recruit two advanced practitioners", "Service Manager, Fostering", "TBC", "A"])
    ws.append(["Keep caseloads under review", "Head of Service MASH", "ongoing", "G"])
    ws.append(["New case management system live", "Head of Service MASH", "Q3 2027/28", "A"])
    ws.append(["Foster carer recruitment drive", "Service Manager, Fostering", "end of March", "G"])
    ws.append(["Audit of private fostering notifications", "Meg Ellis", "April 2027", "G"])
    ws.append(["Return home interviews offered within 72 hours", "Meg Ellis", "Dec 2026", "R"])
    ws.append(["Exploitation panel terms of reference", "Meg Ellis", dt.date(2027, 2, 28), "G"])
    ws["C8"].number_format = "dd/mm/yyyy"
    wb.save("hillcrest-dates.xlsx")


def tracker(changed):
    """The adviser's tracker as brought in first and as kept a month later: the later
    copy has a rating, a due date and a title changed, and a new row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Kingsmoor improvement tracker"])
    ws.append(["Action no", "Recommendation", "Action", "Lead officer", "Due date", "RAG", "Latest update"])
    rec1 = "1. Leaders should know the quality of practice."
    rec2 = "2. Children in care should live close to home."
    rows = [
        ["1.1", rec1, "Practice audit programme", "Nia Roberts", dt.date(2027, 1, 31), "Green", "First audits done"],
        ["1.2", None, "Performance clinics for team managers", "Nia Roberts", dt.date(2027, 2, 28), "Green", ""],
        ["2.1", rec2, "Sufficiency strategy", "Omar Haddad", dt.date(2027, 3, 31), "Amber", "Draft with partners"],
        ["2.2", None, "In-house fostering campaign", "Omar Haddad", dt.date(2027, 4, 30), "Red", "Two carers approved"],
    ]
    if changed:
        rows[0][2] = "Practice audit programme with moderation"
        rows[1][5] = "Amber"
        rows[1][6] = "Clinic attendance fell in December"
        rows[2][4] = dt.date(2027, 6, 30)
        rows.append(["2.3", None, "Staying close scheme for care leavers", "Omar Haddad", dt.date(2027, 9, 30), "Green", ""])
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows(min_row=3, min_col=5, max_col=5):
        for cell in cells:
            cell.number_format = "dd/mm/yyyy"
    wb.save("kingsmoor-tracker-march.xlsx" if changed else "kingsmoor-tracker.xlsx")


county_two_row_header()
priority_headings_and_serials()
tracker_second_sheet_numeric_ids()
rows_of_words_csv()
plain_single_header()
recommendations_only_with_a_progress_score()
section_rows_in_capitals()
status_in_the_councils_own_words()
dates_that_are_not_days()
tracker(changed=False)
tracker(changed=True)
