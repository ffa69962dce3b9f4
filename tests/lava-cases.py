#!/usr/bin/env python3
"""tests/lava-cases.py LOG: LAVA's results, read from lava-run's log.

Each line of the log is a YAML flow mapping (JSON but for the `!` tags
LAVA puts on numbers); results are the ones whose "lvl" is "results".
Prints one line per result: DEFINITION CASE RESULT [MEASUREMENT UNITS],
the measurement as LAVA stored it.
"""
import sys

import yaml

for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if '"lvl": "results"' not in line:
        continue
    msg = yaml.safe_load(line)["msg"]
    row = [msg["definition"], msg["case"], msg["result"]]
    if "measurement" in msg:
        row += [str(msg["measurement"]), msg.get("units", "")]
    print(" ".join(row))
