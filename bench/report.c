// SPDX-License-Identifier: GPL-2.0
/*
 * Reports. Every number printed here is a statistic of samples measured
 * by the module in the run that produced the results.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "report.h"

static const char *meta_or(const struct results *r, const char *key,
			   const char *dflt)
{
	const char *v = meta_get(&r->meta, key);

	return v && *v ? v : dflt;
}

static int exact(const struct results *r)
{
	return !strcmp(meta_or(r, "unit", ""), "insn");
}

void print_setup_line(const struct results *r, FILE *f)
{
	fprintf(f, "%s, %s (MIDR %s), kernel %s, cpu %s, %s samples/cell\n",
		meta_or(r, "machine", "unknown machine"),
		meta_or(r, "cpu_name", "?"), meta_or(r, "midr", "?"),
		meta_or(r, "kernel", "?"), meta_or(r, "cpu", "?"),
		meta_or(r, "samples", "?"));
	fprintf(f, "unit: %s%s; counter-read overhead %s subtracted\n",
		meta_or(r, "unit", "?"),
		exact(r) ? " (QEMU icount: instruction counts, not cycles)" :
			   " (PMU cycle counter)",
		meta_or(r, "overhead", "?"));
}

static void print_hist(const struct stats *s, FILE *f)
{
	size_t peak = 0;
	unsigned int b, w;

	for (b = 0; b < s->hist_bins; b++)
		if (s->hist[b] > peak)
			peak = s->hist[b];
	for (b = 0; b < s->hist_bins; b++) {
		if (!s->hist[b])
			continue;
		w = (unsigned int)((40 * s->hist[b] + peak - 1) / peak);
		fprintf(f, "    %10.1f .. %-10.1f %8zu %.*s\n",
			s->hist_lo + b * s->hist_width,
			s->hist_lo + (b + 1) * s->hist_width, s->hist[b], (int)w,
			"########################################");
	}
}

void print_table(const struct results *r, int hist, FILE *f)
{
	size_t i, na = 0;

	print_setup_line(r, f);
	fprintf(f, "\n%-9s %-12s %7s %7s %7s %7s %8s %7s %7s %7s %8s %6s\n",
		"stub", "op", "n", "min", "p1", "median", "mean", "p90", "p99",
		"max", "stddev", "MAD");
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		const struct stats *s = &c->st;

		if (!c->applicable || !c->n) {
			na++;
			continue;
		}
		fprintf(f, "%-9s %-12s %7zu %7g %7g %7g %8.2f %7g %7g %7g %8.2f %6g\n",
			c->stub, c->op, s->n, s->min, s->p1, s->median, s->mean,
			s->p90, s->p99, s->max, s->stddev, s->mad);
		if (hist)
			print_hist(s, f);
	}
	if (na)
		fprintf(f, "(%zu more cells are n/a: no such operation in that ABI)\n",
			na);
}

int diff_cells(const struct cell *a, const struct cell *b, struct diff *d)
{
	d->a = a;
	d->b = b;
	d->delta = b->st.median - a->st.median;
	return bootstrap_median_diff(a->v, a->n, b->v, b->n, BOOT_ROUNDS,
				     BOOT_SEED, &d->lo, &d->hi);
}

static const char *verdict(const struct diff *d)
{
	if (d->lo <= 0 && d->hi >= 0)
		return "no difference";
	return d->delta > 0 ? "slower" : "faster";
}

static void print_diff(const struct diff *d, const char *what, int csv,
		       FILE *f)
{
	if (csv)
		fprintf(f, "%s,%s,%s,%g,%g,%g,%g,%g,%s\n", d->a->op, what,
			d->b->stub, d->a->st.median, d->b->st.median, d->delta,
			d->lo, d->hi, verdict(d));
	else
		fprintf(f, "%-12s %-20s %8g %8g %+8g  [%+g, %+g]  %s\n",
			d->a->op, what, d->a->st.median, d->b->st.median,
			d->delta, d->lo, d->hi, verdict(d));
}

static void compare_header(int csv, const char *a, const char *b, FILE *f)
{
	if (csv)
		fprintf(f, "op,a,b,median_a,median_b,delta,ci_lo,ci_hi,verdict\n");
	else
		fprintf(f, "%-12s %-20s %8s %8s %8s  %s\n", "op", "comparison", a,
			b, "delta", "95% CI (bootstrap, median)");
}

static int usable(const struct cell *c)
{
	return c && c->applicable && c->n;
}

/* Per op, every stub against the reference stub, same run. */
int print_compare_stubs(const struct results *r, const char *ref, int csv,
			FILE *f)
{
	char what[80];
	struct diff d;
	size_t i, j;
	int shown = 0;

	compare_header(csv, ref, "stub", f);
	for (i = 0; i < r->ncells; i++) {
		const struct cell *a = &r->cells[i];

		if (strcmp(a->stub, ref) || !usable(a))
			continue;
		for (j = 0; j < r->ncells; j++) {
			const struct cell *b = &r->cells[j];

			if (b == a || strcmp(b->op, a->op) || !usable(b))
				continue;
			if (diff_cells(a, b, &d))
				return -1;
			snprintf(what, sizeof(what), "%s vs %s", b->stub, ref);
			print_diff(&d, csv ? a->stub : what, csv, f);
			shown++;
		}
	}
	return shown ? 0 : 1;
}

