/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LAVA's results of an hvcbench job, made into a results directory.
 *
 * Four inputs, told apart by their content:
 *   log   the job log: lava-run's records, one a line, as
 *         {"dt": "...", "lvl": "...", "msg": ...} (LAVA's web log and
 *         output.yaml prefix each with "- "); "results" records hold the
 *         test cases, "target" (or "feedback") records the board's
 *         console lines, where
 *         the device script prints "hvcbench-meta: KEY=VALUE" and
 *         "hvcbench-summary: ROW" (summary.csv's rows, header first)
 *   csv   the server's /results/JOB/csv: job,suite,result,measurement,
 *         unit,...,name,... (RFC 4180, read by header name)
 *   yaml  `lavacli results JOB --yaml`: a list of mappings with the same
 *         keys
 *   console  scripts/lava/hvcbench-lava run by hand: "CASE RESULT
 *         [MEASUREMENT UNITS]" lines among its meta and summary lines
 * Test cases are STUB-OP (split at the last '-'; ops have none), the
 * median as measurement; "hvcbench-load" passes once the module is
 * loaded; it or "hvcbench-run" fails when the module refused or the run
 * failed, the reason on the line before. hvcbench's definitions are those
 * reporting hvcbench-load, else those LAVA names N_hvcbench; LAVA's own
 * suite "lava" says whether the job (and each definition) completed.
 */
#ifndef HVCB_LAVA_H
#define HVCB_LAVA_H

#include <stddef.h>
#include "results.h"

/* One test case as LAVA recorded it (all strings, as read). */
struct lava_case {
	char suite[64];		/* the test definition; "lava" is LAVA's own */
	char name[64];
	char result[16];
	char measurement[48];
	char units[NAME_MAX_LEN];
	char reason[256];	/* log: the console line before its signal */
	char error_msg[256];	/* LAVA's own cases: why it failed, and */
	char error_type[32];	/* what failed (Test, Job, Infrastructure...) */
};

/* Everything read from one input. */
struct lava_job {
	const char *format;	/* "log", "csv", "yaml" or "console" */
	struct lava_case *cases;
	size_t ncases, cap;
	struct meta meta;	/* hvcbench-meta lines */
	char **rows;		/* hvcbench-summary lines; rows[0] the header */
	size_t nrows, rows_cap;
	char job[32];		/* the job's id, when the input says */
	char device[64];	/* the device's name (a log's LAVA_DEVICE) */
	int records;		/* log records / CSV or YAML rows seen */
};

/* What the user gave on the command line (NULL: not given). */
struct lava_opts {
	const char *board, *cpu, *kernel;
};

/* The largest input read (bounds every buffer sized from it). */
#define LAVA_MAX_INPUT (256 << 20)

void lava_job_init(struct lava_job *j);
void lava_job_free(struct lava_job *j);

/*
 * Read buf[0..len) (any of the four forms) into j. 0, or -1 with the
 * reason in err: none of them (lavacli's log without --raw named as
 * such), larger than LAVA_MAX_INPUT, or out of memory.
 */
int lava_read(struct lava_job *j, const char *buf, size_t len, char *err,
	      size_t errlen);

/*
 * A field of c by LAVA's key for it (case/name, definition/suite, result,
 * measurement, units/unit; "None" is no measurement; error_msg and
 * error_type, cut short when longer); other keys are not kept. 0, or -1 when the value does not fit.
 */
int lava_case_field(struct lava_case *c, const char *key, const char *val);
/* Add a case (the readers' common end); 0 or -1 when out of memory. */
int lava_add_case(struct lava_job *j, const struct lava_case *c);
/* A console line: "hvcbench-meta:" or "hvcbench-summary:" kept. */
int lava_console_line(struct lava_job *j, const char *line);
/*
 * A line LAVA logs of the test shell's environment: "- LAVA_JOB_ID=N"
 * kept as the job's id, "- LAVA_DEVICE=NAME" as the device's name.
 */
void lava_env_line(struct lava_job *j, const char *line);
/*
 * error_msg and error_type from a case's metadata as the server's CSV
 * writes it (a Python dict: {'error_msg': '...', ...}); the rest is not
 * kept. lavacli's YAML is read by libyaml, its metadata mapping there.
 */
void lava_case_metadata(struct lava_case *c, const char *meta);

/* Whether s is one of the results lava-test-case takes. */
int lava_result_word(const char *s);
/* Whether name is one of hvcbench's cases (hvcbench-load, hvcbench-run,
 * STUB-OP with a known op). */
int lava_case_name(const char *name);

/* s past its leading blanks (spaces and tabs). */
const char *lava_skip_blanks(const char *s);

/*
 * j's hvcbench cases as a results set: median-only cells from the cases,
 * every statistic from summary rows that agree with them, meta from the
 * console lines and opts. 0, or -1 with one line in err (no hvcbench
 * cases, a job LAVA did not complete (with LAVA's error_msg and
 * error_type), mixed units or units that are no name, a failed case, a
 * name that is no STUB-OP, a measurement that is no non-negative decimal
 * number, lavacli's log without --raw).
 * Damaged summary rows are left out, each named in warn (may be NULL);
 * an input of LAVA's without its own job case (a suite's CSV) is
 * imported with a warning that the job's completion was not checked.
 */
int lava_results(const struct lava_job *j, const struct lava_opts *o,
		 struct results *r, char *err, size_t errlen,
		 void (*warn)(const char *msg));

#endif
