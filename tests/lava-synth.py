#!/usr/bin/env python3
"""Synthetic LAVA results of hvcbench jobs, for tests/area/lava-import.

    tests/lava-synth.py KIND OUT TRUTH

Writes OUT (what LAVA would give) and TRUTH (JSON: the cells it was made
from, each with its samples, so the test recomputes every statistic
without the importer). Every (board, stub, op) has its own value, so a
swap shows; stub names carry '-' (kvm-old, patched-6-1); some medians are
halfway (an even sample count).

What the real server writes is imported in tests/area/lava-server; this
imitation keeps what a server here cannot be made to write: cells whose
samples differ (QEMU's icount gives one value per cell, so a statistic in
the wrong column would not show), halfway medians, stub names with '-',
another definition beside hvcbench's, a warning line before the records,
a results record before its console line, a summary row cut by a kernel
line, a device tree model as the board, the by-hand form, and damaged
input. Its shapes are the real ones (as lava-server 2023.01 wrote them):
measurements as LAVA exports them (6, 9.5; the metadata's a float, keys
sorted), log_start_line/log_end_line filled for the test's cases, LAVA's
own cases first (durations in seconds), a failed job's error_msg and
error_type, lava-run's "!" tags on numbers, starttc/endtc in results
records, the definition's passing record with namespace, path,
repository, revision and uuid, the environment's LAVA_DEVICE and
LAVA_JOB_ID lines.

  log       board a15: lava-run's records as lava_common.log.dump() writes
            them (libyaml's tags), the device script's hvcbench-meta and
            hvcbench-summary lines as target records (escaped the way
            ShellLogger does), LAVA's own results, another definition's
            case, kernel lines, noise
  log-server  the server's log (each record after "- "), the pure-Python
            dumper's tags, a summary row cut by a kernel line (that cell
            is then median only), the board a device tree model
            ("linux,dummy-virt", no board name as it stands)
  csv       board a17: the server's /results/JOB/csv, median only
  yaml      board a17y: `lavacli results JOB --yaml`, median only
  console   board a9: scripts/lava/hvcbench-lava run by hand (its
            "CASE RESULT [MEASUREMENT UNITS]" lines among the meta and
            summary lines), unit cycles
  log-smoke board a15: the device script's log without an hvcbench-load
            case, beside a smoke-test definition's case linux-posix-pwd
  log-warning  board a15: the log after a stray line (a Python warning)
  log-late  board a15: each case's results record logged before the
            console line holding its signal (the dispatcher logs a line
            when its newline arrives, and acts on a signal when it matches)
  bad-*     refused inputs: not-lava, no-cases, mixed-units, load-fail,
            load-fail-late (its record before its signal's line),
            unknown-op, case-fail, disagree, no-dash, run-fail,
            console-load, unit-comma, hex, negative, job-fail (LAVA's
            error_msg and error_type), definition-fail
"""
import csv
import decimal
import io
import json
import re
import sys

import yaml

sys.path.insert(0, __import__("os").path.dirname(__file__))
from samplestats import stats  # noqa: E402

OPS = ["get_vectors", "set_vectors", "call0", "call3", "null"]
BASE = {("old", "get_vectors"): 6, ("old", "set_vectors"): 7, ("old", "null"): 8,
        ("kvm-old", "get_vectors"): 17, ("kvm-old", "call0"): 25,
        ("kvm-old", "call3"): 27, ("kvm-old", "null"): 19,
        ("new", "get_vectors"): 9, ("new", "set_vectors"): 11, ("new", "call0"): 13,
        ("new", "null"): 10, ("patched-6-1", "call0"): 31, ("patched-6-1", "null"): 33}
BOARD = {"console": ("a9", 5, "cycles"), "log": ("a15", 1, "insn"), "log-server": ("linux,dummy-virt", 37, "insn"),
         "csv": ("a17", 53, "insn"), "yaml": ("a17y", 71, "insn")}