/* The same stub and op in two result sets (two boards, kernels, runs). */
int print_compare_dirs(const struct results *a, const struct results *b,
		       int csv, FILE *f)
{
	struct diff d;
	size_t i;
	int shown = 0;

	compare_header(csv, "A", "B", f);
	for (i = 0; i < a->ncells; i++) {
		const struct cell *ca = &a->cells[i];
		const struct cell *cb = results_cell((struct results *)b,
						     ca->stub, ca->op, 0);

		if (!usable(ca) || !usable(cb))
			continue;
		if (diff_cells(ca, cb, &d))
			return -1;
		print_diff(&d, ca->stub, csv, f);
		shown++;
	}
	if (!csv && strcmp(meta_or(a, "unit", "?"), meta_or(b, "unit", "?")))
		fprintf(f, "warning: the two runs count different units (%s, %s)\n",
			meta_or(a, "unit", "?"), meta_or(b, "unit", "?"));
	return shown ? 0 : 1;
}

/*
 * Plain text for an email: at most 72 columns, no tabs. One setup line, a
 * table of medians (stubs as columns), new vs old with delta and interval,
 * and a small bar chart.
 */
#define COLS 72

static const struct cell *find(const struct results *r, const char *stub,
			       const char *op)
{
	const struct cell *c = results_cell((struct results *)r, stub, op, 0);

	return usable(c) ? c : NULL;
}

/* Stub or op names with at least one measured cell, in the run's order. */
static int names_of(const struct results *r, int stubs,
		    const char *out[MAX_NAMES])
{
	int n = 0, k;
	size_t i;

	/* Cells are sorted stubs-major; ops need a pass per op rank. */
	for (i = 0; i < r->ncells && n < MAX_NAMES; i++) {
		const char *name = stubs ? r->cells[i].stub : r->cells[i].op;

		if (!usable(&r->cells[i]))
			continue;
		for (k = 0; k < n && strcmp(out[k], name); k++)
			;
		if (k == n)
			out[n++] = name;
	}
	if (!stubs) {
		const char *list = meta_get(&r->meta, "ops");
		const char *sorted[MAX_NAMES];
		int m = 0;

		for (const char *p = list; p && *p && m < n; ) {
			size_t len;

			while (*p == ' ')
				p++;
			len = strcspn(p, " ");
			for (k = 0; k < n; k++)
				if (strlen(out[k]) == len && !strncmp(out[k], p, len))
					sorted[m++] = out[k];
			p += len;
		}
		if (m == n)
			memcpy(out, sorted, (size_t)n * sizeof(*out));
	}
	return n;
}

static void setup_line(const struct results *r, FILE *f)
{
	char line[256];

	snprintf(line, sizeof(line), "%s, %s, %s samples/cell, unit %s",
		 meta_or(r, "cpu_name", "?"), meta_or(r, "kernel", "?"),
		 meta_or(r, "samples", "?"), meta_or(r, "unit", "?"));
	fprintf(f, "%s\n", line);
	snprintf(line, sizeof(line), "%s", meta_or(r, "machine", ""));
	if (*line)
		fprintf(f, "%s\n", line);
	if (exact(r))
		fprintf(f, "(QEMU -icount: instruction-path counts, not cycles)\n");
}

static void bar_chart(const struct results *r, const char *op,
		      const char *const *stubs, int n, double peak, FILE *f)
{
	int k, w, first = 1;

	for (k = 0; k < n; k++) {
		const struct cell *c = find(r, stubs[k], op);

		if (!c)
			continue;
		w = peak > 0 ? (int)lround(40.0 * c->st.median / peak) : 0;
		fprintf(f, "%-12s %-8s |%-40.*s %g\n", first ? op : "", stubs[k],
			w < 0 ? 0 : w,
			"########################################",
			c->st.median);
		first = 0;
	}
}

static const char *short_op(const char *op)
{
	if (!strcmp(op, "get_vectors"))
		return "get";
	if (!strcmp(op, "set_vectors"))
		return "set";
	return op;
}

/*
 * The pair the letter compares: with exactly two tree stubs (make
 * TREES="base=... patched=...") the second against the first, else new
 * against old. Returns 1 for trees.
 */
static int tree_pair(const struct results *r, char base[NAME_MAX_LEN],
		     char patched[NAME_MAX_LEN])
{
	char names[3][NAME_MAX_LEN];
	const char *trees = meta_get(&r->meta, "trees");
	char list[256];
	size_t i;

	strcpy(base, "old");
	strcpy(patched, "new");
	if (!trees || strlen(trees) >= sizeof(list))
		return 0;
	/* "trees" is space-separated; split_list() takes commas. */
	for (i = 0; trees[i]; i++)
		list[i] = trees[i] == ' ' ? ',' : trees[i];
	list[i] = '\0';
	if (split_list(list, names, 3) != 2)
		return 0;
	strcpy(base, names[0]);
	strcpy(patched, names[1]);
	return 1;
}

