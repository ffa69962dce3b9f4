// SPDX-License-Identifier: GPL-2.0
/*
 * What the plots draw, decided here and only here: which ops and stubs,
 * in which order, under which labels, at which values. scripts/plot hands
 * these files to gnuplot and adds nothing.
 *
 *   labels     "key<TAB>value": unit, axis (the unit for people), ylabel,
 *              title,
 *              ops and stubs (space lists, in drawing order)
 *   bars.tsv   one usable cell a line: opidx stubidx op stub n median p1
 *              p99 (indices 1-based, into the ops and stubs lists; n, p1
 *              and p99 NaN for a median-only cell)
 *   cells.tsv  one line per cell with samples: name stub op n median binw
 *              xlo xhi shown outside lo hi
 *   cell-NAME.dat  index 0: histogram "bin-centre count"; index 1: the
 *              empirical CDF as steps "value fraction"
 *   bars.txt   the text chart (as in the cover letter)
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "numfmt.h"
#include "plotdata.h"
#include "report.h"

#define MAX_HIST_BINS 60
/* Colours plot-bars.gp has: the 7 built-in stubs and 8 trees. */
#define PLOT_MAX_STUBS 16

static int close_file(FILE *f, const char *name, char *err, size_t len)
{
	if (fclose(f)) {
		snprintf(err, len, "writing %s failed", name);
		return -1;
	}
	return 0;
}

static int index_of(const char *const *names, int n, const char *name)
{
	int k;

	for (k = 0; k < n; k++)
		if (!strcmp(names[k], name))
			return k + 1;
	return 0;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

/* 1, 2, 5, 10, 20, 50, ...: the first that makes at most 60 bins. */
static double bin_width(double lo, double hi)
{
	double w = 1;

	while ((hi - lo + 1) / w > MAX_HIST_BINS) {
		double m = w;

		while (m >= 10)
			m /= 10;
		w = m == 2 ? w / 2 * 5 : w * 2;
	}
	return w;
}

/*
 * One cell's histogram and CDF. The histogram covers p1 - r .. p99 + r
 * (r = p99 - p1 + 1) at most, so that a few interrupt-hit samples do not
 * squash the body into one bin; `outside` counts those left out. Samples
 * are integers: bin b holds b .. b+w-1 and is drawn from b-0.5 to b+w-0.5.
 */
static int cell_data(const struct cell *c, const char *dir, FILE *index,
		     char *err, size_t len)
{
	char name[2 * NAME_MAX_LEN + 8], file[2 * NAME_MAX_LEN + 24];
	char b[8][NUM_LEN];
	double *x, lo, hi, r, w, xlo, xhi, mid, bin;
	size_t i, j, shown = 0, outside = 0, below = 0, count;
	FILE *f;

	x = malloc(c->n * sizeof(*x));
	if (!x) {
		snprintf(err, len, "out of memory");
		return -1;
	}
	memcpy(x, c->v, c->n * sizeof(*x));
	qsort(x, c->n, sizeof(*x), cmp_double);
	lo = x[0];
	hi = x[c->n - 1];
	r = c->st.p99 - c->st.p1 + 1;
	if (lo < c->st.p1 - r)
		lo = floor(c->st.p1 - r);
	if (hi > c->st.p99 + r)
		hi = ceil(c->st.p99 + r);
	w = bin_width(lo, hi);
	xlo = lo - 0.5 - w;
	xhi = hi + 0.5 + w;
	if (xhi - xlo < 10) {	/* one value: a bar, not a wall */
		mid = (lo + hi) / 2;
		xlo = mid - 5;
		xhi = mid + 5;
	}
	if (x[0] >= 0 && xlo < -0.5) {	/* no negative axis for counts */
		xhi += -0.5 - xlo;
		xlo = -0.5;
	}

	snprintf(name, sizeof(name), "%s-%s", c->stub, c->op);
	snprintf(file, sizeof(file), "cell-%s.dat", name);
	f = fopen_in(dir, file, "w", err, len);
	if (!f) {
		free(x);
		return -1;
	}
	for (i = 0; i < c->n; i = j) {
		bin = lo + w * floor((x[i] - lo) / w);
		for (j = i, count = 0; j < c->n && x[j] < bin + w; j++)
			count++;
		if (x[i] < lo || x[i] > hi) {
			outside += count;
			continue;
		}
		/* The last bin ends at hi. */
		for (; count && x[j - 1] > hi; j--)
			count--;
		shown += count;
		fprintf(f, "%s %zu\n", num_exact(b[0], bin + (w - 1) / 2), count);
	}
	fprintf(f, "\n\n");
	for (i = 0; i < c->n && x[i] <= xlo; i++)
		below++;
	fprintf(f, "%s %s\n", num_exact(b[0], xlo),
		num_exact(b[1], (double)below / (double)c->n));
	for (i = below; i < c->n && x[i] < xhi; i = j) {
		for (j = i; j < c->n && x[j] == x[i]; j++)
			;
		fprintf(f, "%s %s\n", num_exact(b[0], x[i]),
			num_exact(b[1], (double)j / (double)c->n));
	}
	/* At the right edge, the fraction up to it: samples beyond stay out. */
	fprintf(f, "%s %s\n", num_exact(b[0], xhi),
		num_exact(b[1], (double)i / (double)c->n));
	free(x);
	if (close_file(f, file, err, len))
		return -1;
	fprintf(index, "%s\t%s\t%s\t%zu\t%s\t%s\t%s\t%s\t%zu\t%zu\t%s\t%s\n",
		name, c->stub, c->op, c->n, num_exact(b[0], c->st.median),
		num_exact(b[1], w), num_exact(b[2], xlo), num_exact(b[3], xhi),
		shown, outside, num_exact(b[4], lo), num_exact(b[5], hi));
	return 0;
}

/*
 * A linear axis draws a median under 1/LOG_SPAN of the largest as a bar
 * a few pixels tall or less: then the bar chart's y axis is logarithmic
 * (no value below 0; a 0, which a log axis has not, is a bar of no
 * height at the frame, a whisker from 0 starts there).
 */
#define LOG_SPAN 100

static int log_scale(const struct results *r, double *bottom)
{
	double lo = INFINITY, hi = 0, least = INFINITY;
	size_t i;

	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];

		if (!cell_usable(c))
			continue;
		if (c->st.median < 0 || (!c->median_only && c->st.p1 < 0))
			return 0;
		/* A 0 stands at the frame (a bar of no height) and does not
		 * keep the small ones beside a large one from being seen. */
		if (c->st.median > 0) {
			lo = fmin(lo, c->st.median);
			hi = fmax(hi, c->st.median);
		}
		if (!c->median_only && c->st.p1 > 0)
			least = fmin(least, c->st.p1);
		if (c->st.median > 0)
			least = fmin(least, c->st.median);
	}
	if (!isfinite(least))
		return 0;
	/* Bars stand on the frame: a decade below the least value shown. */
	*bottom = pow(10, floor(log10(least)) - 1);
	return hi > lo * LOG_SPAN;
}

