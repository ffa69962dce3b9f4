// SPDX-License-Identifier: GPL-2.0
/*
 * Reports. Every number printed here is a statistic of samples measured
 * by the module in the run that produced the results. Tables size their
 * columns to their content (texttable.c); numbers never take exponent
 * notation (numfmt.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "numfmt.h"
#include "report.h"
#include "texttable.h"

#define COLS 72		/* the cover letter's width, and bars.txt's */
#define BAR 40		/* the longest bar of a text chart, room permitting */

static const char *meta_or(const struct results *r, const char *key,
			   const char *dflt)
{
	const char *v = meta_get(&r->meta, key);

	return v && *v ? v : dflt;
}

/* What a unit (kmod/facts.h) is, once, for every output that names it. */
static const char *const unit_names[HVCB_NR_UNITS] = HVCB_UNIT_NAMES;
static const struct {
	const char *axis, *note;
} units[HVCB_NR_UNITS] = {
	[HVCB_UNIT_INSN] = { "instructions (QEMU icount, not cycles)",
		"QEMU -icount: instruction-path counts, not cycles" },
	[HVCB_UNIT_QEMU_NS] = { "ns of QEMU virtual time (no icount, not cycles)",
		"QEMU without -icount: ns of host-timed virtual time, not cycles" },
	[HVCB_UNIT_CYCLES] = { "CPU cycles", "PMU cycle counter: CPU cycles" },
};
/* Boards set side by side with --force-units: each in its own unit. */
static const char mixed_axis[] = "mixed units (each board's own, in summary.csv)";
static const char mixed_note[] =
	"mixed units (--force-units): each board counts in its own";

const char *unit_axis_label(const char *unit)
{
	size_t i;

	if (!strcmp(unit, MIXED_UNITS))
		return mixed_axis;
	for (i = 0; i < HVCB_NR_UNITS; i++)
		if (!strcmp(unit_names[i], unit))
			return units[i].axis;
	return unit;
}

const char *unit_note(const char *unit)
{
	size_t i;

	if (!strcmp(unit, MIXED_UNITS))
		return mixed_note;
	for (i = 0; i < HVCB_NR_UNITS; i++)
		if (!strcmp(unit_names[i], unit))
			return units[i].note;
	return "unit unknown";
}

int results_median_only(const struct results *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (cell_usable(&r->cells[i]) && r->cells[i].median_only)
			return 1;
	return 0;
}

/* What ran the measurement: the architecture and what held HYP/EL2. */
static const char *run_arch(const struct results *r)
{
	return meta_or(r, "arch", "arm");
}

static const char *run_el2(const struct results *r)
{
	return meta_or(r, "el2", "stub");
}

/*
 * Two runs differ when they count different units, or ran on different
 * architectures or with something else holding HYP/EL2 (a hyp stub's
 * round trip and KVM's host call are not one quantity). Results without
 * the keys are 32-bit runs through the hyp stub.
 */
int units_differ(const struct results *a, const struct results *b)
{
	return strcmp(results_unit(a), results_unit(b)) ||
	       strcmp(run_arch(a), run_arch(b)) || strcmp(run_el2(a), run_el2(b));
}

/* "A counts insn (arm64, EL2 stub), B counts ...": for the refusal line. */
void runs_describe(const struct results *a, const char *da,
		   const struct results *b, const char *db,
		   char *buf, size_t len)
{
	snprintf(buf, len, "%s counts %s (%s, EL2 %s), %s counts %s (%s, EL2 %s)",
		 da, results_unit(a), run_arch(a), run_el2(a),
		 db, results_unit(b), run_arch(b), run_el2(b));
}

/*
 * Beyond 32-bit ARM through the hyp stub (whose results need not record
 * it), which architecture and what held EL2: "arm64, EL2 held by nvhe".
 */
void print_el2_line(const struct results *r, FILE *f)
{
	if (strcmp(run_arch(r), "arm") || strcmp(run_el2(r), "stub"))
		fprintf(f, "%s, EL2 held by %s\n", run_arch(r), run_el2(r));
}

