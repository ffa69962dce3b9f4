/* SPDX-License-Identifier: GPL-2.0 */
/* What the CLI prints: tables, comparisons, the cover letter. */
#ifndef HVCB_REPORT_H
#define HVCB_REPORT_H

#include <stdio.h>
#include "results.h"

#define BOOT_ROUNDS 1000
#define BOOT_SEED 20170102u

void print_setup_line(const struct results *r, FILE *f);
void print_table(const struct results *r, int hist, FILE *f);

struct diff {
	const struct cell *a, *b;
	double delta, lo, hi;	/* median(b) - median(a), 95 % interval */
};

int diff_cells(const struct cell *a, const struct cell *b, struct diff *d);
int print_compare_stubs(const struct results *r, const char *ref, int csv,
			FILE *f);
int print_compare_dirs(const struct results *a, const struct results *b,
		       int csv, FILE *f);
int print_cover_letter(const struct results *a, const struct results *b,
		       FILE *f);

#endif