def fmt(v):
    """As hvcbench writes numbers: integers whole, else every digit."""
    return "%d" % v if v == int(v) else repr(float(v))


def cells_for(kind):
    """(stub, op) -> samples, or None for n/a; board-scaled, distinct."""
    _, k, _ = BOARD.get(kind, BOARD["log"])
    c = {}
    for s in ("old", "kvm-old", "new", "patched-6-1"):
        for o in OPS:
            b = BASE.get((s, o))
            if b is None:
                c[(s, o)] = None
                continue
            v = b * k + (3 if k > 1 else 0)
            # an even count with two middles apart: a halfway median
            xs = [v] * 50 + [v + 1] * 50 if (s, o) == ("new", "null") else \
                [v + (i % 3) - 1 for i in range(301)]
            c[(s, o)] = xs
    return c


class Log:
    """Records as lava-run prints them (lava_common.log.dump)."""

    def __init__(self, dumper, prefix="", results_first=False):
        self.lines, self.dumper, self.prefix = [], dumper, prefix
        self.results_first = results_first

    def rec(self, lvl, msg, ns=None):
        d = {"dt": "2026-11-30T12:00:%02d.%06d" % (len(self.lines) % 60, len(self.lines)),
             "lvl": lvl, "msg": msg}
        if ns:                      # feedback: log_message() names the namespace
            d["ns"] = ns
        text = yaml.dump(d, Dumper=self.dumper, default_flow_style=True,
                         default_style='"', width=10 ** 6)[:-1]
        # lava-run's own dumper tags numbers with "!" (not "!!float").
        self.lines.append(self.prefix + re.sub(r'!!(float|int) "', '! "', text))

    def target(self, line, lvl="target"):
        # ShellLogger: '"' escaped for YAML, ESC and CR removed.
        self.rec(lvl, line.replace("\r", "").replace('"', '\\"').replace("\x1b", ""),
                 "dut" if lvl == "feedback" else None)

    def signal(self, case, result, measurement=None, units=None):
        # The dispatcher acts on a signal as soon as it matches, and logs
        # the console line holding it when that line's newline is read:
        # either may come first (results_first says which).
        extra = "" if measurement is None else " MEASUREMENT=%s UNITS=%s" % (measurement, units)
        line = "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=%s RESULT=%s%s>" % (case, result, extra)
        # The console line of the signal: starttc and endtc (as real records).
        at = len(self.lines) + (1 if self.results_first else 0)
        r = {"case": case, "definition": "0_hvcbench", "endtc": at, "result": result, "starttc": at}
        if measurement is not None:
            r.update(measurement=float(decimal.Decimal(measurement)), units=units)
        r = dict(sorted(r.items()))
        if not self.results_first:
            self.target(line)
        self.rec("results", r)
        if self.results_first:
            self.target(line)


def summary_rows(cells, unit):
    head = "stub,op,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad,overhead,status,note"
    rows = [head]
    for (s, o), xs in cells.items():
        if xs is None:
            rows.append("%s,%s,%s,,,,,,,,,,,,n/a,no such operation in this ABI" % (s, o, unit))
            continue
        st = stats(xs)
        rows.append(",".join([s, o, unit, str(st["n"])] + [fmt(st[k]) for k in (
            "min", "p1", "median", "mean", "p90", "p99", "max", "stddev", "mad")] + ["2", "ok", ""]))
    return rows