void print_setup_line(const struct results *r, FILE *f)
{
	fprintf(f, "%s, %s (MIDR %s), kernel %s, cpu %s, %s samples/cell\n",
		meta_or(r, "machine", "unknown machine"),
		meta_or(r, "cpu_name", "?"), meta_or(r, "midr", "?"),
		meta_or(r, "kernel", "?"), meta_or(r, "cpu", "?"),
		meta_or(r, "samples", "?"));
	fprintf(f, "unit: %s (%s); counter-read overhead %s subtracted\n",
		results_unit(r), unit_note(results_unit(r)),
		meta_or(r, "overhead", "?"));
	print_el2_line(r, f);
}

static void print_hist(const struct stats *s, FILE *f)
{
	char lo[NUM_LEN], hi[NUM_LEN];
	size_t peak = 0;
	unsigned int b, w;

	for (b = 0; b < s->hist_bins; b++)
		if (s->hist[b] > peak)
			peak = s->hist[b];
	for (b = 0; b < s->hist_bins; b++) {
		if (!s->hist[b])
			continue;
		w = (unsigned int)((BAR * s->hist[b] + peak - 1) / peak);
		fprintf(f, "    %10s .. %-10s %8zu %.*s\n",
			num_short(lo, s->hist_lo + b * s->hist_width),
			num_short(hi, s->hist_lo + (b + 1) * s->hist_width),
			s->hist[b], (int)w,
			"########################################");
	}
}

/* One row of the statistics table. */
/* Two decimals, as the table's mean and stddev columns show them. */
static void fixed2(char buf[NUM_LEN], double v)
{
	snprintf(buf, NUM_LEN, "%.2f", v);
	if (!strcmp(buf, "-0.00"))
		strcpy(buf, "0.00");
}

static int stats_row(struct texttable *t, const struct cell *c)
{
	const struct stats *s = &c->st;
	char b[12][NUM_LEN];
	const char *row[12] = { c->stub, c->op, b[2],
		num_short(b[3], s->min), num_short(b[4], s->p1),
		num_short(b[5], s->median), b[6], num_short(b[7], s->p90),
		num_short(b[8], s->p99), num_short(b[9], s->max), b[10],
		num_short(b[11], s->mad) };

	snprintf(b[2], NUM_LEN, "%zu", s->n);
	fixed2(b[6], s->mean);
	fixed2(b[10], s->stddev);
	if (c->median_only)	/* nothing but the median is known */
		for (int k = 2; k < 12; k++)
			if (k != 5)
				row[k] = "?";
	return tt_row(t, row);
}

int print_table(const struct results *r, int hist, FILE *f)
{
	static const char *const head[] = {
		"stub", "op", "n", "min", "p1", "median", "mean", "p90", "p99",
		"max", "stddev", "MAD",
	};
	struct texttable t;
	size_t i, na = 0, row = 1;

	print_setup_line(r, f);
	fputc('\n', f);
	tt_init(&t, "llrrrrrrrrrr");
	if (tt_row(&t, head))
		return -1;
	for (i = 0; i < r->ncells; i++) {
		if (!cell_usable(&r->cells[i]))
			na++;
		else if (stats_row(&t, &r->cells[i]))
			return tt_free(&t), -1;
	}
	if (!hist) {
		tt_print(&t, 0, 0, 0, f);
	} else {
		tt_print_row(&t, 0, f);
		for (i = 0; i < r->ncells; i++) {
			if (!cell_usable(&r->cells[i]))
				continue;
			tt_print_row(&t, row++, f);
			print_hist(&r->cells[i].st, f);
		}
	}
	tt_free(&t);
	if (na)
		fprintf(f, "(%zu more cells are n/a: no such operation in that ABI)\n",
			na);
	fprintf(f, "(percentiles: linear interpolation between ranks, type 7; stddev: sample, n-1; MAD: unscaled)\n");
	return 0;
}

