#!/usr/bin/env python3
"""Fails when WCXB word F1 (overall or of a page type) drops below its floor.

usage: check-wcxb-floors.py SUMMARY.json FLOORS   (SUMMARY from score.py --json; FLOORS is
.ci/quality-floors, whose `wcxb` and `wcxb-<type>` lines give the floors)
"""
import json
import sys

summary = json.load(open(sys.argv[1], encoding="utf-8"))["wcxb"]
floors = {}
for line in open(sys.argv[2], encoding="utf-8"):
    fields = line.split()
    if len(fields) >= 2 and (fields[0] == "wcxb" or fields[0].startswith("wcxb-")):
        floors[fields[0]] = float(fields[1])
if "wcxb" not in floors:
    sys.exit("no wcxb floor in " + sys.argv[2])
failed = False
for key, floor in sorted(floors.items()):
    if key == "wcxb":
        value = summary["word_f1"]
    else:
        value = summary["by_type"][key.removeprefix("wcxb-")]["word_f1"]
    ok = value >= floor
    failed |= not ok
    print(f"{key:<20} word F1 {value:.3f}  floor {floor:.3f}  {'ok' if ok else 'BELOW'}")
sys.exit(1 if failed else 0)