def write_log(kind, cells, out, load="pass", reason=None, units=None, cases=None,
              summary=True, cut=None, skew=None, smoke="boot-ok", job="pass", definition="pass",
              first=None, results_first=False):
    board, _, unit = BOARD.get(kind, BOARD["log"])
    server = kind == "log-server"
    log = Log(yaml.Dumper if server else getattr(yaml, "CDumper", yaml.Dumper),
              "- " if server else "", results_first)
    log.rec("info", "lava-dispatcher, installed at version: 2023.01")
    log.rec("debug", {"start": {"level": "1.1", "list": [1, "two", {"x": "y"}]}})
    log.rec("debug", "- LAVA_DEVICE=qemu-%s" % board.replace(",", "-"))
    log.rec("debug", "- LAVA_JOB_ID=%s" % JOB_ID)
    for case, duration, extra in LAVA_CASES:
        rec = {"case": case, "definition": "lava", "result": "pass"}
        if duration is not None:
            rec.update(duration=duration, extra=extra, level="1.1", namespace="common")
        log.rec("results", rec)
    log.rec("input", "/lava-1/bin/lava-test-runner /lava-1/0\n")
    log.target("[    0.000000] Booting Linux on physical CPU 0x0")
    log.target('/ # echo "quoted" \x1b[0m caf\u00e9 \t tab')
    log.target("<LAVA_SIGNAL_STARTRUN 0_hvcbench 1234>")
    for k, v in (("board", board), ("cpu", "Cortex-A15"), ("kernel", "6.1.0-50-armmp-lpae"),
                 ("platform", "qemu-virt"), ("unit", unit)):
        # The kernel line as feedback: read while another namespace ran.
        log.target("hvcbench-meta: %s=%s" % (k, v), "feedback" if k == "kernel" else "target")
    if reason and load != "pass":
        log.target(reason)
    if load is not None:
        log.signal("hvcbench-load", load)
    rows = summary_rows(cells, unit)
    if summary:
        for i, r in enumerate(rows):
            if cut is not None and i == cut:   # a kernel line lands mid-row
                half = len(r) // 2
                log.target("hvcbench-summary: " + r[:half] + "[  12.345678] hvcbench: done")
                log.target(r[half:])
                continue
            log.target("hvcbench-summary: " + r)
    for (s, o), xs in (cells if cases is None else cases).items():
        if (s, o) == ("hvcbench", "run"):
            log.target(reason)
            log.signal("hvcbench-run", "fail")
        if xs is None:
            continue
        med = stats(xs)["median"] if skew is None or (s, o) != skew else stats(xs)["median"] + 1
        log.signal("%s-%s" % (s, o), "pass", fmt(med), (units or {}).get((s, o), unit))
    log.target("<LAVA_SIGNAL_ENDRUN 0_hvcbench 1234>")
    # Another test definition of the same job: not hvcbench's.
    log.rec("results", {"definition": "1_smoke", "case": smoke, "result": "pass"})
    log.rec("results", definition_case(definition))
    log.rec("results", job_case(job))
    open(out, "w").write("".join(x + "\n" for x in ([first] if first else []) + log.lines))


JOB_ID = 4711
# LAVA's own cases before the test's, as a real QEMU job has them (their
# measurement is the duration, in seconds); the lava suite's
# definition and job cases come after the test's.
LAVA_CASES = [("validate", None, None)] + [
    (c, d, {"from": "inline", "name": "hvcbench"}) for c, d in (
        ("test-overlay", "0.00"), ("test-install-overlay", "0.00"),
        ("test-runscript-overlay", "0.02"), ("apply-overlay-guest", "47.59"),
        ("file-download", "0.00"), ("file-download", "0.08"), ("file-download", "0.01"),
        ("execute-qemu", "0.02"), ("kernel-messages", "10.13"), ("login-action", "10.13"))]


def definition_case(result):
    """The lava suite's case of the test definition, as a real job's."""
    r = {"case": "0_hvcbench", "definition": "lava", "duration": "3.87", "result": result,
         "uuid": "%d_1.1.3.1" % JOB_ID}
    if result == "pass":
        r.update(namespace="common", path="inline/hvcbench.yaml", revision="unspecified",
                 repository={"metadata": {"name": "hvcbench"}, "run": {"steps": ["SAMPLES='1000'"]}})
    return dict(sorted(r.items()))