int diff_cells(const struct cell *a, const struct cell *b, struct diff *d)
{
	d->a = a;
	d->b = b;
	d->delta = b->st.median - a->st.median;
	if (!a->n || !b->n) {	/* a summary without samples: no interval */
		d->lo = d->hi = NAN;
		return 0;
	}
	return bootstrap_median_diff(a->v, a->n, b->v, b->n, BOOT_ROUNDS,
				     BOOT_SEED, &d->lo, &d->hi);
}

static const char *verdict(const struct diff *d)
{
	if (isnan(d->lo))
		return "no interval: no samples";
	if (d->lo <= 0 && d->hi >= 0)
		return "no difference";
	return d->lo > 0 ? "slower" : "faster";
}

static const char *interval(char buf[2 * NUM_LEN + 8], const struct diff *d)
{
	char lo[NUM_LEN], hi[NUM_LEN];

	if (isnan(d->lo))
		return "-";
	snprintf(buf, 2 * NUM_LEN + 8, "[%s, %s]", num_signed(lo, d->lo),
		 num_signed(hi, d->hi));
	return buf;
}

/* One CSV field: quoted (RFC 4180) when it holds a comma, quote or newline. */
void csv_field(const char *s, FILE *f)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/*
 * A comparison row after `nn` leading names: CSV straight out (names
 * comma-joined), else a table row.
 */
static const char *delta_text(char buf[NUM_LEN], const struct diff *d,
			      int mixed);

static int diff_row(const struct diff *d, const char *const *names, int nn,
		    struct texttable *t, FILE *csv, int mixed)
{
	char b[5][NUM_LEN], ci[2 * NUM_LEN + 8];
	const char *row[TT_MAX_COLS];
	int k;

	if (csv) {
		for (k = 0; k < nn; k++) {
			csv_field(names[k], csv);
			fputc(',', csv);
		}
		fprintf(csv, "%s,%s,%s,%s,%s,%s\n",
			num_exact(b[0], d->a->st.median),
			num_exact(b[1], d->b->st.median),
			num_exact(b[2], d->delta),
			isnan(d->lo) ? "" : num_exact(b[3], d->lo),
			isnan(d->hi) ? "" : num_exact(b[4], d->hi), verdict(d));
		return 0;
	}
	for (k = 0; k < nn; k++)
		row[k] = names[k];
	row[k++] = num_short(b[0], d->a->st.median);
	row[k++] = num_short(b[1], d->b->st.median);
	row[k++] = delta_text(b[2], d, mixed);
	row[k++] = interval(ci, d);
	row[k] = verdict(d);
	return tt_row(t, row);
}

/* Per op, every stub against the reference stub, same run. */
int print_compare_stubs(const struct results *r, const char *ref, int csv,
			FILE *f)
{
	const char *head[] = { "op", "comparison", ref, "stub", "delta",
			       "95% CI (bootstrap, median)", "" };
	char what[2 * NAME_MAX_LEN + 8];
	struct texttable t;
	struct diff d;
	size_t i, j;
	int shown = 0, ret = 0;

	tt_init(&t, "llrrrll");
	if (csv)
		fprintf(f, "op,a,b,median_a,median_b,delta,ci_lo,ci_hi,verdict\n");
	else if (tt_row(&t, head))
		return -1;
	for (i = 0; i < r->ncells && !ret; i++) {
		const struct cell *a = &r->cells[i];

		if (strcmp(a->stub, ref) || !cell_usable(a))
			continue;
		for (j = 0; j < r->ncells && !ret; j++) {
			const struct cell *b = &r->cells[j];

			if (b == a || strcmp(b->op, a->op) || !cell_usable(b))
				continue;
			const char *csv_names[] = { a->op, a->stub, b->stub };
			const char *names[] = { a->op, what };

			snprintf(what, sizeof(what), "%s vs %s", b->stub, ref);
			ret = diff_cells(a, b, &d) ||
			      (csv ? diff_row(&d, csv_names, 3, NULL, f, 0) :
				     diff_row(&d, names, 2, &t, NULL, 0));
			shown++;
		}
	}
	if (!csv && !ret && shown) {
		fprintf(f, "unit: %s (%s)\n\n", results_unit(r),
			unit_note(results_unit(r)));
		tt_print(&t, 0, 0, 0, f);
	}
	tt_free(&t);
	return ret ? -1 : shown ? 0 : 1;
}

