"""Statistics of a cell's samples, computed the textbook way for the
tests (independently of bench/results/stats.c): type 7 percentiles, sample
standard deviation (n - 1), unscaled MAD."""
import math


def pct(xs, p):
    """Type 7: h = (n-1)p/100, linear between the ranks around it."""
    h = (len(xs) - 1) * p / 100.0
    lo = math.floor(h)
    if lo >= len(xs) - 1:
        return float(xs[-1])
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def stats(xs):
    xs = sorted(xs)
    n = len(xs)
    mean = sum(xs) / n
    med = pct(xs, 50)
    return {"n": n, "min": xs[0], "p1": pct(xs, 1), "median": med,
            "mean": mean, "p90": pct(xs, 90), "p99": pct(xs, 99),
            "max": xs[-1],
            "stddev": math.sqrt(sum((x - mean) ** 2 for x in xs) / (n - 1)) if n > 1 else 0.0,
            "mad": pct(sorted(abs(x - med) for x in xs), 50)}
