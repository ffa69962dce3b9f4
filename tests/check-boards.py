#!/usr/bin/env python3
"""Several boards' outputs, proven against each board's own samples.

    tests/check-boards.py NAME --names A,B,C --dirs D1,D2,D3
                          [--compare FILE] [--csv FILE] [--letter FILE]
                          [--merged DIR --stub STUB]

Each board's statistics are computed here from its samples.csv (n/a cells
from its summary.csv), independently of the C code. Then:

  --compare   `hvcbench compare D1 D2 D3`: every op's table, every row a
              stub, every column a board: its median, "-" where that
              board's ABI has no such call, "?" where it was not measured;
              every measured (stub, op) has its row
  --csv       the same as CSV: every row's n, median, p1, p99, unit, dir
  --letter    the letter's tables as --compare; its chart's bars (values
              and lengths) are STUB's medians on each board; 72 columns
  --merged    `hvcbench boards`: its samples are exactly STUB's samples of
              each board, under the board's name

Prints "ok NAME_check" or "FAIL NAME_check: evidence" lines.
"""
import csv
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check_outputs", os.path.join(HERE, "check-outputs.py"))
co = importlib.util.module_from_spec(spec)
spec.loader.exec_module(co)
report, short, near = co.report, co.short, co.near


def board(d):
    """(cells, samples, n/a set, unit) of one board directory."""
    cells, samples = co.load(d)
    na = set()
    unit = None
    for row in csv.DictReader(open(os.path.join(d, "summary.csv"))):
        if row["status"] == "n/a":
            na.add((row["stub"], row["op"]))
        unit = unit or row["unit"]
    return cells, samples, na, unit


def mark(b, stub, op):
    cells, _, na, _ = b
    if (stub, op) in cells:
        return short(cells[(stub, op)]["median"])
    return "-" if (stub, op) in na else "?"


def check_tables(name, text, names, boards):
    """Blocks "OP:" then "stub NAME..." then a row per stub."""
    bad, seen = [], set()
    lines = text.splitlines()
    for i, l in enumerate(lines):
        m = re.match(r"^(\S+):$", l)
        if not m or i + 1 >= len(lines) or lines[i + 1].split()[:1] != ["stub"]:
            continue
        op = m.group(1)
        head = lines[i + 1].split()[1:]
        if head != names:
            bad.append("%s: columns %s, boards %s" % (op, head, names))
            continue
        for r in lines[i + 2:]:
            f = r.split()
            if not f:
                break
            seen.add((f[0], op))
            want = [mark(b, f[0], op) for b in boards]
            if f[1:] != want:
                bad.append("%s/%s says %s, want %s" % (f[0], op, f[1:], want))
    measured = {k for b in boards for k in b[0]}
    if measured - seen:
        bad.append("no row for " + " ".join("%s/%s" % k for k in sorted(measured - seen)))
    if seen - measured:
        bad.append("rows measured nowhere: " + " ".join("%s/%s" % k for k in sorted(seen - measured)))
    return bad


def main():
    name = sys.argv[1]
    opts = dict(zip(sys.argv[2::2], sys.argv[3::2]))
    names = opts["--names"].split(",")
    dirs = opts["--dirs"].split(",")
    boards = [board(d) for d in dirs]

    if "--compare" in opts:
        bad = check_tables(name, open(opts["--compare"]).read(), names, boards)
        report(name + "_compare_table_recomputed", not bad, "; ".join(bad))
    if "--csv" in opts:
        bad, seen = [], set()
        rows = list(csv.DictReader(open(opts["--csv"])))
        for r in rows:
            k = names.index(r["board"]) if r["board"] in names else -1
            c = boards[k][0].get((r["stub"], r["op"])) if k >= 0 else None
            if not c:
                bad.append("row %s/%s/%s: no such cell" % (r["stub"], r["op"], r["board"]))
                continue
            seen.add((k, r["stub"], r["op"]))
            for col in ("median", "p1", "p99", "n"):
                # A statistic the board lacks (median only) is an empty field.
                if (r[col] == "") != (c[col] is None) or (
                        c[col] is not None and not near(float(r[col]), c[col])):
                    bad.append("%s/%s/%s %s %s, want %s" % (r["stub"], r["op"], r["board"],
                                                            col, r[col], c[col]))
            if r["dir"] != dirs[k] or r["unit"] != boards[k][3]:
                bad.append("%s: dir %s unit %s" % (r["board"], r["dir"], r["unit"]))
        want = {(k, s, o) for k, b in enumerate(boards) for (s, o) in b[0]}
        if want != seen:
            bad.append("missing rows: %s" % sorted(want - seen)[:5])
        report(name + "_compare_csv_recomputed", not bad, "; ".join(bad))
    if "--letter" in opts:
        text = open(opts["--letter"]).read()
        bad = check_tables(name, text, names, boards)
        wide = [l for l in text.splitlines() if len(l) > 72 or "\t" in l]
        if wide:
            bad.append("over 72 columns: " + wide[0])
        report(name + "_letter_tables_recomputed", not bad, "; ".join(bad))
        stub = opts["--stub"]
        chart = {(names[k], op): c for k, b in enumerate(boards)
                 for (s, op), c in b[0].items() if s == stub}
        co.check_bars_txt(name, opts["--letter"], chart, "letter_chart")
    if "--merged" in opts:
        _, merged, _, unit = board(opts["--merged"])
        stub = opts["--stub"]
        want = {(names[k], op): v for k, b in enumerate(boards)
                for (s, op), v in b[1].items() if s == stub}
        bad = ["%s/%s: %d samples, want %d" % (k + (len(merged.get(k, [])), len(v)))
               for k, v in want.items() if merged.get(k) != v]
        bad += ["%s/%s is no board's" % k for k in set(merged) - set(want)]
        if unit != boards[0][3]:
            bad.append("unit %s, the boards' %s" % (unit, boards[0][3]))
        # Its summary: each board's median, and a statistic only where
        # the board has it (median-only boards have no p1, p99, n).
        rows = {(r["stub"], r["op"]): r for r in
                csv.DictReader(open(os.path.join(opts["--merged"], "summary.csv")))
                if r["status"] == "ok"}
        cells = {(names[k], op): c for k, b in enumerate(boards)
                 for (s, op), c in b[0].items() if s == stub}
        for key, c in cells.items():
            r = rows.get(key)
            if not r or not near(float(r["median"]), c["median"]) or \
                    (r["p1"] == "") != (c["p1"] is None):
                bad.append("%s/%s summary %s, want median %s p1 %s" % (key + (r, c["median"], c["p1"])))
        bad += ["%s/%s summarised, no board's" % k for k in set(rows) - set(cells)]
        report(name + "_merged_samples_are_the_boards", not bad, "; ".join(bad))
    sys.exit(1 if co.failures else 0)


if __name__ == "__main__":
    main()
