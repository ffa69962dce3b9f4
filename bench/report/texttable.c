// SPDX-License-Identifier: GPL-2.0
/* Plain-text tables with columns sized to their content. */
#include <stdlib.h>
#include <string.h>
#include "texttable.h"

#define GAP 2

void tt_init(struct texttable *t, const char *align)
{
	memset(t, 0, sizeof(*t));
	t->ncols = (int)strlen(align);
	if (t->ncols > TT_MAX_COLS)
		t->ncols = TT_MAX_COLS;
	memcpy(t->align, align, (size_t)t->ncols);
}

void tt_free(struct texttable *t)
{
	free(t->cell);
	t->cell = NULL;
	t->nrows = t->cap = 0;
}

int tt_row(struct texttable *t, const char *const *cells)
{
	int c;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		void *n = realloc(t->cell, cap * sizeof(*t->cell));

		if (!n)
			return -1;
		t->cell = n;
		t->cap = cap;
	}
	for (c = 0; c < t->ncols; c++)
		snprintf(t->cell[t->nrows][c], TT_CELL, "%s",
			 cells[c] ? cells[c] : "");
	t->nrows++;
	return 0;
}

static int col_width(const struct texttable *t, int c)
{
	size_t r, w = 0;

	for (r = 0; r < t->nrows; r++)
		if (strlen(t->cell[r][c]) > w)
			w = strlen(t->cell[r][c]);
	return (int)w;
}

int tt_width(const struct texttable *t)
{
	int c, w = 0;

	for (c = 0; c < t->ncols; c++)
		w += col_width(t, c) + (c ? GAP : 0);
	return w;
}

static void print_cols(const struct texttable *t, int indent, int keep,
		       int from, int to, size_t r0, size_t r1, FILE *f)
{
	char line[TT_MAX_COLS * (TT_CELL + GAP) + 64];
	size_t r;
	int c, n, w;

	for (r = r0; r < r1; r++) {
		n = snprintf(line, sizeof(line), "%*s", indent, "");
		for (c = 0; c < t->ncols; c++) {
			if (c >= keep && (c < from || c >= to))
				continue;
			w = col_width(t, c);
			n += snprintf(line + n, sizeof(line) - (size_t)n, "%*s%*s",
				      n > indent ? GAP : 0, "",
				      t->align[c] == 'l' ? -w : w, t->cell[r][c]);
		}
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		fprintf(f, "%s\n", line);
	}
}

void tt_print(const struct texttable *t, int indent, int keep, int max,
	      FILE *f)
{
	int c, from = keep, base = indent, w;

	for (c = 0; c < keep; c++)
		base += col_width(t, c) + (c ? GAP : 0);
	if (!max || indent + tt_width(t) <= max || keep >= t->ncols) {
		print_cols(t, indent, keep, keep, t->ncols, 0, t->nrows, f);
		return;
	}
	while (from < t->ncols) {
		/* As many columns as fit, at least one. */
		for (c = from, w = base; c < t->ncols; c++) {
			if (c > from && w + GAP + col_width(t, c) > max)
				break;
			w += GAP + col_width(t, c);
		}
		if (from > keep)
			fputc('\n', f);
		print_cols(t, indent, keep, from, c, 0, t->nrows, f);
		from = c;
	}
}

void tt_print_row(const struct texttable *t, size_t r, FILE *f)
{
	print_cols(t, 0, 0, 0, t->ncols, r, r + 1, f);
}
