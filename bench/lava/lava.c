// SPDX-License-Identifier: GPL-2.0
/*
 * LAVA's test cases of an hvcbench job (read by lavaread.c) judged and
 * made into cells: a case STUB-OP with its median, every other
 * statistic from the device script's summary rows where they agree with
 * it, nothing invented where they are missing.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "../../kmod/facts.h"
#include "lava.h"

/* The ops hvcbench measures (kmod/facts.h); none has a '-'. */
static const char *const known_ops[HVCB_NR_OPS] = HVCB_OP_NAMES;

static int known_op(const char *op)
{
	size_t k;

	for (k = 0; k < sizeof(known_ops) / sizeof(known_ops[0]); k++)
		if (!strcmp(op, known_ops[k]))
			return 1;
	return 0;
}

/* A run of decimal digits from s; where it ends. */
static const char *digits(const char *s)
{
	while (isdigit((unsigned char)*s))
		s++;
	return s;
}

/*
 * A measurement: a plain non-negative decimal number (digits, and at
 * most one '.' with digits after it; no sign, exponent, hex, inf or
 * nan), in the range summary.csv holds (below 10^15, and 0 or at least
 * 10^-9: every value then prints in full without an exponent). 0, or -1
 * with why not in err.
 */
static int measurement(const char *s, double *v, char *err, size_t len)
{
	const char *p = digits(s);
	char *end;

	if (p != s && *p == '.' && isdigit((unsigned char)p[1]))
		p = digits(p + 1);
	if (p == s || *p) {
		snprintf(err, len, "is not a plain non-negative decimal number (digits and at most one '.'; no sign or exponent)");
		return -1;
	}
	errno = 0;
	*v = strtod(s, &end);
	if (errno || *end || !isfinite(*v) || *v >= 1e15 || (*v != 0 && *v < 1e-9)) {
		snprintf(err, len, "is out of range: a measurement is below 10^15 and 0 or at least 10^-9 (what summary.csv holds)");
		return -1;
	}
	return 0;
}

/* Test definitions that are hvcbench's (the first few). */
#define LOAD_SUITES 16

struct suites {
	const char *name[LOAD_SUITES];
	int n;
};

/* LAVA's name of a definition named hvcbench: N_hvcbench (N its index). */
static int hvcbench_suite(const char *suite)
{
	const char *p = digits(suite);

	return p != suite && !strcmp(p, "_hvcbench");
}

/*
 * hvcbench's definitions: those that report hvcbench-load (the device
 * script does, pass or fail), else those LAVA names N_hvcbench; by hand
 * (suite "console") every case is the script's.
 */
static void load_suites(const struct lava_job *j, struct suites *s)
{
	size_t i;
	int k, by_name;

	s->n = 0;
	for (by_name = 0; by_name < 2 && !s->n; by_name++)
		for (i = 0; i < j->ncases && s->n < LOAD_SUITES; i++) {
			const struct lava_case *c = &j->cases[i];

			if (!strcmp(c->suite, "lava") ||
			    (!by_name && strcmp(c->name, "hvcbench-load")) ||
			    (by_name && !hvcbench_suite(c->suite) &&
			     strcmp(c->suite, "console")))
				continue;
			for (k = 0; k < s->n && strcmp(s->name[k], c->suite); k++)
				;
			if (k == s->n)
				s->name[s->n++] = c->suite;
		}
}

/* hvcbench's cases: those of its definitions; others' are left out. */
static int ours(const struct suites *s, const struct lava_case *c)
{
	int k;

	for (k = 0; k < s->n; k++)
		if (!strcmp(s->name[k], c->suite))
			return 1;
	return 0;
}

/*
 * LAVA's own word on why a case of its suite failed: that case's
 * error_msg and error_type, else the job case's (LAVA gives them there);
 * "" when it gave none.
 */
