/* SPDX-License-Identifier: GPL-2.0 */
/* What the CLI prints: tables, comparisons, the cover letter. */
#ifndef HVCB_REPORT_H
#define HVCB_REPORT_H

#include <stdio.h>
#include "results.h"

#define BOOT_ROUNDS 1000
#define BOOT_SEED 20170102u

/* The unit named for people: an axis label and a one-line note. */
const char *unit_axis_label(const char *unit);
const char *unit_note(const char *unit);
int units_differ(const struct results *a, const struct results *b);
void print_el2_line(const struct results *r, FILE *f);
void runs_describe(const struct results *a, const char *da,
		   const struct results *b, const char *db,
		   char *buf, size_t len);
/* Whether a usable cell of r has its median only (imported from LAVA). */
int results_median_only(const struct results *r);

/* Stub (stubs = 1) or op names with a usable cell, in the results' order. */
int results_names(const struct results *r, int stubs,
		  const char *out[MAX_NAMES]);

void print_setup_line(const struct results *r, FILE *f);
/* The cover letter's three lines on what a run measured on. */
void setup_line(const struct results *r, FILE *f);
/* The usable cell (stub, op) of r, or NULL. */
const struct cell *usable_cell(const struct results *r, const char *stub,
			       const char *op);
/*
 * What write() prints, into f with lines over 72 columns broken at a
 * space and indented; nothing when write() or the buffer fails (-1).
 */
int print_folded(int (*write)(const void *arg, FILE *mem), const void *arg,
		 FILE *f);
/* A CSV field, quoted when it must be. */
void csv_field(const char *s, FILE *f);
int print_table(const struct results *r, int hist, FILE *f);
/* Per op, a bar per stub; the longest bar is the op's largest median. */
int print_text_chart(const struct results *r, FILE *f);

struct diff {
	const struct cell *a, *b;
	double delta, lo, hi;	/* median(b) - median(a), 95 % interval */
};

int diff_cells(const struct cell *a, const struct cell *b, struct diff *d);
int print_compare_stubs(const struct results *r, const char *ref, int csv,
			FILE *f);
int print_compare_dirs(const struct results *a, const struct results *b,
		       int csv, FILE *f);
/* One run (stub against ref), or two runs (B - A, b != NULL). */
int print_cover_letter(const struct results *a, const struct results *b,
		       const char *ref, const char *stub, FILE *f);

#endif
