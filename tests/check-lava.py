#!/usr/bin/env python3
"""An imported results directory, proven against what LAVA was given.

    tests/check-lava.py NAME DIR TRUTH [KEY=VALUE...]
    tests/check-lava.py NAME DIR --expected EXPECTED.csv

TRUTH is tests/lava-synth.py's: each cell's samples (null for n/a), the
board, unit, kernel, CPU, job id, whether the input carried summary rows
("full") and which row was cut. Each statistic is recomputed here from
the samples (tests/samplestats.py), never taken from the importer:

  summary   every measured cell once: with summary rows, every statistic;
            the cut row's cell and CSV/YAML cells: the median, the rest
            empty and noted "median only"; n/a cells n/a where the summary
            said so, absent where LAVA alone could not know them
  meta      board, cpu_name, kernel, unit, source lava, the job's id, a
            log's device name (and each KEY=VALUE the command line set)

With --expected (a real job's import): every cell of the expected counts (scripts/stub-registry expected)
is measured, its median (and min, when the log carried it) the count.

Prints "ok NAME_check" or "FAIL NAME_check: evidence" lines.
"""
import csv
import json
import os
import sys

from samplestats import stats

STATS = ("n", "min", "p1", "median", "mean", "p90", "p99", "max", "stddev", "mad")
failures = 0


def report(name, ok, evidence=""):
    global failures
    failures += not ok
    print("ok %s" % name if ok else "FAIL %s: %s" % (name, evidence[:400]))


def near(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def expected(name, d, path):
    rows = {(r["stub"], r["op"]): r for r in csv.DictReader(open(os.path.join(d, "summary.csv")))}
    bad, n = [], 0
    for line in open(path):
        if line.startswith("#") or line.startswith("stub,"):
            continue
        stub, op, count = line.strip().split(",")
        n += 1
        r = rows.get((stub, op))
        if not r or r["status"] != "ok":
            bad.append("%s/%s not measured (%s)" % (stub, op, r and r["status"]))
        elif float(r["median"]) != float(count) or (r["min"] != "" and float(r["min"]) != float(count)):
            bad.append("%s/%s median %s min %s, want %s" % (stub, op, r["median"], r["min"], count))
    report("%s_every_expected_cell_exact" % name, n and not bad, "; ".join(bad) or "no cells")
    meta = json.load(open(os.path.join(d, "meta.json")))
    report("%s_unit_insn" % name, meta.get("unit") == "insn", str(meta))
    sys.exit(1 if failures else 0)


def main():
    if sys.argv[3] == "--expected":
        return expected(sys.argv[1], sys.argv[2], sys.argv[4])
    name, d, truth = sys.argv[1:4]
    t = json.load(open(truth))
    rows = list(csv.DictReader(open(os.path.join(d, "summary.csv"))))
    got = {}
    bad = []
    for r in rows:
        key = "%s/%s" % (r["stub"], r["op"])
        if key in got:
            bad.append(key + " twice")
        got[key] = r
        if r["unit"] != t["unit"]:
            bad.append("%s unit %s" % (key, r["unit"]))
    for key, xs in t["cells"].items():
        r = got.pop(key, None)
        if xs is None:
            if t["full"] and (not r or r["status"] != "n/a"):
                bad.append("%s: n/a in the summary rows, here %s" % (key, r and r["status"]))
            elif not t["full"] and r:
                bad.append("%s: n/a, which LAVA cannot tell, imported as %s" % (key, r["status"]))
            continue
        want = stats(xs)
        if not r or r["status"] != "ok":
            bad.append("%s: measured, here %s" % (key, r and r["status"]))
            continue
        if not near(float(r["median"]), want["median"]):
            bad.append("%s median %s, want %r" % (key, r["median"], want["median"]))
        if t["full"] and key != t["cut"]:
            for k in STATS:
                if r[k] == "" or not near(float(r[k]), want[k]):
                    bad.append("%s %s=%s, want %r" % (key, k, r[k], want[k]))
        else:
            filled = [k for k in STATS if k != "median" and r[k] != ""]
            if filled or r["note"] != "median only":
                bad.append("%s: median only, yet %s (note %r)" % (key, filled, r["note"]))
    bad += ["%s imported, never measured" % k for k in got]
    report(name + "_summary_recomputed", not bad, "; ".join(bad))

    meta = json.load(open(os.path.join(d, "meta.json")))
    want = {"unit": t["unit"], "source": "lava" if t["format"] != "console" else "hvcbench-lava by hand",
            "lava_format": t["format"]}
    if t["full"]:
        want.update(board=t["board"], cpu_name=t["cpu"], kernel=t["kernel"])
    if t["job"]:
        want["lava_job"] = t["job"]
    if t["format"] == "log":        # the log's environment names the device
        want["lava_device"] = "qemu-" + t["board"].replace(",", "-")
    for k in sys.argv[4:]:          # KEY=VALUE the command line gave
        want.update([k.split("=", 1)])
    bad = ["%s=%r, want %r" % (k, meta.get(k), v) for k, v in want.items() if meta.get(k) != v]
    report(name + "_meta", not bad, "; ".join(bad))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