def job_case(result):
    """The job's own case; a failed one says why (error_msg, error_type)."""
    r = {"case": "job", "definition": "lava", "result": result}
    if result != "pass":
        r.update(error_msg="lava-test-shell timed out after 3 seconds", error_type="Test")
    return dict(sorted(r.items()))


def measurement_text(v):
    """LAVA's export of a measurement: the decimal as stored (6, 9.5)."""
    return format(decimal.Decimal(repr(float(v))).normalize(), "f")


def export_cases(cells, unit, job, job_result="pass"):
    """lava_results_app.utils.export_testcase() of each case, LAVA's too,
    in the server's order: LAVA's own first, then the test's."""
    rows, tid, line = [], 900, 460
    cases = [(c, "pass", d, "seconds" if d is not None else "", "lava", extra)
             for c, d, extra in LAVA_CASES]
    cases += [("0_hvcbench", "pass", "3.87", "seconds", "lava", None),
              ("job", job_result, None, "", "lava", None)]
    cases += [("hvcbench-load", "pass", None, "", "0_hvcbench", None)]
    cases += [("%s-%s" % k, "pass", stats(xs)["median"], unit, "0_hvcbench", None)
              for k, xs in cells.items() if xs is not None]
    for case, res, meas, units, suite, extra in cases:
        tid += 1
        if suite == "lava":
            meta = job_case(res) if case == "job" else \
                definition_case(res) if case == "0_hvcbench" else \
                {"case": case, "definition": "lava", "result": res}
            if meas is not None and case != "0_hvcbench":
                meta.update(duration=meas, extra=[{k: v} for k, v in extra.items()],
                            level="1.1", namespace="common")
            m, start = (meas if meas is not None else "None"), ""
        else:
            meta = {"case": case, "definition": suite, "result": res}
            if meas is not None:
                meta.update(measurement=float(meas), units=units)
            m = "None" if meas is None else measurement_text(meas)
            line += 3
            start = str(line)
        rows.append({"name": case, "job": str(job), "suite": suite, "result": res,
                     "measurement": m, "unit": units, "level": "1.1" if suite == "lava" and meas else "",
                     "url": "/results/testcase/%d" % tid, "id": str(tid),
                     "logged": "2026-11-30 12:00:00.000000+00:00",
                     "log_start_line": start, "log_end_line": start,
                     "metadata": dict(sorted(meta.items()))})
    return rows


FIELDS = ["job", "suite", "result", "measurement", "unit", "duration", "timeout", "logged",
          "level", "metadata", "url", "name", "id", "log_start_line", "log_end_line"]


def test_rows(rows):
    """The rows of hvcbench's cells (measured, not LAVA's own)."""
    return [r for r in rows if r["suite"] != "lava" and r["unit"]]


def write_csv(rows, out):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS)   # testjob_csv(): QUOTE_MINIMAL
    w.writerow(dict(zip(FIELDS, FIELDS)))
    for r in rows:
        w.writerow(r)
    open(out, "w", newline="").write(buf.getvalue())


def write_yaml(rows, out):
    # lavacli: yaml.dump(results, default_flow_style=None)
    open(out, "w").write(yaml.dump(rows, default_flow_style=None).rstrip("\n") + "\n")