/* "tree NAME: PATH FILE VERSION" lines of the module's info. */
static void trees_named(const struct results *r, FILE *f)
{
	int i;

	fprintf(f, "\nStubs assembled from Linux trees:\n");
	for (i = 0; i < r->meta.count; i++)
		if (!strncmp(r->meta.key[i], "tree ", 5))
			fprintf(f, "  %s: %s\n", r->meta.key[i] + 5,
				r->meta.val[i]);
}

static int cover_one(const struct results *r, FILE *f)
{
	char base[NAME_MAX_LEN], patched[NAME_MAX_LEN];
	const char *stubs[MAX_NAMES], *ops[MAX_NAMES];
	int ns = names_of(r, 1, stubs), no = names_of(r, 0, ops), s, o;
	const struct cell *a, *b;
	double peak;
	struct diff d;

	setup_line(r, f);
	fprintf(f, "\nMedian cost of one HVC round trip, by stub ABI and op:\n\n");
	fprintf(f, "%-9s", "stub");
	for (o = 0; o < no; o++)
		fprintf(f, " %7.7s", short_op(ops[o]));
	fputc('\n', f);
	for (s = 0; s < ns; s++) {
		fprintf(f, "%-9.9s", stubs[s]);
		for (o = 0; o < no; o++) {
			a = find(r, stubs[s], ops[o]);
			if (a)
				fprintf(f, " %7g", a->st.median);
			else
				fprintf(f, " %7s", "-");
		}
		fputc('\n', f);
	}
	fprintf(f, "(get/set = get_vectors/set_vectors; - = no such call in that ABI)\n");
	if (tree_pair(r, base, patched))
		trees_named(r, f);
	fprintf(f, "\n%s vs %s (median delta, bootstrap 95%% interval):\n\n",
		patched, base);
	fprintf(f, "%-12s %8.8s %8.8s %8s  %s\n", "op", base, patched, "delta",
		"95% CI");
	for (o = 0; o < no; o++) {
		a = find(r, base, ops[o]);
		b = find(r, patched, ops[o]);
		if (!a || !b)
			continue;
		if (diff_cells(a, b, &d))
			return -1;
		fprintf(f, "%-12.12s %8g %8g %+8g  [%+g, %+g]%s\n", ops[o],
			a->st.median, b->st.median, d.delta, d.lo, d.hi,
			d.lo <= 0 && d.hi >= 0 ? " no difference" : "");
	}

	fprintf(f, "\nMedians (longest bar = largest in its op):\n\n");
	for (o = 0; o < no; o++) {
		peak = 0;
		for (s = 0; s < ns; s++) {
			a = find(r, stubs[s], ops[o]);
			if (a && a->st.median > peak)
				peak = a->st.median;
		}
		if (peak > 0)
			bar_chart(r, ops[o], stubs, ns, peak, f);
	}
	return 0;
}

static int cover_two(const struct results *a, const struct results *b,
		     FILE *f)
{
	struct diff d;
	size_t i;

	fprintf(f, "A: ");
	setup_line(a, f);
	fprintf(f, "B: ");
	setup_line(b, f);
	fprintf(f, "\nMedian per HVC round trip, B - A, bootstrap 95%% interval:\n\n");
	fprintf(f, "%-9s %-12s %7s %7s %7s  %s\n", "stub", "op", "A", "B",
		"delta", "95% CI");
	for (i = 0; i < a->ncells; i++) {
		const struct cell *ca = &a->cells[i];
		const struct cell *cb = find(b, ca->stub, ca->op);

		if (!usable(ca) || !cb)
			continue;
		if (diff_cells(ca, cb, &d))
			return -1;
		fprintf(f, "%-9.9s %-12.12s %7g %7g %+7g  [%+g, %+g]\n",
			ca->stub, ca->op, ca->st.median, cb->st.median, d.delta,
			d.lo, d.hi);
	}
	return 0;
}

/* Lines over COLS are broken at a space, continued with an indent. */
static void fold(const char *text, FILE *f)
{
	const char *p = text;

	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t room = COLS, cut;
		const char *indent = "";

		while (len > room) {
			for (cut = room; cut > 8 && p[cut] != ' '; cut--)
				;
			if (cut <= 8)
				cut = room;
			fprintf(f, "%s%.*s\n", indent, (int)cut, p);
			p += cut;
			len -= cut;
			while (len && *p == ' ') {
				p++;
				len--;
			}
			indent = "    ";
			room = COLS - 4;
		}
		fprintf(f, "%s%.*s\n", indent, (int)len, p);
		p += len;
		if (*p == '\n')
			p++;
	}
}

int print_cover_letter(const struct results *a, const struct results *b,
		       FILE *f)
{
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	int ret;

	if (!mem)
		return -1;
	ret = b ? cover_two(a, b, mem) : cover_one(a, mem);
	if (fclose(mem) || ret) {
		free(text);
		return -1;
	}
	fold(text, f);
	free(text);
	return 0;
}
