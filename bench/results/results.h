/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A set of measured cells and what was measured on: read from the module
 * or from a results directory, written as summary.csv, samples.csv and
 * meta.json.
 */
#ifndef HVCB_RESULTS_H
#define HVCB_RESULTS_H

#include <stdio.h>
#include "../../kmod/facts.h"
#include "stats.h"

#define NAME_MAX_LEN 32
#define MAX_NAMES 32

struct cell {
	char stub[NAME_MAX_LEN], op[NAME_MAX_LEN];
	double *v;
	size_t n, cap;
	long overhead;
	int applicable;		/* 0: the ABI has no such operation */
	int have_stats;		/* st holds this cell's statistics */
	int median_only;	/* of st only the median is known (LAVA) */
	unsigned int seq;	/* order of first appearance */
	int op_rank;		/* the op's place: results_sort() sets it */
	struct stats st;	/* from the samples, else from summary.csv */
	char unit[NAME_MAX_LEN];	/* its own unit, when the run's is "mixed" */
};

/* meta "unit" of a run whose cells count in different units (boards
 * --force-units): each cell's unit is its own. */
#define MIXED_UNITS "mixed"

/* "key: value" pairs, in order, from the module's info or meta.json. */
/* Room for the module's info (every stub's ABI line, tree stubs' sources). */
#define MAX_META 64

struct meta {
	char key[MAX_META][32];
	char val[MAX_META][256];
	int count;
};

struct results {
	struct cell *cells;
	size_t ncells, cap;
	struct meta meta;
	char dir[256];		/* where it was read from, if it was */
	size_t samples_read;	/* samples.csv's rows, when it was read */
	int have_samples_file;	/* samples.csv was read */
};

/* A stub, op or board name: 1..31 letters, digits, '-' and '_'. */
int valid_name(const char *s);
/* One more sample; 0, or -1 when out of memory. */
int cell_push(struct cell *c, double v);

void results_init(struct results *r);
void results_free(struct results *r);
struct cell *results_cell(struct results *r, const char *stub, const char *op,
			  int create);
const char *meta_get(const struct meta *m, const char *key);
int meta_set(struct meta *m, const char *key, const char *val);
/* Position of name in the space-separated list m[key]; INT_MAX if absent. */
int meta_list_index(const struct meta *m, const char *key, const char *name);

/* The module's debugfs formats. Return 0, or -1 with a message in err. */
int parse_module_samples(struct results *r, FILE *f, char *err, size_t len);
int parse_module_info(struct meta *m, FILE *f);

/*
 * What a stub is for in r: the module's "roles" list (one per name of
 * "stubs"); for results that lack it, "trees" names the tree stubs and
 * stub/registry the built-in ones (registry-roles.h).
 */
int results_has_role(const struct results *r, const char *stub,
		     enum hvcb_role role);
/*
 * The nth (from 0) stub with usable cells that plays role, in cell order
 * (results_sort()'s); NULL if none.
 */
const char *results_stub_with_role(const struct results *r,
				   enum hvcb_role role, int nth);

/* Results directories. */
void results_stats(struct results *r);
/*
 * Stubs, then ops, each in the module's order (meta "stubs", "ops");
 * names the module did not list follow in order of first appearance.
 */
void results_sort(struct results *r);
/* A cell with statistics to show: applicable and measured. */
int cell_usable(const struct cell *c);
/* The unit every cell counts in: meta "unit" (summary.csv if absent). */
const char *results_unit(const struct results *r);
/* The unit of one cell of r: its own where r's units are mixed. */
const char *cell_unit(const struct results *r, const struct cell *c);
int write_summary_csv(const struct results *r, FILE *f);
int write_samples_csv(const struct results *r, FILE *f);
int write_meta_json(const struct meta *m, FILE *f);
int write_results_json(const struct results *r, FILE *f);
/*
 * The readers: 0, or -1 with "FILE:LINE:COLUMN: reason" in err (FILE the
 * file's name; read_results_dir() puts the directory before it).
 * summary.csv read after samples.csv must agree with it: every ok row
 * well formed, n the cell's sample count where it has samples, and not
 * every row without samples when samples.csv has a header only.
 */
int read_samples_csv(struct results *r, FILE *f, char *err, size_t len);
int read_summary_csv(struct results *r, FILE *f, char *err, size_t len);
int read_meta_json(struct meta *m, FILE *f, char *err, size_t len);
/*
 * meta.json, then summary.csv and samples.csv (at least one), all by
 * header name. Samples are the truth: statistics are computed from them,
 * and summary.csv adds n/a cells and cells that have no samples.
 */
int read_results_dir(struct results *r, const char *dir, char *err,
		     size_t len);

/* A comma list split into names; 0, or -1 if empty or too long. */
/* DIR/NAME opened with MODE; else NULL and the reason, with the path, in err. */
FILE *fopen_in(const char *dir, const char *name, const char *mode, char *err,
	       size_t len);
int split_list(const char *list, char names[][NAME_MAX_LEN], int max);

#endif
