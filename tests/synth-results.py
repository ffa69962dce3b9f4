#!/usr/bin/env python3
"""Synthetic hvcbench results directories for the read-back tests.

    tests/synth-results.py KIND DIR

Each KIND is a shape that once went wrong, with a distinct value in every
cell so that any swap of ops, stubs or columns shows:

  distinct   stubs a..d x ops x,y,z,w: n/a cells, a stub with one op only,
             rows not grouped by stub, values above 1,000,000, a noisy cell
             with outliers, unit cycles; no stubs/ops lists in meta.json
  first-na   rows a,x n/a; a,y median 2; b,x median 5 (issue 8, defect 1)
  legend     rows a,x n/a; b,x 5; a,y 2; b,y 7 (issue 8, defect 2)
  reordered  summary.csv only (no samples), its columns in another order
  noisy      stubs p, q x ops x, y: spread bodies with outliers on both
             sides (whiskers, histogram bins wider than 1, samples left out)
  insn       the distinct shape in unit insn (for unit mismatch checks)
  board1..3  one stub set on three boards (hvcbench compare/boards with
             three directories): every (board, stub, op) a distinct value,
             n/a cells, a cell n/a on one board and measured on others, a
             stub board3 did not measure, board3 without a "board" name in
             meta.json; unit insn
  board-cycles  board1's shape in unit cycles
  makerun-CPU-KERNEL[-ns]  a `make run` directory's files: meta.json as
             the module and the CLI write it (platform qemu-virt, cpu_name
             Cortex-CPU, kernel 6.1.0-50-armmp-lpae or 6.12.95+deb12-...,
             no board), overhead 2 in summary.csv; unit insn, or qemu-ns
             (values about 581) with -ns

Writes samples.csv (stub,op,value), summary.csv (its statistics from
tests/samplestats.py) and meta.json, as a run would.
"""
import json
import os
import random
import sys

from samplestats import stats


def cells_distinct(rng):
    """(stub, op) -> list of samples, or None for n/a."""
    c = {}
    # Interleaved on purpose: not grouped by stub.
    order = [("b", "x"), ("a", "y"), ("c", "x"), ("a", "x"), ("b", "z"),
             ("d", "w"), ("b", "y"), ("c", "z"), ("a", "z"), ("c", "y")]
    base = {("a", "x"): 11, ("a", "y"): 23, ("a", "z"): None,
            ("b", "x"): 37, ("b", "y"): 41, ("b", "z"): 53,
            ("c", "x"): 1250001, ("c", "y"): 2575049, ("c", "z"): None,
            ("d", "w"): 67}
    for key in order:
        b = base[key]
        if b is None:
            c[key] = None
        elif key == ("b", "y"):     # noisy: a spread body and far outliers
            v = [b + int(rng.gauss(0, 6)) for _ in range(3000)]
            v += [b + 400 + rng.randrange(200) for _ in range(30)]
            c[key] = v
        elif b > 1000000:      # an even count: a median halfway, x.5
            c[key] = [b + rng.randrange(-3, 4) for _ in range(500 + (b % 2))]
        else:
            c[key] = [b + (i % 3) - 1 for i in range(600)]
    return c


def cells_board(k):
    """Board k (1..3): stubs old, new, kvm x ops get_vectors, null, call0."""
    base = {("old", "get_vectors"): 6, ("old", "null"): 7, ("old", "call0"): None,
            ("new", "get_vectors"): 9, ("new", "null"): 13, ("new", "call0"): 11,
            ("kvm", "get_vectors"): None, ("kvm", "null"): 28, ("kvm", "call0"): 24,
            # The kernel's own stub: v4.12+ on boards 1 and 2, old on 3.
            ("resident", "get_vectors"): None if k < 3 else 5,
            ("resident", "null"): 4,
            ("resident", "call0"): 3 if k < 3 else None}
    c = {}
    for key, b in base.items():
        if k == 3 and key[0] == "kvm":
            continue
        # Board 2 counts ~100 times board 1 (a real board's cycles are
        # far above QEMU's instructions); board 3 in between, with spread.
        c[key] = None if b is None else [
            b * {1: 1, 2: 97, 3: 13}[k] + {1: 0, 2: 3, 3: (i % 5) - 2}[k]
            for i in range(301)]
    return c


