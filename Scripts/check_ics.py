#!/usr/bin/env python3
"""Checks MissionMatch calendars with an independent RFC 5545 parser (icalendar).

Usage:
    check_ics.py --expect EXPECT.json [--compare OTHER_DIR] CALENDAR_DIR
    check_ics.py --probe      # installs icalendar if needed; exit 0 when usable, 77 if not

EXPECT.json (written by the Swift test from the agenda, not from the .ics):
    {"zone": "America/Toronto",
     "files": {"eu-01.ics": [{"uid": "m-…@missionmatch", "start": "2019-11-01T09:00",
                              "end": "2019-11-01T09:20", "status": "CONFIRMED"}, …]}}

Checks, for every file: it parses; lines end in CRLF and are at most 75
octets; the VTIMEZONE is for the mission's zone and its own offsets (not the
parser's tz database) agree with the zone's at every event; every event's
DTSTART/DTEND, seen in the mission's zone, is the expected local time; UIDs,
statuses and the set of files are as expected; with --compare, the other run's
files have the same UIDs. Installs icalendar with pip when it is missing.

Exit codes: 0 all good, 1 a check failed, 2 usage, 77 icalendar is missing and
pip cannot install it (the calling test reports itself skipped).
"""
import argparse
import json
import os
import subprocess
import sys
from datetime import datetime


def load_icalendar():
    try:
        import icalendar  # noqa: F401
    except ImportError:
        print("icalendar missing: installing it with pip", file=sys.stderr)
        result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "icalendar"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            print("SKIP: icalendar is not installed and pip could not install it:\n" + result.stderr[-800:],
                  file=sys.stderr)
            sys.exit(77)
    import icalendar
    return icalendar


def raw_line_errors(name, data):
    errors = []
    if not data.endswith(b"\r\n"):
        errors.append(f"{name}: does not end in CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            errors.append(f"{name}:{number}: bare LF or CR")
        if len(line) > 75:
            errors.append(f"{name}:{number}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(f"{name}:{number}: a fold splits a UTF-8 sequence")
    return errors


def local_text(value, zone):
    return value.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def check_file(icalendar, name, data, expected, zone_name):
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zone_name)
    errors = raw_line_errors(name, data)
    calendar = icalendar.Calendar.from_ical(data)
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        errors.append(f"{name}: VERSION 2.0 and PRODID required")
    timezones = calendar.walk("VTIMEZONE")
    if len(timezones) != 1 or str(timezones[0].get("TZID")) != zone_name:
        errors.append(f"{name}: expected one VTIMEZONE with TZID {zone_name}")
        return errors, []
    try:  # built from the file's STANDARD/DAYLIGHT parts only, not looked up by TZID
        own_zone = timezones[0].to_tz(lookup_tzid=False)
    except TypeError:  # icalendar before 6 has no lookup_tzid and always builds from the parts
        own_zone = timezones[0].to_tz()
    events = calendar.walk("VEVENT")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids):
        errors.append(f"{name}: repeated UID")
    by_uid = {str(event.get("UID")): event for event in events}
    if sorted(by_uid) != sorted(item["uid"] for item in expected):
        errors.append(f"{name}: UIDs {sorted(by_uid)} expected {sorted(item['uid'] for item in expected)}")
    for item in expected:
        event = by_uid.get(item["uid"])
        if event is None:
            continue
        for key in ("start", "end"):
            prop = event.get("DTSTART" if key == "start" else "DTEND")
            if prop is None:
                errors.append(f"{name}: {item['uid']} has no {key}")
                continue
            if prop.params.get("TZID") != zone_name:
                errors.append(f"{name}: {item['uid']} {key} TZID is {prop.params.get('TZID')}")
            value = prop.dt
            if not isinstance(value, datetime) or value.tzinfo is None:
                errors.append(f"{name}: {item['uid']} {key} is not a zoned date-time")
                continue
            if local_text(value, zone) != item[key]:
                errors.append(f"{name}: {item['uid']} {key} {local_text(value, zone)} expected {item[key]}")
            naive = value.replace(tzinfo=None)
            own_offset = naive.replace(tzinfo=own_zone).utcoffset()
            real_offset = naive.replace(tzinfo=zone).utcoffset()
            if own_offset != real_offset:
                errors.append(f"{name}: {item['uid']} {key}: VTIMEZONE gives {own_offset}, {zone_name} is {real_offset}")
        status = str(event.get("STATUS"))
        if status != item["status"]:
            errors.append(f"{name}: {item['uid']} STATUS {status} expected {item['status']}")
        for required in ("DTSTAMP", "SUMMARY", "SEQUENCE"):
            if event.get(required) is None:
                errors.append(f"{name}: {item['uid']} has no {required}")
    return errors, uids


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", action="store_true")
    parser.add_argument("--expect")
    parser.add_argument("--compare")
    parser.add_argument("folder", nargs="?")
    args = parser.parse_args()
    icalendar = load_icalendar()
    if args.probe:
        print(f"icalendar {icalendar.__version__}")
        sys.exit(0)
    if not args.expect or not args.folder:
        parser.error("--expect and a calendar folder are required")
    with open(args.expect, encoding="utf-8") as handle:
        expectation = json.load(handle)
    zone_name = expectation["zone"]
    files = sorted(name for name in os.listdir(args.folder) if name.endswith(".ics"))
    errors = []
    if files != sorted(expectation["files"]):
        errors.append(f"files {files} expected {sorted(expectation['files'])}")
    events = 0
    uids_by_file = {}
    for name in files:
        with open(os.path.join(args.folder, name), "rb") as handle:
            data = handle.read()
        file_errors, uids = check_file(icalendar, name, data, expectation["files"].get(name, []), zone_name)
        errors += file_errors
        uids_by_file[name] = uids
        events += len(uids)
    if args.compare:
        other = sorted(name for name in os.listdir(args.compare) if name.endswith(".ics"))
        if other != files:
            errors.append(f"second run has files {other}")
        for name in other:
            with open(os.path.join(args.compare, name), "rb") as handle:
                calendar = icalendar.Calendar.from_ical(handle.read())
            uids = [str(event.get("UID")) for event in calendar.walk("VEVENT")]
            if uids != uids_by_file.get(name):
                errors.append(f"{name}: UIDs differ between runs")
    for error in errors:
        print("FAIL: " + error)
    print(f"checked {len(files)} calendars, {events} events with icalendar {icalendar.__version__}: "
          + ("ok" if not errors else f"{len(errors)} problem(s)"))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