/* The delta, marked '*' when A and B count different units. */
static const char *delta_text(char buf[NUM_LEN], const struct diff *d,
			      int mixed)
{
	char v[NUM_LEN];

	num_signed(v, d->delta);
	snprintf(buf, NUM_LEN, "%.*s%s", NUM_LEN - 2, v, mixed ? "*" : "");
	return buf;
}

/* Stubs (or single cells) measured in one run only, left out: said. */
static int one_side_only(const struct results *a, const struct results *b,
			 FILE *f)
{
	const struct results *run[2] = { a, b };
	int k, shown;
	size_t i;

	for (k = 0; k < 2; k++) {
		const struct results *x = run[k], *y = run[!k];

		shown = 0;
		for (i = 0; i < x->ncells; i++) {
			const struct cell *c = &x->cells[i];

			if (!cell_usable(c) || usable_cell(y, c->stub, c->op))
				continue;
			fprintf(f, "%s %s/%s", shown++ ? "," : k ? "(only in B, left out:" :
				"(only in A, left out:", c->stub, c->op);
		}
		if (shown)
			fprintf(f, ")\n");
	}
	return 0;
}

/* The same stub and op in two result sets (two boards, kernels, runs). */
int print_compare_dirs(const struct results *a, const struct results *b,
		       int csv, FILE *f)
{
	static const char *const head[] = { "op", "stub", "A", "B", "delta",
					    "95% CI (bootstrap, median)", "" };
	struct texttable t;
	struct diff d;
	size_t i;
	int shown = 0, ret = 0;

	tt_init(&t, "llrrrll");
	if (csv)
		fprintf(f, "op,stub,run_a,run_b,median_a,median_b,delta,ci_lo,ci_hi,verdict\n");
	else if (tt_row(&t, head))
		return -1;
	for (i = 0; i < a->ncells && !ret; i++) {
		const struct cell *ca = &a->cells[i];
		const struct cell *cb = results_cell((struct results *)b,
						     ca->stub, ca->op, 0);
		const char *names[] = { ca->op, ca->stub, a->dir, b->dir };

		if (!cell_usable(ca) || !cell_usable(cb))
			continue;
		ret = diff_cells(ca, cb, &d) ||
		      diff_row(&d, names, csv ? 4 : 2, &t, csv ? f : NULL,
			       units_differ(a, b));
		shown++;
	}
	if (!csv && !ret && shown) {
		fprintf(f, "A: %s\nB: %s\n", a->dir, b->dir);
		if (strcmp(results_unit(a), results_unit(b)))
			fprintf(f, "unit: A %s, B %s (* a delta of different units, --force-units)\n",
				results_unit(a), results_unit(b));
		else
			fprintf(f, "unit: %s (%s)\n", results_unit(a),
				unit_note(results_unit(a)));
		/* Set side by side anyway (--force-units): say what differs. */
		if (units_differ(a, b)) {
			char what[1024];

			runs_describe(a, "A", b, "B", what, sizeof(what));
			fprintf(f, "(not alike: %s)\n", what);
		}
		fputc('\n', f);
		tt_print(&t, 0, 0, 0, f);
		one_side_only(a, b, f);
	}
	tt_free(&t);
	return ret ? -1 : shown ? 0 : 1;
}

/*
 * Plain text for an email: at most 72 columns, no tabs. One setup line, a
 * table of medians (stubs as rows), a comparison with delta and interval,
 * and a text bar chart.
 */
const struct cell *usable_cell(const struct results *r, const char *stub,
			       const char *op)
{
	const struct cell *c = results_cell((struct results *)r, stub, op, 0);

	return cell_usable(c) ? c : NULL;
}

