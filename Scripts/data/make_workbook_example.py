#!/usr/bin/env python3
"""Writes Data/participants/escp4i-matchmaking-2019-export.xlsx and its mission
Data/workbook/escp4i-matchmaking-2019-workbook.yaml: the CSV participants and
requests of the escp4i mission laid out the way an event platform exports them
(b2match-like headers, full country names, semicolon lists, type labels, one row
per marketplace item: the offer on one row, the request on the next), so that
`make demo` reads a real workbook and the tests can check that the mapped
workbook gives the same recommendations and agenda as the CSV.

Needs openpyxl (`pip install openpyxl`); run from the repository root:

    python3 Scripts/data/make_workbook_example.py
"""
import csv
import datetime
import os

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MISSION = "escp4i-matchmaking-2019"
TYPE_LABELS = {"sme": "SME", "large": "Large company", "research": "R&D institution / University",
               "cluster": "Cluster / Business network", "public": "Public authority",
               "intermediary": "Consultant", "investor": "Investor"}
COUNTRY_NAMES = {"CZ": "Czech Republic", "FR": "France", "DE": "Germany", "ES": "Spain", "IT": "Italy",
                 "PT": "Portugal", "BE": "Belgium", "AT": "Austria", "PL": "Poland", "NL": "Netherlands",
                 "SK": "Slovakia", "HU": "Hungary", "SI": "Slovenia", "DK": "Denmark", "SE": "Sweden",
                 "FI": "Finland", "IE": "Ireland", "GR": "Greece", "RO": "Romania", "BG": "Bulgaria",
                 "HR": "Croatia", "LT": "Lithuania", "LV": "Latvia", "EE": "Estonia", "LU": "Luxembourg"}


def items(cell):
    return [item for item in cell.split("|") if item]


def main():
    with open(os.path.join(ROOT, "Data/participants", MISSION + ".csv"), encoding="utf-8") as handle:
        participants = list(csv.DictReader(handle))
    with open(os.path.join(ROOT, "Data/requests", MISSION + ".csv"), encoding="utf-8") as handle:
        requests = list(csv.DictReader(handle))

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Participants"
    sheet.append(["Participant ID", "Organization name", "Country", "Organization type", "Cluster",
                  "Areas of activities", "Marketplace offer", "Marketplace request", "Keywords (offer)",
                  "Keywords (request)", "Target markets", "Cooperation sought", "Languages", "Contact e-mail",
                  "Contact person", "Website", "Max. meetings", "Min. meetings", "Attendees", "Availability",
                  "Registered on"])
    for number, row in enumerate(participants):
        country = COUNTRY_NAMES.get(row["country"].upper(), row["country"])
        common = [row["id"], row["name"], country, TYPE_LABELS.get(row["type"], row["type"]), row["cluster"],
                  "; ".join(items(row["sectors"]))]
        tail = ["; ".join(items(row["offer_tags"])), "; ".join(items(row["need_tags"])),
                "; ".join(items(row["target_countries"])), "; ".join(items(row["cooperation"])),
                "; ".join(items(row["languages"])), row["email"], row["contact"], row["website"],
                int(row["max_meetings"]) if row["max_meetings"] else None,
                int(row["min_meetings"]) if row["min_meetings"] else None,
                int(row["representatives"]) if row["representatives"] else None,
                "; ".join(items(row["available"])) or None,
                datetime.date(2019, 2, 1) + datetime.timedelta(days=number % 28)]
        # One row per marketplace item, as the platform exports them.
        if row["offers"]:
            sheet.append(common + [row["offers"], None] + tail)
        if row["needs"] or not row["offers"]:
            sheet.append(common + [None, row["needs"]] + tail)
    for cells in sheet.iter_rows(min_row=2, min_col=21, max_col=21):
        for cell in cells:
            cell.number_format = "yyyy-mm-dd"

    meetings = book.create_sheet("Meeting requests")
    meetings.append(["Requester ID", "Requested ID", "Priority", "Comment"])
    for row in requests:
        meetings.append([row["from"], row["to"], {"must": "Must meet", "wish": "Would like", "block": "Do not meet"}[row["priority"]],
                         row["note"] or None])
    book.save(os.path.join(ROOT, "Data/participants", MISSION + "-export.xlsx"))

    with open(os.path.join(ROOT, "Data/missions", MISSION + ".yaml"), encoding="utf-8") as handle:
        mission = handle.read()
    # The same id as the CSV mission: meeting ids derive from it, so both give the same agenda bytes.
    # The file lives in Data/workbook/, outside the missions/ folder `run --data Data` reads.
    mission = mission.replace("participants: ../participants/" + MISSION + ".csv",
                              "participants: ../participants/" + MISSION + "-export.xlsx")
    mission = mission.replace("requests: ../requests/" + MISSION + ".csv",
                              "requests: ../participants/" + MISSION + "-export.xlsx")
    mission = mission.replace("# Generated by Scripts/data/generate_samples.py (edit the MISSIONS table there, then re-run).",
                              "# The same mission read from an event platform's Excel export (Scripts/data/make_workbook_example.py).")
    mission += """
# How the export's columns become MissionMatch's fields (FileFormats.md, "Column mapping").
columns:
  participants:
    sheet: Participants
    group_by: id
    id: Participant ID
    name: Organization name
    country: Country
    type:
      column: Organization type
      values: {"SME": sme, "Large company": large, "R&D institution / University": research,
               "Cluster / Business network": cluster, "Public authority": public, "Consultant": intermediary,
               "Investor": investor}
    cluster: Cluster
    sectors: {column: Areas of activities, separator: ";"}
    offers: Marketplace offer
    needs: Marketplace request
    offer_tags: {column: "Keywords (offer)", separator: ";"}
    need_tags: {column: "Keywords (request)", separator: ";"}
    target_countries: {column: Target markets, separator: ";"}
    cooperation: {column: Cooperation sought, separator: ";"}
    languages: {column: Languages, separator: ";"}
    email: Contact e-mail
    contact: Contact person
    website: Website
    max_meetings: Max. meetings
    min_meetings: Min. meetings
    representatives: Attendees
    available: {column: Availability, separator: ";"}
  requests:
    sheet: Meeting requests
    from: Requester ID
    to: Requested ID
    priority:
      column: Priority
      values: {"Must meet": must, "Would like": wish, "Do not meet": block}
    note: Comment
"""
    with open(os.path.join(ROOT, "Data/workbook", MISSION + "-workbook.yaml"), "w", encoding="utf-8") as handle:
        handle.write(mission)


if __name__ == "__main__":
    main()