def main():
    kind, out, truth = sys.argv[1:4]
    cells = cells_for(kind)
    board, _, unit = BOARD.get(kind, BOARD["log"])
    t = {"board": board, "unit": unit, "kernel": "6.1.0-50-armmp-lpae", "cpu": "Cortex-A15",
         "job": "" if "console" in kind else str(JOB_ID),
         "full": kind.startswith("log"), "cut": None,
         "format": "log" if kind.startswith("log") else kind,
         "cells": {"%s/%s" % k: v for k, v in cells.items()}}
    if kind == "log":
        write_log(kind, cells, out)
    elif kind == "log-smoke":
        write_log(kind, cells, out, load=None, smoke="linux-posix-pwd")
    elif kind == "log-warning":
        write_log(kind, cells, out, first="/usr/lib/python3/dist-packages/lava_dispatcher/"
                  "utils/fs.py:42: DeprecationWarning: pkg_resources is deprecated")
    elif kind == "log-server":
        cut = list(cells).index(("kvm-old", "call0"))
        write_log(kind, cells, out, cut=cut + 1)     # row 0 is the header
        t["cut"] = "kvm-old/call0"
    elif kind == "csv":
        write_csv(export_cases(cells, unit, JOB_ID), out)
    elif kind == "yaml":
        write_yaml(export_cases(cells, unit, JOB_ID), out)
    elif kind in ("console", "bad-console-load"):
        lines = ["/ # sh hvcbench-lava --board a9"]
        if kind == "bad-console-load":
            lines += ["hvcbench-lava: insmod /root/hvcbench.ko failed: hvcbench: KVM owns HYP mode",
                      "hvcbench-load fail"]
        else:
            lines += ["hvcbench-meta: %s=%s" % kv for kv in (
                ("board", board), ("cpu", "Cortex-A9x"), ("kernel", t["kernel"]),
                ("platform", "board"), ("unit", unit))]
            lines += ["hvcbench-summary: " + r for r in summary_rows(cells, unit)]
            lines += ["%s-%s pass %s %s" % (s, o, fmt(stats(xs)["median"]), unit)
                      for (s, o), xs in cells.items() if xs is not None]
        open(out, "w").write("\r\n".join(lines) + "\r\n")    # a serial console's
        t.update(full=True, cpu="Cortex-A9x")
    elif kind == "bad-not-lava":
        open(out, "w").write("\n".join(summary_rows(cells, unit)) + "\n")
    elif kind == "bad-no-cases":
        write_log(kind, cells, out, cases={}, summary=False)
    elif kind == "bad-mixed-units":
        rows = export_cases(cells, unit, JOB_ID)
        test_rows(rows)[1]["unit"] = "cycles"
        write_csv(rows, out)
    elif kind in ("bad-load-fail", "bad-load-fail-late"):
        write_log(kind, cells, out, load="fail", cases={}, summary=False,
                  reason="hvcbench: this CPU has no HYP mode (the kernel did not boot in HYP)",
                  results_first=kind == "bad-load-fail-late")
    elif kind == "log-late":
        write_log(kind, cells, out, results_first=True)
    elif kind == "bad-run-fail":
        write_log(kind, cells, out, cases={("hvcbench", "run"): None}, summary=False,
                  reason="hvcbench-lava: hvcbench run failed: ESTALE (reload hvcbench.ko)")
    elif kind == "bad-unknown-op":
        write_log(kind, {("old", "getvectors"): [6] * 5}, out, summary=False)
    elif kind == "bad-no-dash":
        rows = export_cases(cells, unit, JOB_ID)
        test_rows(rows)[2]["name"] = "oldnull"
        write_yaml(rows, out)
    elif kind == "bad-case-fail":
        rows = export_cases(cells, unit, JOB_ID)
        test_rows(rows)[1]["result"] = "fail"
        write_csv(rows, out)
    elif kind in ("bad-unit-comma", "bad-hex", "bad-negative"):
        rows = export_cases(cells, unit, JOB_ID)
        for r in test_rows(rows):
            if kind == "bad-unit-comma" and r["unit"]:
                r["unit"] = "insn,\nx"     # every case: the units agree
        if kind != "bad-unit-comma":
            test_rows(rows)[1]["measurement"] = "0x10" if kind == "bad-hex" else "-6"
        write_csv(rows, out)
    elif kind == "bad-job-fail":
        write_log(kind, cells, out, job="fail")
    elif kind == "bad-definition-fail":
        write_log(kind, cells, out, definition="fail")
    elif kind == "bad-disagree":
        write_log(kind, cells, out, skew=("new", "get_vectors"))
    else:
        sys.exit("lava-synth: unknown kind " + kind)
    json.dump(t, open(truth, "w"))


if __name__ == "__main__":
    main()