static const char *lava_error(const struct lava_job *j, const struct lava_case *c)
{
	static char text[sizeof(c->error_msg) + sizeof(c->error_type) + 32];
	size_t i;

	for (i = 0; !*c->error_msg && i < j->ncases; i++)
		if (!strcmp(j->cases[i].suite, "lava") && !strcmp(j->cases[i].name, "job"))
			c = &j->cases[i];
	if (!*c->error_msg)
		return "";
	snprintf(text, sizeof(text), ": %s (error_type %s)", c->error_msg,
		 *c->error_type ? c->error_type : "not given");
	return text;
}

/* Whether the input has LAVA's own case "job" (a suite's CSV has not). */
static int has_job_case(const struct lava_job *j)
{
	size_t i;

	for (i = 0; i < j->ncases; i++)
		if (!strcmp(j->cases[i].suite, "lava") && !strcmp(j->cases[i].name, "job"))
			return 1;
	return 0;
}

/*
 * LAVA's own verdicts (suite "lava", when the input has it): the job's
 * (case "job") and each of hvcbench's definitions' (a case by its name)
 * must pass: cells of a job that did not complete may be missing.
 */
static int lava_incomplete(const struct lava_job *j, const struct suites *s,
			   char *err, size_t len)
{
	size_t i;
	int k;

	for (i = 0; i < j->ncases; i++) {
		const struct lava_case *c = &j->cases[i];

		if (strcmp(c->suite, "lava") || !strcmp(c->result, "pass"))
			continue;
		for (k = 0; k < s->n && strcmp(s->name[k], c->name); k++)
			;
		if (!strcmp(c->name, "job") || k < s->n) {
			snprintf(err, len, "LAVA's %s%s did not complete (case %s of suite lava: %s)%s",
				 strcmp(c->name, "job") ? "test definition " : "job",
				 strcmp(c->name, "job") ? c->name : "", c->name, c->result,
				 lava_error(j, c));
			return -1;
		}
	}
	return 0;
}

int lava_result_word(const char *s)
{
	return !strcmp(s, "pass") || !strcmp(s, "fail") || !strcmp(s, "skip") ||
	       !strcmp(s, "unknown");
}

/* STUB-OP at the last '-': 0, or -1 (err says why). */
static int split_case(const char *name, char stub[NAME_MAX_LEN],
		      char op[NAME_MAX_LEN], char *err, size_t len)
{
	const char *dash = strrchr(name, '-');
	size_t n = dash ? (size_t)(dash - name) : 0;

	if (dash && n < NAME_MAX_LEN && strlen(dash + 1) < NAME_MAX_LEN) {
		memcpy(stub, name, n);
		stub[n] = '\0';
		strcpy(op, dash + 1);
		if (valid_name(stub) && known_op(op))
			return 0;
	}
	snprintf(err, len, "test case '%.63s' is not STUB-OP with a known op (get_vectors set_vectors call0 call3 null entry exit)",
		 name);
	return -1;
}

/* The device script's own cases: the module loaded, the run ran. */
static int control_case(const struct lava_case *c)
{
	return !strcmp(c->name, "hvcbench-load") || !strcmp(c->name, "hvcbench-run");
}

int lava_case_name(const char *name)
{
	char stub[NAME_MAX_LEN], op[NAME_MAX_LEN], err[8];

	return !strcmp(name, "hvcbench-load") || !strcmp(name, "hvcbench-run") ||
	       !split_case(name, stub, op, err, sizeof(err));
}

/* Fail on a failed control case: the module refused, and why. */
static int control_failed(const struct lava_case *c, const char *job,
			  char *err, size_t len)
{
	if (!strcmp(c->result, "pass"))
		return 0;
	if (*c->reason)
		snprintf(err, len, "%s %s: %s", c->name, c->result, c->reason);
	else if (*job)
		snprintf(err, len, "%s %s (the job's log says why: lavacli jobs logs %s --raw)",
			 c->name, c->result, job);
	else
		snprintf(err, len, "%s %s (the job's log says why)", c->name,
			 c->result);
	return -1;
}

