#!/usr/bin/env python3
"""Every output of a results directory, proven against its samples.

    tests/check-outputs.py NAME DIR [--letter FILE] [--ref STUB --stub STUB]

Computes each cell's statistics here, independently of the C code, from
samples.csv (or, for a directory without samples, takes summary.csv's ok
rows, read by header name), then reads back what hvcbench wrote and drew:

  summary.csv         every ok row's statistics (when the CLI wrote it)
  compare.csv         medians and deltas (when present)
  plots/bars.svg      each bar over its own op's label, in its own stub's
                      legend colour, at the median; whiskers at p1..p99
  plots/bars.txt      each bar's value and length
  plots/cell-*.svg    histogram bin counts equal the samples in each bin,
                      shown + noted-as-left-out = n, the median marker at
                      the median, the key clear of the plot area, no bar
                      cut by the frame, the CDF at the right edge
  cover letter        the medians table and the comparison (--letter)

Prints "ok NAME_check" or "FAIL NAME_check: evidence" lines.
"""
import csv
import math
import os
import re
import subprocess
import sys

from samplestats import stats

HERE = os.path.dirname(os.path.abspath(__file__))
failures = 0


def report(name, ok, evidence=""):
    global failures
    if ok:
        print("ok %s" % name)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, evidence[:400]))


def short(v):
    """The CLI's table form: an integer, else at most two decimals."""
    if v == math.floor(v):
        return "%d" % v
    return ("%.2f" % v).rstrip("0").rstrip(".")


