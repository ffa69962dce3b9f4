/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Runs of the same stubs on several boards, seen together: each board
 * named, units checked, and one stub's cells merged into a run whose
 * "stubs" are the boards, so that tables, plots and letters draw boards
 * as they draw stubs.
 */
#ifndef HVCB_BOARDS_H
#define HVCB_BOARDS_H

#include <stdio.h>
#include "results.h"

/* A table column each, beside the stub's (texttable's limit). */
#define MAX_BOARDS 15

struct boards {
	int n;
	struct results run[MAX_BOARDS];
	char name[MAX_BOARDS][NAME_MAX_LEN];
};

/*
 * Read n results directories. A board's name is the next of `names` (a
 * comma list, may be NULL), else meta.json's "board", else the
 * directory's own name if it is a name, else its platform and CPU (the
 * kernel's version added where two boards would share one). Units must agree unless force_units. 0, or -1
 * with the reason in err (and nothing to free).
 */
int boards_load(struct boards *b, char *const *dirs, int n, const char *names,
		int force_units, char *err, size_t len);
void boards_free(struct boards *b);

/*
 * stub's cells of every board that measured it, as one run whose stubs
 * are the boards; with units mixed (force), meta "unit" is MIXED_UNITS
 * and each cell keeps its board's unit.
 */
int boards_merge(const struct boards *b, const char *stub, struct results *out,
		 char *err, size_t len);

/* One line naming the boards boards_merge() leaves out (no usable cell
 * of stub), or "" when it leaves none out. */
void boards_left_out(const struct boards *b, const char *stub, char *msg,
		     size_t len);

/* Whether stub has a usable cell on every board (all), or on any. */
int boards_measured(const struct boards *b, const char *stub, int all);

/* The stub the letter charts: stub if given, else new, else the first
 * stub measured on every board; NULL if none is. */
const char *boards_chart_stub(const struct boards *b, const char *stub);

/* Per op, a table: a row per stub, a column per board (medians). */
int print_boards_compare(const struct boards *b, int csv, FILE *f);
/* The letter: the boards, the per-op tables, a chart of one stub. */
int print_boards_letter(const struct boards *b, const char *stub, FILE *f);

#endif