/* Whether every usable cell of r has its median only. */
static int all_median_only(const struct results *r)
{
	size_t i;
	int any = 0;

	for (i = 0; i < r->ncells; i++) {
		if (!cell_usable(&r->cells[i]))
			continue;
		if (!r->cells[i].median_only)
			return 0;
		any = 1;
	}
	return any;
}

int write_plot_data(const struct results *r, const char *dir, char *err,
		    size_t len)
{
	const char *stubs[MAX_NAMES], *ops[MAX_NAMES];
	int ns = results_names(r, 1, stubs), no = results_names(r, 0, ops), k;
	int log;
	double bottom = 0;
	char b[4][NUM_LEN];
	FILE *f, *cells;
	size_t i;

	if (!ns) {
		snprintf(err, len, "%s: no measured cell to plot", r->dir);
		return -1;
	}
	if (ns > PLOT_MAX_STUBS) {
		snprintf(err, len, "%s: %d stubs; the bar chart tells at most %d apart",
			 r->dir, ns, PLOT_MAX_STUBS);
		return -1;
	}
	log = log_scale(r, &bottom);
	f = fopen_in(dir, "labels", "w", err, len);
	if (!f)
		return -1;
	fprintf(f, "unit\t%s\naxis\t%s\nylabel\t%s per round trip%s\n",
		results_unit(r), unit_axis_label(results_unit(r)),
		unit_axis_label(results_unit(r)), log ? " (log scale)" : "");
	/* A run merged from several boards (hvcbench boards) bars boards. */
	if (meta_get(&r->meta, "boards") && meta_get(&r->meta, "stub"))
		fprintf(f, "title\tHVC round trip of %s per board", meta_get(&r->meta, "stub"));
	else
		fprintf(f, "title\tHVC round trip per ABI");
	fprintf(f, " (%s)\n", all_median_only(r) ?
		"median only, no whiskers: no other statistic was imported" :
		results_median_only(r) ?
		"median, whiskers p1..p99; no whisker on a median-only cell" :
		"median, whiskers p1..p99");
	fprintf(f, "yscale\t%s\nybottom\t%s\nops\t", log ? "log" : "linear",
		log ? num_exact(b[0], bottom) : "0");
	for (k = 0; k < no; k++)
		fprintf(f, "%s%s", k ? " " : "", ops[k]);
	fprintf(f, "\nstubs\t");
	for (k = 0; k < ns; k++)
		fprintf(f, "%s%s", k ? " " : "", stubs[k]);
	fprintf(f, "\n");
	if (close_file(f, "labels", err, len))
		return -1;

	f = fopen_in(dir, "bars.tsv", "w", err, len);
	if (!f)
		return -1;
	fprintf(f, "# opidx\tstubidx\top\tstub\tn\tmedian\tp1\tp99\n");
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];

		if (!cell_usable(c))
			continue;
		/* Median only (LAVA): no n, no whisker (gnuplot skips NaN). */
		fprintf(f, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n",
			index_of(ops, no, c->op), index_of(stubs, ns, c->stub),
			c->op, c->stub, c->median_only ? "NaN" : num_exact(b[3], (double)c->st.n),
			num_exact(b[0], c->st.median),
			c->median_only ? "NaN" : num_exact(b[1], c->st.p1),
			c->median_only ? "NaN" : num_exact(b[2], c->st.p99));
	}
	if (close_file(f, "bars.tsv", err, len))
		return -1;

	cells = fopen_in(dir, "cells.tsv", "w", err, len);
	if (!cells)
		return -1;
	for (i = 0; i < r->ncells; i++)
		if (cell_usable(&r->cells[i]) && r->cells[i].n &&
		    cell_data(&r->cells[i], dir, cells, err, len))
			return fclose(cells), -1;
	if (close_file(cells, "cells.tsv", err, len))
		return -1;

	f = fopen_in(dir, "bars.txt", "w", err, len);
	if (!f)
		return -1;
	fprintf(f, "HVC round trip per ABI: median, %s\n", unit_axis_label(results_unit(r)));
	fprintf(f, "(longest bar = largest median of its op)\n\n");
	print_text_chart(r, f);
	return close_file(f, "bars.txt", err, len);
}
