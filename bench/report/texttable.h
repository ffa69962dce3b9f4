/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Aligned plain-text tables: columns as wide as their widest cell, so a
 * large number widens its column instead of pushing the row out of line.
 */
#ifndef HVCB_TEXTTABLE_H
#define HVCB_TEXTTABLE_H

#include <stdio.h>

#define TT_MAX_COLS 16
#define TT_CELL 48

struct texttable {
	int ncols;
	char align[TT_MAX_COLS];	/* 'l' or 'r' */
	size_t nrows, cap;
	char (*cell)[TT_MAX_COLS][TT_CELL];
};

/* align: one 'l' or 'r' per column, e.g. "llrrr". */
void tt_init(struct texttable *t, const char *align);
void tt_free(struct texttable *t);
/* A row of ncols strings; 0, or -1 when out of memory. */
int tt_row(struct texttable *t, const char *const *cells);
/* Width of the whole table, columns separated by two spaces. */
int tt_width(const struct texttable *t);
/*
 * Print the table, every line indented by indent spaces. Where it would
 * be wider than max columns (0: no limit), the columns after the first
 * `keep` are printed in blocks, each repeating the first `keep`.
 */
void tt_print(const struct texttable *t, int indent, int keep, int max,
	      FILE *f);
/* Row r alone, in the table's column widths. */
void tt_print_row(const struct texttable *t, size_t r, FILE *f);

#endif