/* The unit every case agrees on (empty until the first); -1 if mixed. */
static int same_unit(char unit[NAME_MAX_LEN], const char *u, const char *what,
		     char *err, size_t len)
{
	if (!*u) {
		snprintf(err, len, "%s has no unit", what);
		return -1;
	}
	/* It becomes a field of summary.csv: a name, never a ',' or a newline. */
	if (!valid_name(u)) {
		snprintf(err, len, "%s: units are not a name (1-31 letters, digits, - or _)",
			 what);
		return -1;
	}
	if (*unit && strcmp(unit, u)) {
		snprintf(err, len, "mixed units: %s and %s (%s)", unit, u, what);
		return -1;
	}
	snprintf(unit, NAME_MAX_LEN, "%s", u);
	return 0;
}

/* Whether a console line is worth quoting as why a case failed. */
static int reason_line(const char *line)
{
	char w0[64], w1[16];

	if (!*line || !strncmp(line, "hvcbench-meta:", 14) ||
	    !strncmp(line, "hvcbench-summary:", 17))
		return 0;
	/* Another case's line (by hand) says nothing of this one. */
	return !(sscanf(line, "%63s %15s", w0, w1) == 2 && lava_result_word(w1));
}

/* A case that did not pass: failed, skipped, or neither; with why. */
static int not_passed(const struct lava_case *c, char *err, size_t len)
{
	const char *what = !strcmp(c->result, "fail") ? "failed" :
			   !strcmp(c->result, "skip") ? "was skipped" : NULL;
	const char *why = reason_line(c->reason) ? c->reason : NULL;

	if (what)
		snprintf(err, len, "test case %s %s%s%s", c->name, what,
			 why ? ": " : " (the input does not say why)", why ? why : "");
	else
		snprintf(err, len, "test case %s: result '%s', not pass%s%s", c->name,
			 c->result, why ? ": " : "", why ? why : "");
	return -1;
}

/* One case as a median-only cell of r. */
static int case_cell(struct results *r, const struct lava_case *c,
		     char unit[NAME_MAX_LEN], char *err, size_t len)
{
	char stub[NAME_MAX_LEN], op[NAME_MAX_LEN], msg[80], why[160];
	struct cell *cell;
	double v;

	snprintf(msg, sizeof(msg), "test case %s", c->name);
	if (split_case(c->name, stub, op, err, len))
		return -1;
	if (strcmp(c->result, "pass"))
		return not_passed(c, err, len);
	if (same_unit(unit, c->units, msg, err, len))
		return -1;
	if (measurement(c->measurement, &v, why, sizeof(why))) {
		snprintf(err, len, "test case %s: measurement '%.40s' %s", c->name,
			 c->measurement, why);
		return -1;
	}
	if (results_cell(r, stub, op, 0)) {
		snprintf(err, len, "test case %s is reported twice", c->name);
		return -1;
	}
	cell = results_cell(r, stub, op, 1);
	if (!cell) {
		snprintf(err, len, "out of memory");
		return -1;
	}
	memset(&cell->st, 0, sizeof(cell->st));
	cell->st.median = v;
	cell->have_stats = 1;
	cell->median_only = 1;
	return 0;
}

/* header + row as summary.csv into a scratch results set. */
static int summary_row(const char *header, const char *row, struct results *s)
{
	char *text = NULL, err[128];
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	int ret;

	if (!f)
		return -1;
	fprintf(f, "%s\n%s\n", header, row);
	if (fclose(f)) {
		free(text);
		return -1;
	}
	f = fmemopen(text, size, "r");
	ret = f ? read_summary_csv(s, f, err, sizeof(err)) : -1;
	if (f)
		fclose(f);
	free(text);
	return ret;
}