/* Stub or op names with at least one usable cell, in the results' order. */
int results_names(const struct results *r, int stubs,
		  const char *out[MAX_NAMES])
{
	const char *seen[MAX_NAMES];
	int n = 0, k, rank[MAX_NAMES];
	size_t i;

	/* Cells are sorted stubs-major: stubs come in order; ops need ranks. */
	for (i = 0; i < r->ncells && n < MAX_NAMES; i++) {
		const char *name = stubs ? r->cells[i].stub : r->cells[i].op;

		if (!cell_usable(&r->cells[i]))
			continue;
		for (k = 0; k < n && strcmp(seen[k], name); k++)
			;
		if (k < n)
			continue;
		seen[n] = name;
		rank[n++] = stubs ? 0 : r->cells[i].op_rank;
	}
	/*
	 * Ops in results_sort()'s order: listed ones in the module's order,
	 * the rest in order of first appearance in the files.
	 */
	for (i = 0, k = 0; (int)i < n; i++)
		out[i] = seen[i];
	for (i = 1; (int)i < n; i++) {
		const char *name = out[i];
		int rk = rank[i];

		for (k = (int)i; k > 0 && rank[k - 1] > rk; k--) {
			out[k] = out[k - 1];
			rank[k] = rank[k - 1];
		}
		out[k] = name;
		rank[k] = rk;
	}
	return n;
}

/* "N samples/cell", or what is known of it; NULL when nothing is. */
static const char *samples_text(const struct results *r, char *buf, size_t len)
{
	const char *n = meta_get(&r->meta, "samples");

	if (!n || !*n)
		return NULL;
	if (!strcmp(n, "varies"))
		return "samples per cell differ";
	snprintf(buf, len, "%s samples/cell", n);
	return buf;
}

/* The run's first line: what is known of it, nothing made up. */
static void setup_first(const struct results *r, const char *indent, FILE *f)
{
	const char *part[5], *boards = meta_get(&r->meta, "boards");
	const char *stub = meta_get(&r->meta, "stub");
	char buf[NAME_MAX_LEN + 64], nb[64];
	int n = 0, k;

	if (boards && stub) {	/* hvcbench boards: a stub on several boards */
		snprintf(buf, sizeof(buf), "%s on each board (hvcbench boards)", stub);
		part[n++] = buf;
	}
	if (*meta_or(r, "cpu_name", ""))
		part[n++] = meta_or(r, "cpu_name", "");
	if (*meta_or(r, "kernel", ""))
		part[n++] = meta_or(r, "kernel", "");
	if (samples_text(r, nb, sizeof(nb)))
		part[n++] = samples_text(r, nb, sizeof(nb));
	fputs(indent, f);
	for (k = 0; k < n; k++)
		fprintf(f, "%s, ", part[k]);
	fprintf(f, "unit %s\n", results_unit(r));
}

void setup_line(const struct results *r, FILE *f)
{
	setup_first(r, "", f);
	if (*meta_or(r, "machine", ""))
		fprintf(f, "%s\n", meta_or(r, "machine", ""));
	print_el2_line(r, f);
	fprintf(f, "(%s)\n", unit_note(results_unit(r)));
	if (results_median_only(r))
		fprintf(f, "(median only: no other statistic was imported)\n");
}

/* get_vectors and set_vectors as get and set: the name up to its '_'. */
static const char *short_op(const char *op)
{
	static const char *const ops[HVCB_NR_OPS] = HVCB_OP_NAMES;

	if (!strcmp(op, ops[HVCB_OP_GET]))
		return "get";
	if (!strcmp(op, ops[HVCB_OP_SET]))
		return "set";
	return op;
}

static int max_len(const char *const *names, int n)
{
	int k, w = 0;

	for (k = 0; k < n; k++)
		if ((int)strlen(names[k]) > w)
			w = (int)strlen(names[k]);
	return w;
}

/*
 * The text chart: per op, one bar per stub, longest bar = largest median
 * of that op. "op  stub  |#####     median", at most 72 columns.
 */