def near(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def load(d):
    """cells: (stub, op) -> stats; samples: (stub, op) -> sorted values."""
    samples, cells = {}, {}
    path = os.path.join(d, "samples.csv")
    if os.path.exists(path):
        for row in csv.DictReader(open(path)):
            samples.setdefault((row["stub"], row["op"]), []).append(int(row["value"]))
        for k, v in samples.items():
            v.sort()
            cells[k] = stats(v)
    if not samples:     # no samples.csv, or only its header (summaries merged)
        for row in csv.DictReader(open(os.path.join(d, "summary.csv"))):
            if row["status"] == "ok":
                # An empty field (a median-only cell imported from LAVA) is None.
                cells[(row["stub"], row["op"])] = {k: float(row[k]) if row[k] != "" else None for k in (
                    "n", "min", "p1", "median", "mean", "p90", "p99", "max", "stddev", "mad")}
    return cells, samples


def readback(mode, path):
    out = subprocess.run([sys.executable, os.path.join(HERE, "readback.py"), mode, path],
                         capture_output=True, text=True)
    if out.returncode:
        return None, out.stderr.strip() or out.stdout.strip()
    return out.stdout.splitlines(), ""


def check_summary(name, d, cells):
    path = os.path.join(d, "summary.csv")
    bad = []
    for row in csv.DictReader(open(path)):
        key = (row["stub"], row["op"])
        if row["status"] != "ok":
            if key in cells:
                bad.append("%s/%s measured but n/a" % key)
            continue
        want = cells.get(key)
        if not want:
            bad.append("%s/%s ok without samples" % key)
            continue
        for k, v in want.items():
            if re.search(r"[eE]", row[k]) or not near(float(row[k]), v):
                bad.append("%s/%s %s=%s want %r" % (key + (k, row[k], v)))
    report(name + "_summary_recomputed", not bad, "; ".join(bad))


def check_compare(name, d, cells):
    path = os.path.join(d, "compare.csv")
    bad, rows = [], 0
    for row in csv.DictReader(open(path)):
        rows += 1
        if None in row or None in row.values():
            bad.append("fields do not match the header: %s" % row)
            continue
        lo, hi, v = row["ci_lo"], row["ci_hi"], row["verdict"]
        want = ("no interval: no samples" if lo == "" and hi == "" else
                "no difference" if float(lo) <= 0 <= float(hi) else
                "slower" if float(row["delta"]) > 0 else "faster")
        if v != want:
            bad.append("verdict %r for [%s, %s], want %r" % (v, lo, hi, want))
        a, b = cells[(row["a"], row["op"])], cells[(row["b"], row["op"])]
        if not (near(float(row["median_a"]), a["median"]) and
                near(float(row["median_b"]), b["median"]) and
                near(float(row["delta"]), b["median"] - a["median"])):
            bad.append(str(row))
    report(name + "_compare_recomputed", rows and not bad, "; ".join(bad) or "no rows")


def check_bars_svg(name, d, cells):
    lines, err = readback("bars-svg", os.path.join(d, "plots", "bars.svg"))
    if lines is None:
        return report(name + "_bars_svg_read", False, err)
    seen, bad = {}, []
    for line in lines:
        op, stub, value, p1, p99, _x, step, height = line.split()
        kind, step = step.split(":")
        key = (stub, op)
        seen[key] = seen.get(key, 0) + 1
        want = cells.get(key)
        if not want:
            bad.append("a bar for %s/%s, which has no samples" % key)
            continue

        def off(shown, v):
            """How far shown is from v, in pixels (SVG carries 0.01 px)."""
            if kind == "log":
                if shown <= 0 or v <= 0:
                    return math.inf
                return abs(math.log10(shown) - math.log10(v)) / float(step)
            return abs(shown - v) / float(step)
        if off(float(value), want["median"]) > 0.03:
            bad.append("%s/%s drawn at %s, median %r" % (stub, op, value, want["median"]))
        # A bar a reader cannot see is not drawn: at least 2 px unless 0.
        if want["median"] != 0 and float(height) < 2:
            bad.append("%s/%s bar %s px tall: cannot be seen" % (stub, op, height))
        if want["p1"] is None:          # median only: nothing to whisker
            if p1 != "-":
                bad.append("%s/%s whisker %s..%s for a median-only cell" % (stub, op, p1, p99))
        elif off(want["p99"], want["p1"]) > 0.03:
            if p1 == "-" or off(float(p1), want["p1"]) > 0.03 or off(float(p99), want["p99"]) > 0.03:
                bad.append("%s/%s whisker %s..%s, want %r..%r" % (stub, op, p1, p99, want["p1"], want["p99"]))
        elif p1 != "-" and off(float(p99), float(p1)) > 0.03:
            bad.append("%s/%s whisker %s..%s for no spread" % (stub, op, p1, p99))
    log = any(l.split()[6].startswith("log:") for l in lines)
    for key in cells:
        # A log axis has no 0: a median of 0 is a bar of no height there.
        want = 0 if log and cells[key]["median"] == 0 else 1
        if seen.get(key, 0) != want:
            bad.append("%s/%s drawn %d times" % (key + (seen.get(key, 0),)))
    report(name + "_bars_svg_each_bar_at_its_median", not bad, "; ".join(bad))


def check_bars_txt(name, path, cells, what="bars_txt"):
    lines, err = readback("bars-txt", path)
    if lines is None or not lines:
        return report("%s_%s_read" % (name, what), False, err or "no bars")
    rows = [l.split() for l in lines]
    width = max(int(r[3]) for r in rows)
    peak = {}
    for (stub, op), c in cells.items():
        peak[op] = max(peak.get(op, 0), c["median"])
    bad, seen = [], set()
    for op, stub, value, hashes in rows:
        want = cells.get((stub, op))
        seen.add((stub, op))
        if not want:
            bad.append("%s/%s has no samples" % (stub, op))
            continue
        if value != short(want["median"]):
            bad.append("%s/%s says %s, median %s" % (stub, op, value, short(want["median"])))
        # Half-way rounds away from 0 (lround); at a tie, where the two
        # medians' last bits may differ, either neighbour is right.
        x = width * want["median"] / peak[op] if peak[op] > 0 else 0
        ok = {max(0, math.floor(x + 0.5))}
        if abs(x - math.floor(x) - 0.5) < 1e-9:
            ok |= {math.floor(x), math.ceil(x)}
        if int(hashes) not in ok:
            bad.append("%s/%s bar %s long, want %s of %d" % (stub, op, hashes,
                                                            "/".join(map(str, sorted(ok))), width))
    missing = set(cells) - seen
    if missing:
        bad.append("missing: " + " ".join("%s/%s" % k for k in sorted(missing)))
    report("%s_%s_values_and_lengths" % (name, what), not bad, "; ".join(bad))


def check_cells(name, d, cells, samples):
    bad = []
    for (stub, op), xs in samples.items():
        path = os.path.join(d, "plots", "cell-%s-%s.svg" % (stub, op))
        if not os.path.exists(path):
            bad.append("no " + os.path.basename(path))
            continue
        lines, err = readback("cell-svg", path)
        if lines is None:
            bad.append("%s: %s" % (path, err))
            continue
        kv = dict(l.split("=", 1) for l in lines)
        step = float(kv["count_step"])
        xstep = float(kv["xstep"])
        shown = 0
        for b in kv["bins"].split():
            rng, count = b.split(":")
            lo, hi = (float(v) for v in rng.split(".."))
            # A box is 90 % of its bin's width, centred on the bin's
            # integers: a bin of width w holds c-(w-1)/2 .. c+(w-1)/2.
            c, w = (lo + hi) / 2, (hi - lo) / 0.9
            inside = sum(1 for x in xs if abs(x - c) <= (w - 1) / 2 + 0.25)
            shown += inside
            if abs(float(count) - inside) > 0.03 * step + 0.5:
                bad.append("%s/%s bin %s drawn %s, holds %d" % (stub, op, rng, count, inside))
        m = re.search(r"(\d+) of (\d+) samples outside", kv["note"])
        left_out = int(m.group(1)) if m else 0
        if m and int(m.group(2)) != len(xs):
            bad.append("%s/%s note says n=%s, n is %d" % (stub, op, m.group(2), len(xs)))
        if shown + left_out != len(xs):
            bad.append("%s/%s shows %d + %d left out of %d" % (stub, op, shown, left_out, len(xs)))
        med = [float(v) for v in kv["median_x"].split()]
        want = cells[(stub, op)]["median"]
        if len(med) != 1 or abs(med[0] - want) > 0.03 * xstep + 1e-9:
            bad.append("%s/%s median marker at %s, median %r" % (stub, op, kv["median_x"], want))
        if xs[0] >= 0 and float(kv["xmin"]) < -0.5 - 0.03 * xstep:
            bad.append("%s/%s x axis starts at %s for samples >= 0" % (stub, op, kv["xmin"]))
        # The CDF at the right edge: the fraction of samples up to it.
        frac = sum(1 for x in xs if x <= float(kv["xmax"])) / len(xs)
        if abs(float(kv["cdf_max"]) - frac) > 0.03 * float(kv["cdf_step"]) + 1e-6:
            bad.append("%s/%s CDF reaches %s, %r of samples are in view" % (stub, op, kv["cdf_max"], frac))
        if kv["key_clear"] != "1":
            bad.append("%s/%s key inside the plot area" % (stub, op))
        if kv["clipped"] != "0":
            bad.append("%s/%s %s bars cut by the frame" % (stub, op, kv["clipped"]))
    report(name + "_cell_plots_read_back", not bad, "; ".join(bad))


def na_cells(d):
    """(stub, op) of summary.csv's n/a rows: the ABI has no such call."""
    path = os.path.join(d, "summary.csv")
    if not os.path.exists(path):
        return set()
    return {(r["stub"], r["op"]) for r in csv.DictReader(open(path)) if r["status"] == "n/a"}


def check_letter(name, path, cells, ref, stub, na):
    text = open(path).read()
    lines = text.splitlines()
    bad = [l for l in lines if len(l) > 72 or "\t" in l]
    if bad:
        report(name + "_letter_72_columns", False, bad[0])
    if re.search(r"\d[eE][+-]?\d", text):
        bad.append("exponent notation")
    # The medians table: a header "stub <ops...>", then a row per stub.
    i = next(k for k, l in enumerate(lines) if l.startswith("stub "))
    ops = lines[i].split()[1:]
    full = {"get": "get_vectors", "set": "set_vectors"}
    rows = 0
    for l in lines[i + 1:]:
        f = l.split()
        if not f or f[0].startswith("("):
            break
        for op, v in zip(ops, f[1:]):
            key = (f[0], full.get(op, op))
            want = cells.get(key)
            # "-": no such call in that ABI; "?": not measured (or imported).
            mark = "-" if key in na else "?"
            if (want is None and v != mark) or (want and v != short(want["median"])):
                bad.append("%s/%s says %s" % (f[0], op, v))
        rows += 1
    if rows != len({s for s, _ in cells}):
        bad.append("%d stub rows for %d stubs" % (rows, len({s for s, _ in cells})))
    # The comparison: "op  ref  stub  delta  [lo, hi]".
    m = re.search(r"^%s vs %s .*\n\n.*\n((?:.+\n)+)" % (re.escape(stub), re.escape(ref)), text, re.M)
    both = [op for (s, op) in cells if s == ref and (stub, op) in cells]
    if both and not m:
        bad.append("no %s vs %s section" % (stub, ref))
    for l in (m.group(1).splitlines() if m else []):
        f = l.split()
        if len(f) < 4 or (ref, f[0]) not in cells:
            break
        a, b = cells[(ref, f[0])]["median"], cells[(stub, f[0])]["median"]
        if f[1] != short(a) or f[2] != short(b) or f[3] != ("+" if b >= a else "") + short(b - a):
            bad.append("compare row '%s': want %s %s %+g" % (l, short(a), short(b), b - a))
    report(name + "_letter_recomputed", not bad, "; ".join(bad))
    check_bars_txt(name, path, cells, "letter_chart")


def main():
    name, d = sys.argv[1], sys.argv[2]
    opts = dict(zip(sys.argv[3::2], sys.argv[4::2]))
    cells, samples = load(d)
    if samples and os.path.exists(os.path.join(d, "summary.csv")) and opts.get("--summary") == "cli":
        check_summary(name, d, cells)
    if os.path.exists(os.path.join(d, "compare.csv")):
        check_compare(name, d, cells)
    check_bars_svg(name, d, cells)
    check_bars_txt(name, os.path.join(d, "plots", "bars.txt"), cells)
    if samples:
        check_cells(name, d, cells, samples)
    if "--letter" in opts:
        check_letter(name, opts["--letter"], cells, opts.get("--ref", "old"),
                     opts.get("--stub", "new"), na_cells(d))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