static int near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/*
 * The summary rows over the cells: every statistic where the row's
 * median is LAVA's; n/a rows as n/a cells; rows LAVA has no case for
 * (it reports every measured cell) are added as they are.
 */
static int apply_summary(const struct lava_job *j, struct results *r,
			 char unit[NAME_MAX_LEN], char *err, size_t len,
			 void (*warn)(const char *msg))
{
	char msg[256];
	size_t i;

	for (i = 1; i < j->nrows; i++) {
		struct results s;
		struct cell *src, *dst;
		const char *u;

		results_init(&s);
		if (summary_row(j->rows[0], j->rows[i], &s) || s.ncells != 1) {
			snprintf(msg, sizeof(msg), "hvcbench-summary row %zu does not read as summary.csv (left out): %.80s",
				 i, j->rows[i]);
			if (warn)
				warn(msg);
			results_free(&s);
			continue;
		}
		src = &s.cells[0];
		u = meta_get(&s.meta, "unit");
		snprintf(msg, sizeof(msg), "hvcbench-summary %s-%s", src->stub, src->op);
		if (u && same_unit(unit, u, msg, err, len))
			goto fail;
		dst = results_cell(r, src->stub, src->op, 0);
		if (dst && cell_usable(src) && !near(dst->st.median, src->st.median)) {
			snprintf(err, len, "%s-%s: LAVA's median %.17g, the summary row's %.17g",
				 src->stub, src->op, dst->st.median, src->st.median);
			goto fail;
		}
		if (dst && !cell_usable(src)) {
			snprintf(err, len, "%s-%s: LAVA has a median, the summary row says n/a",
				 src->stub, src->op);
			goto fail;
		}
		if (!dst)
			dst = results_cell(r, src->stub, src->op, 1);
		if (!dst) {
			snprintf(err, len, "out of memory");
			goto fail;
		}
		dst->applicable = src->applicable;
		dst->have_stats = src->have_stats;
		dst->median_only = src->median_only;
		dst->st = src->st;
		dst->overhead = src->overhead;
		results_free(&s);
		continue;
fail:
		results_free(&s);
		return -1;
	}
	return 0;
}

/*
 * The board as the log names it (a device tree model such as
 * "linux,dummy-virt", a name with spaces or in any script, may be all
 * the script had) made a board name: each run of other characters than
 * ASCII letters, digits and '_' becomes one '-' (none at either end), at
 * most 31 kept; the name as reported is kept beside it. NULL when none
 * is left.
 */
static const char *board_name(struct results *r, const char *found,
			      char name[NAME_MAX_LEN])
{
	size_t i, n = 0;

	if (!found || !*found || valid_name(found))
		return found;
	for (i = 0; found[i] && n < NAME_MAX_LEN - 1; i++) {
		unsigned char ch = (unsigned char)found[i];

		if (ch < 0x80 && (isalnum(ch) || ch == '_'))
			name[n++] = (char)ch;
		else if (n && name[n - 1] != '-')
			name[n++] = '-';
	}
	while (n && name[n - 1] == '-')
		n--;
	name[n] = '\0';
	meta_set(&r->meta, "board_reported", found);
	return n ? name : NULL;
}

/* A name given must be a board name (hvcbench compare's). */
static int set_meta(struct results *r, const char *key, const char *given,
		    const char *found, char *err, size_t len)
{
	const char *v = given ? given : found;

	if (!v)
		return 0;
	if (!strcmp(key, "board") && !valid_name(v)) {
		snprintf(err, len, "--board '%.40s' is not a board name (1-31 letters, digits, - or _)",
			 v);
		return -1;
	}
	if (meta_set(&r->meta, key, v)) {
		snprintf(err, len, "%s: longer than 255 characters", key);
		return -1;
	}
	return 0;
}