int print_text_chart(const struct results *r, FILE *f)
{
	const char *stubs[MAX_NAMES], *ops[MAX_NAMES];
	int ns = results_names(r, 1, stubs), no = results_names(r, 0, ops);
	int opw = max_len(ops, no), stw = max_len(stubs, ns), valw = 1;
	int s, o, w, bar, first;
	char v[NUM_LEN];
	const struct cell *c;
	double peak;

	for (s = 0; s < ns; s++)
		for (o = 0; o < no; o++)
			if ((c = usable_cell(r, stubs[s], ops[o])) &&
			    (int)strlen(num_short(v, c->st.median)) > valw)
				valw = (int)strlen(v);
	bar = COLS - (opw + 2 + stw + 2 + 1 + 1 + valw);
	if (bar > BAR)
		bar = BAR;
	if (bar < 10)
		bar = 10;
	for (o = 0; o < no; o++) {
		peak = 0;
		for (s = 0; s < ns; s++)
			if ((c = usable_cell(r, stubs[s], ops[o])) && c->st.median > peak)
				peak = c->st.median;
		for (s = 0, first = 1; s < ns; s++) {
			c = usable_cell(r, stubs[s], ops[o]);
			if (!c)
				continue;
			w = peak > 0 ? (int)lround(bar * c->st.median / peak) : 0;
			w = w < 0 ? 0 : w;
			fprintf(f, "%-*s  %-*s  |%.*s%*s %*s\n", opw,
				first ? ops[o] : "", stw, stubs[s], w,
				"##################################################################",
				bar - w, "", valw, num_short(v, c->st.median));
			first = 0;
		}
	}
	return 0;
}

/*
 * The letter's medians, a row per stub: "-" where the ABI has no such
 * call (an n/a cell), "?" where the cell was not measured or imported;
 * the line under it says which marks mean what.
 */
static int medians_table(const struct results *r, FILE *f)
{
	const char *stubs[MAX_NAMES], *ops[MAX_NAMES], *row[TT_MAX_COLS];
	int ns = results_names(r, 1, stubs), no = results_names(r, 0, ops);
	char b[TT_MAX_COLS][NUM_LEN];
	struct texttable t;
	const struct cell *c, *any;
	int s, o, dash = 0, query = 0;

	if (no > TT_MAX_COLS - 1)
		no = TT_MAX_COLS - 1;
	snprintf(b[0], NUM_LEN, "l%.*s", no, "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr");
	tt_init(&t, b[0]);
	row[0] = "stub";
	for (o = 0; o < no; o++)
		row[o + 1] = short_op(ops[o]);
	if (tt_row(&t, row))
		return -1;
	for (s = 0; s < ns; s++) {
		row[0] = stubs[s];
		for (o = 0; o < no; o++) {
			c = usable_cell(r, stubs[s], ops[o]);
			any = results_cell((struct results *)r, stubs[s], ops[o], 0);
			if (c)
				row[o + 1] = num_short(b[o + 1], c->st.median);
			else if (any && !any->applicable)
				row[o + 1] = (dash = 1, "-");
			else
				row[o + 1] = (query = 1, "?");
		}
		if (tt_row(&t, row))
			return tt_free(&t), -1;
	}
	tt_print(&t, 0, 1, COLS, f);
	tt_free(&t);
	fprintf(f, "(get/set = get_vectors/set_vectors%s%s)\n",
		dash ? "; - = no such call in that ABI" : "",
		query ? "; ? = not measured, or not imported" : "");
	return 0;
}

/* Per op, stub B against stub A of the same run. */
static int letter_compare(const struct results *r, const char *ref,
			  const char *stub, FILE *f)
{
	const char *ops[MAX_NAMES], *head[] = { "op", ref, stub, "delta",
						"95% CI", "" };
	int no = results_names(r, 0, ops), o, shown = 0;
	const struct cell *a, *b;
	struct texttable t;
	struct diff d;

	tt_init(&t, "lrrrll");
	if (tt_row(&t, head))
		return -1;
	for (o = 0; o < no; o++) {
		a = usable_cell(r, ref, ops[o]);
		b = usable_cell(r, stub, ops[o]);
		if (!a || !b)
			continue;
		if (diff_cells(a, b, &d) || diff_row(&d, &ops[o], 1, &t, NULL, 0))
			return tt_free(&t), -1;
		shown++;
	}
	if (shown) {
		fprintf(f, "\n%s vs %s (median delta in %s, bootstrap 95%% interval):\n\n",
			stub, ref, results_unit(r));
		tt_print(&t, 0, 1, COLS, f);
	}
	tt_free(&t);
	return 0;
}