def write(d, cells, unit, samples=True, summary_cols=None, board=None, meta=None,
          overhead=0):
    os.makedirs(d, exist_ok=True)
    meta = meta or {"date": "2026-11-25T00:00:00Z", "kernel": "synthetic",
                    "cpu_name": "Synthetic", "unit": unit, "samples": "varies",
                    "machine": "synthetic data (tests/synth-results.py)"}
    if board:
        meta["board"] = board
    with open(os.path.join(d, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    if samples:
        with open(os.path.join(d, "samples.csv"), "w") as f:
            f.write("stub,op,value\n")
            for (s, o), v in cells.items():
                for x in v or []:
                    f.write("%s,%s,%d\n" % (s, o, x))
    cols = summary_cols or ["stub", "op", "unit", "n", "min", "p1", "median",
                            "mean", "p90", "p99", "max", "stddev", "mad",
                            "overhead", "status", "note"]
    with open(os.path.join(d, "summary.csv"), "w") as f:
        f.write(",".join(cols) + "\n")
        for (s, o), v in cells.items():
            row = dict.fromkeys(cols, "")
            row.update(stub=s, op=o, unit=unit)
            if v is None:
                row.update(status="n/a", note="no such operation in this ABI")
            elif not samples:
                row.update(v, status="ok")
            else:
                row.update(stats(v), status="ok", overhead=overhead)
            f.write(",".join(str(row[k]) for k in cols) + "\n")


def main():
    kind, d = sys.argv[1], sys.argv[2]
    rng = random.Random(20170102)
    if kind in ("distinct", "insn"):
        write(d, cells_distinct(rng), "cycles" if kind == "distinct" else "insn")
    elif kind == "noisy":
        c = {}
        for s, o, m, sd in (("p", "x", 300, 20), ("p", "y", 420, 35),
                            ("q", "x", 510, 12), ("q", "y", 260, 50)):
            v = [max(0, int(rng.gauss(m, sd))) for _ in range(4000)]
            v += [m * 5 + rng.randrange(m) for _ in range(40)]
            v += [rng.randrange(3) for _ in range(10)]
            c[(s, o)] = v
        write(d, c, "cycles")
    elif kind == "first-na":
        write(d, {("a", "x"): None, ("a", "y"): [2] * 5, ("b", "x"): [5] * 5},
              "cycles")
    elif kind == "legend":
        write(d, {("a", "x"): None, ("b", "x"): [5] * 5, ("a", "y"): [2] * 5,
                  ("b", "y"): [7] * 5}, "cycles")
    elif kind == "reordered":
        stat = lambda m, lo, hi: dict(n=100, min=lo, p1=lo, median=m, mean=m,
                                      p90=hi, p99=hi, max=hi, stddev=1, mad=1,
                                      overhead=2)
        cols = ["median", "status", "op", "p99", "n", "stub", "p1", "unit",
                "min", "max", "mean", "p90", "stddev", "mad", "overhead", "note"]
        write(d, {("a", "x"): None, ("b", "x"): stat(31, 29, 35),
                  ("a", "y"): stat(13, 12, 17), ("b", "y"): stat(47, 44, 52)},
              "cycles", samples=False, summary_cols=cols)
    elif kind in ("board1", "board2", "board3", "board-cycles"):
        k = int(kind[-1]) if kind != "board-cycles" else 1
        write(d, cells_board(k), "cycles" if kind == "board-cycles" else "insn",
              board={1: "a15-lab", 2: "a7-board"}.get(k))
    elif kind.startswith("makerun-"):
        parts = kind.split("-")
        cpu, kern, ns = parts[1], parts[2], parts[-1] == "ns"
        rel = {"6.1": "6.1.0-50-armmp-lpae", "6.12": "6.12.95+deb12-armmp-lpae"}[kern]
        unit = "qemu-ns" if ns else "insn"
        scale = {"a15": 1, "a7": 3}[cpu] * (97 if ns else 1) + (kern == "6.12")
        c = {("old", "get_vectors"): [6 * scale] * 200, ("old", "null"): [6 * scale + 1] * 200,
             ("new", "get_vectors"): [7 * scale] * 199 + [7 * scale + 3],
             ("new", "null"): [10 * scale] * 200, ("floor", "get_vectors"): None,
             ("floor", "null"): [2 * scale] * 200}
        meta = {"version": "0.1", "kernel": rel, "midr": "0x414fc0f0",
                "cpu_name": "Cortex-" + cpu.upper(), "platform": "qemu-virt",
                "unit": unit, "ops": "get_vectors null", "stubs": "old new floor",
                "cpu": "0", "samples": "200", "overhead": "2",
                "date": "2026-12-01T00:00:00Z", "hvcbench_version": "0.1",
                "icount": "no" if ns else "yes",
                "machine": "QEMU 7.2.22 virt,virtualization=on cortex-%s" % cpu}
        write(d, c, unit, meta=meta, overhead=2)
    else:
        sys.exit("synth-results: unknown kind " + kind)


if __name__ == "__main__":
    main()