static int job_meta(const struct lava_job *j, const struct lava_opts *o,
		    struct results *r, const char *unit, char *err, size_t len)
{
	const struct meta *m = &j->meta;
	const char *samples = NULL;
	char buf[64], n[32], board[NAME_MAX_LEN];
	size_t i;

	/* Every cell of a run has the same n: the run's samples per cell. */
	for (i = 0; i < r->ncells; i++)
		if (cell_usable(&r->cells[i]) && !r->cells[i].median_only) {
			snprintf(buf, sizeof(buf), "%zu", r->cells[i].st.n);
			if (!samples)
				samples = strcpy(n, buf);
			else if (strcmp(samples, buf))
				samples = "varies";
		}
	if (set_meta(r, "board", o->board,
		     o->board ? NULL : board_name(r, meta_get(m, "board"), board), err, len) ||
	    set_meta(r, "cpu_name", o->cpu, meta_get(m, "cpu"), err, len) ||
	    set_meta(r, "kernel", o->kernel, meta_get(m, "kernel"), err, len) ||
	    set_meta(r, "platform", NULL, meta_get(m, "platform"), err, len) ||
	    set_meta(r, "unit", NULL, unit, err, len) ||
	    set_meta(r, "samples", NULL, samples, err, len) ||
	    set_meta(r, "source", NULL, strcmp(j->format, "console") ? "lava" :
		     "hvcbench-lava by hand", err, len) ||
	    set_meta(r, "lava_format", NULL, j->format, err, len) ||
	    set_meta(r, "lava_job", NULL, *j->job ? j->job : meta_get(m, "job"), err, len) ||
	    set_meta(r, "lava_device", NULL, *j->device ? j->device : NULL, err, len))
		return -1;
	snprintf(buf, sizeof(buf), "%s%s%s", strcmp(j->format, "console") ? "LAVA" : "by hand",
		 meta_get(&r->meta, "lava_job") ? " job " : "",
		 meta_get(&r->meta, "lava_job") ? meta_get(&r->meta, "lava_job") : "");
	if (meta_get(&r->meta, "board"))
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), " on %s",
			 meta_get(&r->meta, "board"));
	return set_meta(r, "machine", NULL, buf, err, len);
}

int lava_results(const struct lava_job *j, const struct lava_opts *o,
		 struct results *r, char *err, size_t errlen,
		 void (*warn)(const char *msg))
{
	char unit[NAME_MAX_LEN] = "";
	const char *mu = meta_get(&j->meta, "unit");
	struct suites suites;
	size_t i, n = 0;

	results_init(r);
	load_suites(j, &suites);
	for (i = 0; i < j->ncases; i++) {
		const struct lava_case *c = &j->cases[i];

		if (!ours(&suites, c))
			continue;
		n++;
		if (control_case(c)) {
			if (control_failed(c, j->job, err, errlen))
				goto fail;
			continue;
		}
		if (case_cell(r, c, unit, err, errlen))
			goto fail;
	}
	if (lava_incomplete(j, &suites, err, errlen))
		goto fail;
	if (!r->ncells) {
		snprintf(err, errlen, "no hvcbench test cases in this %s (%zu of its own, %zu of LAVA's)",
			 j->format, n, j->ncases - n);
		goto fail;
	}
	if (strcmp(j->format, "console") && !has_job_case(j) && warn) {
		char msg[200];

		snprintf(msg, sizeof(msg), "this %s has no case of LAVA's own suite lava: whether job %s completed could not be checked (the job's /results/%s/csv has it)",
			 j->format, *j->job ? j->job : "JOB", *j->job ? j->job : "JOB");
		warn(msg);
	}
	if ((mu && same_unit(unit, mu, "hvcbench-meta unit", err, errlen)) ||
	    (j->nrows && apply_summary(j, r, unit, err, errlen, warn)) ||
	    job_meta(j, o, r, unit, err, errlen))
		goto fail;
	results_sort(r);
	return 0;
fail:
	results_free(r);
	return -1;
}
