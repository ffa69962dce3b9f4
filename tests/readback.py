#!/usr/bin/env python3
"""Read hvcbench's pictures and text charts back, as a person would.

    tests/readback.py bars-svg FILE     one line per drawn bar:
        op stub value p1 p99 xpx SCALE:STEP HEIGHTPX
        (p1, p99 "-" without a whisker; SCALE lin or log, STEP the y axis'
        units or decades per pixel; HEIGHTPX the bar's drawn height)
    tests/readback.py cell-svg FILE     key=value lines: bins (each
        "lo..hi:count"), median_x, xmin, xmax, key_clear, clipped, cdf_max, note
    tests/readback.py bars-txt FILE     one line per bar: op stub value
        hashes

Everything comes from the drawing itself: positions of polygons, paths
and texts, scaled by the axes' own tick labels; the legend is matched to
bars by colour, ops to bars by the x tick label under them. Nothing here
knows how the picture was made.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
NUM = r"-?\d+(?:\.\d+)?"


def points(d):
    """The coordinates of an SVG path or polygon, in order."""
    return [(float(x), float(y)) for x, y in re.findall(r"(%s),(%s)" % (NUM, NUM), d)]


def translate(el):
    m = re.search(r"translate\((%s),(%s)\)" % (NUM, NUM), el.get("transform", ""))
    return (float(m.group(1)), float(m.group(2))) if m else None


class Svg:
    """The elements of a gnuplot SVG, in document order, flattened."""

    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.items = []         # (kind, data, plot group or None)
        self._walk(root, None)

    def _walk(self, el, group):
        gid = el.get("id", "")
        if el.tag == NS + "g" and gid.startswith("gnuplot_plot_"):
            group = gid
        tag = el.tag[len(NS):]
        if tag == "g" and translate(el) is not None:
            text = "".join(t.text or "" for t in el.iter(NS + "text")).strip()
            self.items.append(("text", (translate(el), el.get("text-anchor", "start"), text), group))
            return
        if tag == "path" and el.get("d") and not el.get("id"):
            self.items.append(("path", (points(el.get("d")), el.get("stroke", ""),
                                        el.get("stroke-dasharray")), group))
        if tag == "polygon":
            fill = re.sub(r"\s", "", el.get("fill", ""))
            self.items.append(("polygon", (points(el.get("points")), fill), group))
        for child in el:
            self._walk(child, group)

    def border(self):
        """The plot area: the largest closed rectangle path outside any plot."""
        best = None
        for kind, (pts, _stroke, _dash), group in (i for i in self.items if i[0] == "path"):
            if group or len(pts) != 5:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            box = (min(xs), min(ys), max(xs), max(ys))
            area = (box[2] - box[0]) * (box[3] - box[1])
            if not best or area > best[0]:
                best = (area, box)
        return best[1]

    def ticks(self):
        """(axis, position px, label): each tick label with its tick mark."""
        x0, y0, x1, y1 = self.border()
        out, last = [], None
        for kind, data, group in self.items:
            if kind == "path" and not group:
                last = data[0]
                continue
            if kind != "text" or group or not last:
                continue
            (tx, ty), anchor, label = data
            px, py = last[0]
            if anchor == "middle" and abs(py - y1) < 0.6 and abs(px - tx) < 0.6:
                out.append(("x", px, label))
            elif anchor == "end" and abs(px - x0) < 0.6 and abs(last[1][1] - py) < 0.01:
                out.append(("y", py, label))
            elif anchor == "start" and abs(px - x1) < 0.6 and abs(last[1][1] - py) < 0.01:
                out.append(("y2", py, label))
            last = None
        return out


def scale(ticks, axis, kind=False):
    """value(px) for an axis, fitted through its numeric tick labels, and
    the axis' step per pixel: units for a linear axis, decades for a
    logarithmic one (labels at equal distances whose ratios, not
    differences, are equal).  With kind, also "lin" or "log"."""
    pts = sorted((px, float(lbl)) for a, px, lbl in ticks if a == axis and re.fullmatch(NUM, lbl))
    if len(pts) < 2:
        sys.exit("readback: fewer than two numeric %s tick labels" % axis)
    vals = [v for _, v in pts]
    diffs = [b - a for a, b in zip(vals, vals[1:])]
    log = (len(pts) > 2 and min(vals) > 0 and
           max(diffs) - min(diffs) > 1e-9 * max(abs(d) for d in diffs) and
           all(abs(math.log10(b / a) - math.log10(vals[1] / vals[0])) < 1e-9
               for a, b in zip(vals, vals[1:])))
    if log:
        vals = [math.log10(v) for v in vals]
    (p0, v0), (p1, v1) = (pts[0][0], vals[0]), (pts[-1][0], vals[-1])
    k = (v1 - v0) / (p1 - p0)
    f = (lambda px: 10 ** (v0 + (px - p0) * k)) if log else (lambda px: v0 + (px - p0) * k)
    return (f, abs(k), "log" if log else "lin") if kind else (f, abs(k))


def inside(pts, box, slack=0.6):
    x0, y0, x1, y1 = box
    return all(x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack for x, y in pts)


def bars_svg(path):
    svg = Svg(path)
    box = svg.border()
    ticks = svg.ticks()
    yval, ystep, ykind = scale(ticks, "y", kind=True)
    xlabels = sorted((px, lbl) for a, px, lbl in ticks if a == "x")
    half = (xlabels[1][0] - xlabels[0][0]) / 2 if len(xlabels) > 1 else (box[2] - box[0]) / 2
    # The legend: texts and colour samples outside the plot area, paired by row.
    texts = [d for k, d, g in svg.items if k == "text" and g]
    samples = [d for k, d, g in svg.items if k == "polygon" and g and not inside(d[0], box)]
    legend = {}
    for pts, fill in samples:
        cy = sum(p[1] for p in pts) / len(pts)
        row = [t for t in texts if abs(t[0][1] - 3.5 - cy) < 6]
        if len(row) != 1:
            sys.exit("readback: legend sample at y=%.1f has %d texts" % (cy, len(row)))
        if fill in legend:
            sys.exit("readback: two legend entries in colour %s" % fill)
        legend[fill] = row[0][2]
    whiskers = []
    for k, (pts, stroke, _dash), g in (i for i in svg.items if i[0] == "path"):
        if not g or re.sub(r"\s", "", stroke) not in ("rgb(0,0,0)", "black"):
            continue
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            if abs(ax - bx) < 0.01 and abs(ay - by) > 0.01:
                whiskers.append((ax, yval(max(ay, by)), yval(min(ay, by))))
    zero = None
    for pts, fill in (d for k, d, g in svg.items if k == "polygon" and g and inside(d[0], box)):
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        xc = (min(xs) + max(xs)) / 2
        if fill not in legend:
            sys.exit("readback: a bar in colour %s that no legend entry has" % fill)
        near = [lbl for px, lbl in xlabels if abs(px - xc) < half]
        if len(near) != 1:
            sys.exit("readback: the bar at x=%.1f stands over %d op labels" % (xc, len(near)))
        lo, hi = yval(max(ys)), yval(min(ys))
        # A bar grows from 0, or on a log axis from the frame's bottom.
        value = hi if ykind == "log" or abs(lo) <= abs(hi) else lo
        w = [(p1, p99) for x, p1, p99 in whiskers if abs(x - xc) < 0.05]
        p1, p99 = ("%.12g" % w[0][0], "%.12g" % w[0][1]) if w else ("-", "-")
        print("%s %s %.12g %s %s %.2f %s:%.12g %.2f" % (near[0], legend[fill], value, p1, p99, xc,
                                                     ykind, ystep, max(ys) - min(ys)))


def cell_svg(path):
    svg = Svg(path)
    box = svg.border()
    ticks = svg.ticks()
    xval, xstep = scale(ticks, "x")
    yval, ystep = scale(ticks, "y")
    y2val, y2step = scale(ticks, "y2")
    bins, clipped, cdf_max, median_x = [], 0, 0.0, []
    key_clear = 1
    for kind, data, group in svg.items:
        if kind == "polygon" and group:
            pts = data[0]
            if not inside(pts, box):
                continue                # a legend sample, checked below
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if min(ys) <= box[1] + 0.01:
                clipped += 1            # a bar that reaches the frame is cut
            bins.append((xval(min(xs)), xval(max(xs)), yval(max(ys)), yval(min(ys))))
        elif kind == "path":
            pts, stroke, dash = data
            s = re.sub(r"\s", "", stroke)
            if group and s == "rgb(213,94,0)":      # the CDF (and its key sample)
                cdf_max = max([cdf_max] + [y2val(y) for x, y in pts if inside([(x, y)], box)])
            # The median: a dashed line from the bottom of the frame to its top.
            if dash and len(pts) == 2 and abs(pts[0][0] - pts[1][0]) < 0.01 and \
                    abs(abs(pts[0][1] - pts[1][1]) - (box[3] - box[1])) < 0.6:
                median_x.append(xval(pts[0][0]))
    # The key: every text and sample of a plot's own (its title) outside the plot area.
    for kind, data, group in svg.items:
        if not group:
            continue
        if kind == "text":
            (tx, ty), _, _ = data
            if box[0] < tx < box[2] and box[1] < ty < box[3]:
                key_clear = 0
    note = [d[2] for k, d, g in svg.items if k == "text" and not g and "not shown" in d[2]]
    print("bins=" + " ".join("%.12g..%.12g:%.12g" % (lo, hi, top - base) for lo, hi, base, top in bins))
    print("count_step=%.12g" % ystep)
    print("median_x=" + " ".join("%.12g" % x for x in median_x))
    print("xstep=%.12g" % xstep)
    print("xmin=%.12g" % xval(box[0]))
    print("xmax=%.12g" % xval(box[2]))
    print("cdf_step=%.12g" % y2step)
    print("key_clear=%d" % key_clear)
    print("clipped=%d" % clipped)
    print("cdf_max=%.12g" % cdf_max)
    print("note=" + (note[0] if note else ""))


def bars_txt(path):
    op = None
    for line in open(path):
        m = re.match(r"^(\S*)\s+(\S+)\s+\|(#*)(\s*) (\S+)$", line.rstrip("\n"))
        if not m:
            continue
        op = m.group(1) or op
        print("%s %s %s %d" % (op, m.group(2), m.group(5), len(m.group(3))))


if __name__ == "__main__":
    try:
        {"bars-svg": bars_svg, "cell-svg": cell_svg, "bars-txt": bars_txt}[sys.argv[1]](sys.argv[2])
    except (OSError, ET.ParseError, ValueError, IndexError) as e:
        sys.exit("readback: %s: %s" % (sys.argv[2], e))