/*
 * The pair the letter compares when the user names none: with exactly two
 * stubs of role tree (make TREES="base=... patched=...") the second
 * against the first, else the proposed stub against the reference; where
 * a run lacks one, its first stub for the reference and the first other
 * for the proposed.
 */
static void default_pair(const struct results *r, char ref[NAME_MAX_LEN],
			 char stub[NAME_MAX_LEN])
{
	const char *t0 = results_stub_with_role(r, HVCB_ROLE_TREE, 0);
	const char *t1 = results_stub_with_role(r, HVCB_ROLE_TREE, 1);
	const char *rs = results_stub_with_role(r, HVCB_ROLE_REFERENCE, 0);
	const char *ps = results_stub_with_role(r, HVCB_ROLE_PROPOSED, 0);
	const char *stubs[MAX_NAMES];
	int ns = results_names(r, 1, stubs);
	int k;

	if (t1 && !results_stub_with_role(r, HVCB_ROLE_TREE, 2)) {
		rs = t0;
		ps = t1;
	}
	if (!rs)
		rs = ns ? stubs[0] : "";
	if (ps && !strcmp(ps, rs))
		ps = NULL;
	for (k = 0; !ps && k < ns; k++)
		if (strcmp(stubs[k], rs))
			ps = stubs[k];
	snprintf(ref, NAME_MAX_LEN, "%s", rs);
	snprintf(stub, NAME_MAX_LEN, "%s", ps ? ps : "");
}

/* The module's "tree NAME: PATH FILE VERSION" lines, if any. */
static void trees_named(const struct results *r, FILE *f)
{
	int i, shown = 0;

	for (i = 0; i < r->meta.count; i++) {
		if (strncmp(r->meta.key[i], "tree ", 5))
			continue;
		if (!shown++)
			fprintf(f, "\nStubs assembled from Linux trees:\n");
		fprintf(f, "  %s: %s\n", r->meta.key[i] + 5, r->meta.val[i]);
	}
}

static int cover_one(const struct results *r, const char *ref,
		     const char *stub, FILE *f)
{
	char dref[NAME_MAX_LEN], dstub[NAME_MAX_LEN];
	const char *stubs[MAX_NAMES];
	int ns = results_names(r, 1, stubs), k;

	default_pair(r, dref, dstub);
	/* --ref alone: against the default stub, or the first other one. */
	if (ref && !stub && !strcmp(ref, dstub))
		for (k = 0; k < ns; k++)
			if (strcmp(stubs[k], ref)) {
				stub = stubs[k];
				break;
			}
	setup_line(r, f);
	fprintf(f, "\nMedian cost of one HVC round trip in %s, by stub ABI and op:\n\n",
		results_unit(r));
	if (medians_table(r, f))
		return -1;
	trees_named(r, f);
	if (letter_compare(r, ref ? ref : dref, stub ? stub : dstub, f))
		return -1;
	fprintf(f, "\nMedians (longest bar = largest median of its op):\n\n");
	return print_text_chart(r, f);
}

/* A run named in the two-run letter: every line of it indented. */
static void run_named(const char *tag, const struct results *r, int note,
		      FILE *f)
{
	fprintf(f, "%s: %s\n", tag, r->dir);
	setup_first(r, "   ", f);
	if (*meta_or(r, "machine", ""))
		fprintf(f, "   %s\n", meta_or(r, "machine", ""));
	if (strcmp(run_arch(r), "arm") || strcmp(run_el2(r), "stub"))
		fprintf(f, "   %s, EL2 held by %s\n", run_arch(r), run_el2(r));
	if (note)
		fprintf(f, "   (%s)\n", unit_note(results_unit(r)));
	if (results_median_only(r))
		fprintf(f, "   (median only: no other statistic was imported)\n");
}

