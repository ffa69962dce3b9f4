// SPDX-License-Identifier: GPL-2.0
/*
 * Reports on several boards: per op, a table with a column per board, as
 * text or CSV, and the cover letter that shows them with a chart of one
 * stub. Every number is a median of a board's own results.
 */
#include <stdlib.h>
#include <string.h>
#include "boards.h"
#include "numfmt.h"
#include "report.h"
#include "texttable.h"

#define COLS 72		/* as report.c's letter */

/* Stubs with a usable cell of op on some board, board 0's order first. */
static int stubs_of_op(const struct boards *b, const char *op,
		       const char *out[MAX_NAMES])
{
	int k, s, j, n = 0;

	for (k = 0; k < b->n; k++) {
		const char *stubs[MAX_NAMES];
		int ns = results_names(&b->run[k], 1, stubs);

		for (s = 0; s < ns; s++) {
			if (!usable_cell(&b->run[k], stubs[s], op))
				continue;
			for (j = 0; j < n && strcmp(out[j], stubs[s]); j++)
				;
			if (j == n && n < MAX_NAMES)
				out[n++] = stubs[s];
		}
	}
	return n;
}

/* Ops with a usable cell on some board, board 0's order first. */
static int all_ops(const struct boards *b, const char *out[MAX_NAMES])
{
	int k, o, j, n = 0;

	for (k = 0; k < b->n; k++) {
		const char *ops[MAX_NAMES];
		int no = results_names(&b->run[k], 0, ops);

		for (o = 0; o < no; o++) {
			for (j = 0; j < n && strcmp(out[j], ops[o]); j++)
				;
			if (j == n && n < MAX_NAMES)
				out[n++] = ops[o];
		}
	}
	return n;
}

/* "-": the board's ABI has no such call; "?": not measured there. */
static const char *median_or_mark(const struct results *r, const char *stub,
				  const char *op, char buf[NUM_LEN])
{
	const struct cell *c = usable_cell(r, stub, op);
	struct cell *any = results_cell((struct results *)r, stub, op, 0);

	if (c)
		return num_short(buf, c->st.median);
	return any && !any->applicable ? "-" : "?";
}

static int op_table(const struct boards *b, const char *op, FILE *f)
{
	const char *stubs[MAX_NAMES], *row[TT_MAX_COLS];
	char align[TT_MAX_COLS + 1], v[MAX_BOARDS][NUM_LEN];
	int ns = stubs_of_op(b, op, stubs), s, k;
	struct texttable t;

	align[0] = 'l';
	for (k = 0; k < b->n; k++)
		align[k + 1] = 'r';
	align[b->n + 1] = '\0';
	tt_init(&t, align);
	row[0] = "stub";
	for (k = 0; k < b->n; k++)
		row[k + 1] = b->name[k];
	if (tt_row(&t, row))
		return -1;
	for (s = 0; s < ns; s++) {
		row[0] = stubs[s];
		for (k = 0; k < b->n; k++)
			row[k + 1] = median_or_mark(&b->run[k], stubs[s], op, v[k]);
		if (tt_row(&t, row))
			return tt_free(&t), -1;
	}
	fprintf(f, "%s:\n", op);
	tt_print(&t, 2, 1, COLS, f);
	tt_free(&t);
	return 0;
}

static const char *meta_or(const struct results *r, const char *key)
{
	const char *v = meta_get(&r->meta, key);

	return v && *v ? v : "?";
}

/* Each board: its directory, CPU, kernel, samples, machine; the unit. */
static void boards_named(const struct boards *b, FILE *f)
{
	int k, mixed = 0;

	for (k = 0; k < b->n; k++) {
		const struct results *r = &b->run[k];

		fprintf(f, "%s: %s\n    %s, kernel %s, %s samples/cell, %s\n", b->name[k],
			r->dir, meta_or(r, "cpu_name"), meta_or(r, "kernel"),
			meta_or(r, "samples"), results_unit(r));
		if (meta_get(&r->meta, "machine"))
			fprintf(f, "    %s\n", meta_or(r, "machine"));
		if (results_median_only(r))
			fprintf(f, "    median only: no other statistic was imported\n");
		mixed |= units_differ(&b->run[0], r);
	}
	if (mixed)
		fprintf(f, "\nUnits differ between boards (--force-units): see each board.\n");
	else
		fprintf(f, "\nunit: %s (%s)\n", results_unit(&b->run[0]),
			unit_note(results_unit(&b->run[0])));
}

static int compare_csv(const struct boards *b, FILE *f)
{
	const char *ops[MAX_NAMES], *stubs[MAX_NAMES];
	int no = all_ops(b, ops), ns, o, s, k;
	char n[NUM_LEN], m[NUM_LEN], p1[NUM_LEN], p99[NUM_LEN];

	fputs("op,stub,board,dir,unit,n,median,p1,p99\n", f);
	for (o = 0; o < no; o++) {
		ns = stubs_of_op(b, ops[o], stubs);
		for (s = 0; s < ns; s++)
			for (k = 0; k < b->n; k++) {
				const struct cell *c = usable_cell(&b->run[k], stubs[s], ops[o]);

				if (!c)
					continue;
				snprintf(n, sizeof(n), "%zu", c->st.n);
				fprintf(f, "%s,%s,%s,", ops[o], stubs[s], b->name[k]);
				csv_field(b->run[k].dir, f);
				/* A median-only cell (LAVA): n, p1, p99 left empty. */
				fprintf(f, ",%s,%s,%s,%s,%s\n", results_unit(&b->run[k]),
					c->median_only ? "" : n, num_exact(m, c->st.median),
					c->median_only ? "" : num_exact(p1, c->st.p1),
					c->median_only ? "" : num_exact(p99, c->st.p99));
			}
	}
	return 0;
}

int print_boards_compare(const struct boards *b, int csv, FILE *f)
{
	const char *ops[MAX_NAMES];
	int no = all_ops(b, ops), o;

	if (csv)
		return compare_csv(b, f);
	boards_named(b, f);
	fprintf(f, "\nMedian per HVC round trip, per op, a column per board:\n");
	for (o = 0; o < no; o++) {
		fputc('\n', f);
		if (op_table(b, ops[o], f))
			return -1;
	}
	fprintf(f, "\n(- = no such call in that ABI; ? = not measured on that board)\n");
	return 0;
}

static int letter(const struct boards *b, const char *stub, FILE *f)
{
	char err[256];
	struct results merged;
	int ret;

	fprintf(f, "HVC round trips on %d boards.\n\n", b->n);
	if (print_boards_compare(b, 0, f))
		return -1;
	stub = boards_chart_stub(b, stub);
	if (!stub)
		return 0;
	if (boards_merge(b, stub, &merged, err, sizeof(err)))
		return -1;
	fprintf(f, "\n%s on each board (longest bar = largest median of its op):\n\n",
		stub);
	ret = print_text_chart(&merged, f);
	results_free(&merged);
	return ret;
}

struct letter_args {
	const struct boards *b;
	const char *stub;
};

static int letter_write(const void *arg, FILE *mem)
{
	const struct letter_args *l = arg;

	return letter(l->b, l->stub, mem);
}

int print_boards_letter(const struct boards *b, const char *stub, FILE *f)
{
	const struct letter_args l = { .b = b, .stub = stub };

	return print_folded(letter_write, &l, f);
}