static int cover_two(const struct results *a, const struct results *b,
		     FILE *f)
{
	static const char *const head[] = { "stub", "op", "A", "B", "delta",
					    "", "95% CI" };
	/* mixed: not alike (unit, architecture or EL2 holder), forced */
	int mixed = units_differ(a, b), ret;
	int units_mixed = strcmp(results_unit(a), results_unit(b)) != 0;
	struct texttable t;
	struct diff d;
	size_t i;

	run_named("A", a, units_mixed, f);
	run_named("B", b, units_mixed, f);
	if (!units_mixed)
		fprintf(f, "(%s)\n", unit_note(results_unit(a)));
	fprintf(f, "\nMedian per HVC round trip in %s, B - A, bootstrap 95%% interval:\n\n",
		units_mixed ? "mixed units" : results_unit(a));
	/* The verdict before the interval: a wide interval folds into a
	 * block of its own, the verdict stays on its row. */
	tt_init(&t, "llrrrll");
	if (tt_row(&t, head))
		return -1;
	for (i = 0; i < a->ncells; i++) {
		const struct cell *ca = &a->cells[i];
		const struct cell *cb = usable_cell(b, ca->stub, ca->op);
		char m[5][NUM_LEN], ci[2 * NUM_LEN + 8];

		if (!cell_usable(ca) || !cb)
			continue;
		if (diff_cells(ca, cb, &d))
			return tt_free(&t), -1;
		const char *row[] = { ca->stub, ca->op, num_short(m[0], ca->st.median),
				      num_short(m[1], cb->st.median),
				      delta_text(m[2], &d, mixed), verdict(&d),
				      interval(ci, &d) };

		if (tt_row(&t, row))
			return tt_free(&t), -1;
	}
	tt_print(&t, 0, 2, COLS, f);
	tt_free(&t);
	if (units_mixed) {
		fprintf(f, "(* A counts %s, B counts %s: the delta subtracts different units, --force-units)\n",
			results_unit(a), results_unit(b));
	} else if (mixed) {
		char what[1024];

		runs_describe(a, "A", b, "B", what, sizeof(what));
		fprintf(f, "(* not alike: %s; --force-units)\n", what);
	}
	ret = one_side_only(a, b, f);
	return ret;
}

/*
 * Lines over COLS are broken at a space (else after a '/' of a path,
 * never inside a word while either is there), continued with an indent.
 * A tab or other control character that came with a name is a space:
 * the letter has none.
 */
static void fold_text(const char *text, FILE *f)
{
	char *copy = strdup(text), *q;
	const char *p;

	if (!copy)
		return;
	for (q = copy; *q; q++)
		if ((unsigned char)*q < 0x20 && *q != '\n')
			*q = ' ';
	p = copy;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t room = COLS, cut;
		const char *indent = "";

		while (len > room) {
			/* Not before a short "(...)": it stays with its word. */
			for (cut = room; cut > 8 && (p[cut] != ' ' ||
			     (p[cut + 1] == '(' && strcspn(p + cut + 1, " \n") <= 12));
			     cut--)
				;
			if (cut <= 8) {	/* one long word: after a '/' in it */
				for (cut = room; cut > 8 && p[cut - 1] != '/'; cut--)
					;
				if (cut <= 8)
					cut = room;
			}
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
	free(copy);
}

int print_folded(int (*write)(const void *arg, FILE *mem), const void *arg,
		 FILE *f)
{
	char *text = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&text, &size);
	int ret;

	if (!mem)
		return -1;
	ret = write(arg, mem);
	if (fclose(mem) || ret) {
		free(text);
		return -1;
	}
	fold_text(text, f);
	free(text);
	return 0;
}

struct cover_args {
	const struct results *a, *b;
	const char *ref, *stub;
};

static int cover_write(const void *arg, FILE *mem)
{
	const struct cover_args *c = arg;

	return c->b ? cover_two(c->a, c->b, mem) :
		      cover_one(c->a, c->ref, c->stub, mem);
}

int print_cover_letter(const struct results *a, const struct results *b,
		       const char *ref, const char *stub, FILE *f)
{
	const struct cover_args c = { .a = a, .b = b, .ref = ref, .stub = stub };

	return print_folded(cover_write, &c, f);
}
