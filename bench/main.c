// SPDX-License-Identifier: GPL-2.0
/*
 * hvcbench: the user-space side of the HVC round-trip benchmark.
 *
 *   hvcbench run [--stub LIST] [--op LIST] [-n SAMPLES] [--cpu N]
 *                [--format table|csv|json] [--hist] [-o DIR] [--machine TEXT]
 *   hvcbench compare DIR [--ref STUB] [--format table|csv]
 *   hvcbench compare DIR_A DIR_B [--format table|csv] [--force-units]
 *   hvcbench loop --stub S --op O -n N [--baseline]
 *   hvcbench info
 *   hvcbench cover-letter DIR [--ref STUB] [--stub STUB]
 *   hvcbench cover-letter DIR_A DIR_B [--force-units]
 *   hvcbench plot-data DIR OUTDIR
 *   hvcbench lava-import IN OUTDIR [--board NAME] [--cpu NAME] [--kernel REL]
 *                        [--force]
 *
 * The module measures; this program asks it for samples and computes the
 * statistics. It loads nothing by itself.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "boards.h"
#include "lava.h"
#include "module.h"
#include "outdir.h"
#include "plotdata.h"
#include "report.h"
#include "results.h"
#include "../kmod/spec.h"

#define VERSION "0.1"
#define BLOCK 2000	/* samples per cell per module run: progress steps */

static const char *prog = "hvcbench";

static void die_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* A one-line usage error: exit 2. */
static void die_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void die(const char *msg) __attribute__((noreturn));

static void die(const char *msg)
{
	fprintf(stderr, "%s: %s\n", prog, msg);
	exit(1);
}

/* A decimal number in [min, max], nothing else. */
static unsigned long number(const char *flag, const char *s,
			    unsigned long min, unsigned long max)
{
	unsigned long v;
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		die_usage("%s wants a number", flag);
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max) {
		fprintf(stderr, "%s: %s: '%s' is not a number in %lu..%lu\n",
			prog, flag, s, min, max);
		exit(2);
	}
	return v;
}

static const char *value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		die_usage("%s wants a value", argv[*i]);
	return argv[++*i];
}

static void check_names(const struct meta *m, const char *key,
			const char *list, const char *what)
{
	char names[MAX_NAMES][NAME_MAX_LEN];
	int n = strcmp(list, "all") ? split_list(list, names, MAX_NAMES) : 0, i;

	if (n < 0)
		die_usage("bad %s list", what);
	for (i = 0; i < n; i++)
		if (meta_list_index(m, key, names[i]) == INT_MAX)
			die_usage("unknown %s '%s' (known: %s)", what, names[i],
				  meta_get(m, key) ? meta_get(m, key) : "none");
}

static void need_module(struct meta *m)
{
	char err[512] = "";

	if (module_check(err, sizeof(err)) ||
	    module_read_info(m, err, sizeof(err)))
		die(err);
}

static FILE *create(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		exit(1);
	}
	return f;
}

static void close_or_die(FILE *f, const char *what)
{
	if (fclose(f)) {
		fprintf(stderr, "%s: writing %s failed\n", prog, what);
		exit(1);
	}
}

/* A --stub/--op list, "all" meaning the module's whole list (meta key). */
static int names_for(const char *list, const struct meta *m, const char *key,
		     char names[][NAME_MAX_LEN])
{
	const char *known_names = meta_get(m, key);
	char buf[512];

	if (strcmp(list, "all"))
		return split_list(list, names, MAX_NAMES);
	if (!known_names)
		return 0;
	snprintf(buf, sizeof(buf), "%s", known_names);
	for (char *q = buf; *q; q++)
		if (*q == ' ')
			*q = ',';
	return split_list(buf, names, MAX_NAMES);
}

/* Cells the run asked for that the module did not measure: n/a. */
static void mark_not_applicable(struct results *r, const char *stubs,
				const char *ops)
{
	char sn[MAX_NAMES][NAME_MAX_LEN], on[MAX_NAMES][NAME_MAX_LEN];
	int ns = names_for(stubs, &r->meta, "stubs", sn);
	int no = names_for(ops, &r->meta, "ops", on);
	struct cell *c;
	int s, o;

	for (s = 0; s < ns; s++)
		for (o = 0; o < no; o++)
			if (!results_cell(r, sn[s], on[o], 0)) {
				c = results_cell(r, sn[s], on[o], 1);
				if (c)
					c->applicable = 0;
			}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}


/*
 * What the run was made on, when the user does not say: QEMU's virt board
 * (the module recognises it), else the device tree's model. Never a guess.
 */
static const char *default_machine(const struct meta *m)
{
	static char model[200];
	const char *platform = meta_get(m, "platform");
	FILE *f;
	size_t n;

	if (platform && !strcmp(platform, "qemu-virt"))
		return "QEMU virt";
	f = fopen("/proc/device-tree/model", "r");
	if (f) {
		n = fread(model, 1, sizeof(model) - 1, f);
		fclose(f);
		model[n] = '\0';
		if (n && *model)
			return model;
	}
	return "unknown machine";
}

static const char *usage_run =
	"usage: hvcbench run [--stub LIST] [--op LIST] [-n SAMPLES] [--cpu N]\n"
	"                    [--format table|csv|json] [--hist] [-o DIR] [--machine TEXT]\n"
	"Measure HVC round trips with the loaded module. LIST is a comma list or\n"
	"\"all\" (default). Samples are taken in blocks, every cell interleaved\n"
	"with the others; values are overhead-corrected. -o writes summary.csv,\n"
	"samples.csv and meta.json into DIR. --machine names what it ran on\n"
	"(default: QEMU virt when the module finds it, else the device tree's model).\n"
	"Statistics: percentiles interpolate linearly between ranks (type 7);\n"
	"stddev is the sample standard deviation (n-1); MAD is unscaled.\n";

static int cmd_run(int argc, char **argv)
{
	const char *stubs = "all", *ops = "all", *fmt = "table", *out = NULL;
	const char *machine = NULL;
	unsigned long n = 10000, cpu = 0, done, step;
	struct results r, block;
	char spec[HVCB_SPEC_MAX_LEN + 1], err[512], stamp[64];
	int hist = 0, i;
	double t0 = now(), last = t0;
	struct meta m = { .count = 0 };
	time_t t = time(NULL);

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stub"))
			stubs = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--op"))
			ops = value(argc, argv, &i);
		else if (!strcmp(argv[i], "-n"))
			n = number("-n", value(argc, argv, &i), 1, HVCB_MAX_SAMPLES);
		else if (!strcmp(argv[i], "--cpu"))
			cpu = number("--cpu", value(argc, argv, &i), 0, HVCB_MAX_CPU);
		else if (!strcmp(argv[i], "--format"))
			fmt = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--hist"))
			hist = 1;
		else if (!strcmp(argv[i], "-o"))
			out = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--machine"))
			machine = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage_run, stdout), 0;
		else
			die_usage("run: unknown option '%s' (see run --help)", argv[i]);
	}
	if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
		die_usage("unknown format '%s' (table, csv or json)", fmt);

	need_module(&m);
	check_names(&m, "stubs", stubs, "stub");
	check_names(&m, "ops", ops, "op");

	results_init(&r);
	for (done = 0; done < n; done += step) {
		step = n - done < BLOCK ? n - done : BLOCK;
		if (snprintf(spec, sizeof(spec), "stubs=%s ops=%s samples=%lu cpu=%lu\n",
			     stubs, ops, step, cpu) > HVCB_SPEC_MAX_LEN)
			die_usage("%s", "stub or op list too long");
		results_init(&block);
		if (module_run(spec, &block, err, sizeof(err)))
			die(err);
		for (size_t c = 0; c < block.ncells; c++) {
			struct cell *src = &block.cells[c];
			struct cell *dst = results_cell(&r, src->stub, src->op, 1);

			if (!dst)
				die("out of memory");
			dst->overhead = src->overhead;
			for (size_t k = 0; k < src->n; k++) {
				if (dst->n == dst->cap) {
					size_t cap = dst->cap ? dst->cap * 2 : n;
					double *nv = realloc(dst->v, cap * sizeof(*nv));

					if (!nv)
						die("out of memory");
					dst->v = nv;
					dst->cap = cap;
				}
				dst->v[dst->n++] = src->v[k];
			}
		}
		results_free(&block);
		if (now() - last >= 1.0 || (now() - t0 >= 1.0 && done + step == n)) {
			fprintf(stderr, "%s: %lu/%lu samples per cell, %.1f s\n",
				prog, done + step, n, now() - t0);
			last = now();
		}
	}

	/* The module's own account of this run, then ours. */
	if (module_read_info(&m, err, sizeof(err)))
		die(err);
	r.meta = m;
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	meta_set(&r.meta, "date", stamp);
	meta_set(&r.meta, "hvcbench_version", VERSION);
	snprintf(stamp, sizeof(stamp), "%lu", n);
	meta_set(&r.meta, "samples", stamp);
	meta_set(&r.meta, "icount", meta_get(&r.meta, "unit") &&
		 !strcmp(meta_get(&r.meta, "unit"), "insn") ? "yes" : "no");
	meta_set(&r.meta, "machine", machine ? machine : default_machine(&m));
	mark_not_applicable(&r, stubs, ops);
	results_sort(&r);
	results_stats(&r);

	if (out) {
		FILE *f;

		if (outdir_make(out) < 0) {
			fprintf(stderr, "%s: cannot create %s: %s\n", prog, out,
				strerror(errno));
			return 1;
		}
		f = create(out, "summary.csv");
		write_summary_csv(&r, f);
		close_or_die(f, "summary.csv");
		f = create(out, "samples.csv");
		write_samples_csv(&r, f);
		close_or_die(f, "samples.csv");
		f = create(out, "meta.json");
		write_meta_json(&r.meta, f);
		close_or_die(f, "meta.json");
	}
	if (!strcmp(fmt, "csv"))
		write_summary_csv(&r, stdout);
	else if (!strcmp(fmt, "json"))
		write_results_json(&r, stdout);
	else if (print_table(&r, hist, stdout))
		die("out of memory");
	results_free(&r);
	return 0;
}

static void load_dir(struct results *r, const char *dir)
{
	char err[512] = "";

	results_init(r);
	if (read_results_dir(r, dir, err, sizeof(err)))
		die(err);
}

/* The reference stub: old if it was measured, else the first stub. */
static const char *default_ref(const struct results *r)
{
	size_t k;

	for (k = 0; k < r->ncells; k++)
		if (!strcmp(r->cells[k].stub, "old") && cell_usable(&r->cells[k]))
			return "old";
	return r->ncells ? r->cells[0].stub : "old";
}

/* Two runs counting in different units do not subtract: exit 2. */
static void same_units(const struct results *a, const struct results *b,
		       int force)
{
	if (units_differ(a, b) && !force)
		die_usage("%s counts %s, %s counts %s: not comparable (--force-units to compare anyway)",
			  a->dir, results_unit(a), b->dir, results_unit(b));
}

/* A stub named on the command line must have measured cells in r. */
static void need_stub(const struct results *r, const char *flag,
		      const char *name)
{
	size_t k;

	for (k = 0; k < r->ncells; k++)
		if (!strcmp(r->cells[k].stub, name) && cell_usable(&r->cells[k]))
			return;
	die_usage("%s %s: %s has no measured cell of that stub", flag, name,
		  r->dir);
}

static const char *usage_compare =
	"usage: hvcbench compare DIR [--ref STUB] [--format table|csv]\n"
	"       hvcbench compare DIR_A DIR_B [--format table|csv] [--force-units]\n"
	"       hvcbench compare DIR DIR DIR... [--names A,B,..] [--format table|csv]\n"
	"                        [--force-units]\n"
	"Median differences with a bootstrap 95% interval (1000 resamples,\n"
	"fixed seed): every stub against --ref (default old, else the first)\n"
	"within one run, or the same cells of two runs (B - A; the CSV names\n"
	"both runs on every row). Three or more runs are boards: per op, the\n"
	"medians with a column per board (named by --names, else meta.json's\n"
	"board, else the directory's name). Runs in different units are\n"
	"refused unless --force-units.\n";

/* Three or more directories: a column per board. */
static int boards_report(char *const *dirs, int nd, const char *names,
			 int force, int letter, const char *stub, int csv)
{
	struct boards b;
	char err[512] = "";
	int ret;

	if (boards_load(&b, dirs, nd, names, force, err, sizeof(err))) {
		if (strstr(err, "not comparable") || strstr(err, "--names"))
			die_usage("%s", err);
		die(err);
	}
	if (stub && !boards_measured(&b, stub, 0))
		die_usage("--stub %s: no board measured that stub", stub);
	ret = letter ? print_boards_letter(&b, stub, stdout) :
		       print_boards_compare(&b, csv, stdout);
	boards_free(&b);
	if (ret)
		die("out of memory");
	return 0;
}

static int cmd_compare(int argc, char **argv)
{
	char *dirs[MAX_BOARDS];
	const char *ref = NULL, *fmt = "table", *names = NULL;
	struct results a, b;
	int nd = 0, i, ret, force = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ref"))
			ref = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--names"))
			names = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--format"))
			fmt = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--force-units"))
			force = 1;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage_compare, stdout), 0;
		else if (argv[i][0] == '-')
			die_usage("compare: unknown option '%s'", argv[i]);
		else if (nd < MAX_BOARDS)
			dirs[nd++] = argv[i];
		else
			die_usage("compare: more than %d directories (%s)", MAX_BOARDS, argv[i]);
	}
	if (!nd)
		die_usage("%s", "compare: give one or more result directories");
	if (strcmp(fmt, "table") && strcmp(fmt, "csv"))
		die_usage("unknown format '%s' (table or csv)", fmt);
	if (nd >= 2 && ref)
		die_usage("%s", "compare: --ref is for one directory");
	if (nd == 1 && force)
		die_usage("%s", "compare: --force-units is for two or more directories");
	if (nd < 3 && names)
		die_usage("%s", "compare: --names is for three or more directories");
	if (nd >= 3)
		return boards_report(dirs, nd, names, force, 0, NULL, !strcmp(fmt, "csv"));

	load_dir(&a, dirs[0]);
	if (nd == 2) {
		load_dir(&b, dirs[1]);
		same_units(&a, &b, force);
		ret = print_compare_dirs(&a, &b, !strcmp(fmt, "csv"), stdout);
		results_free(&b);
	} else {
		if (ref)
			need_stub(&a, "--ref", ref);
		else
			ref = default_ref(&a);
		ret = print_compare_stubs(&a, ref, !strcmp(fmt, "csv"), stdout);
	}
	results_free(&a);
	if (ret < 0)
		die("out of memory");
	if (ret > 0)
		die("nothing to compare: no cells in common");
	return 0;
}

static const char *usage_loop =
	"usage: hvcbench loop --stub STUB --op OP -n N [--baseline]\n"
	"N HVCs of one cell, untimed, in this process (for perf stat). N is\n"
	"rounded up to a multiple of 8. --baseline does the same work with the\n"
	"HVCs left out: perf's count difference is the HVC path.\n";

static int cmd_loop(int argc, char **argv)
{
	const char *stub = NULL, *op = NULL;
	unsigned long n = 0;
	int baseline = 0, i;
	char spec[HVCB_SPEC_MAX_LEN + 1], err[512];
	struct meta m = { .count = 0 };

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stub"))
			stub = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--op"))
			op = value(argc, argv, &i);
		else if (!strcmp(argv[i], "-n"))
			n = number("-n", value(argc, argv, &i), 1, HVCB_MAX_LOOP);
		else if (!strcmp(argv[i], "--baseline"))
			baseline = 1;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage_loop, stdout), 0;
		else
			die_usage("loop: unknown option '%s' (see loop --help)", argv[i]);
	}
	if (!stub || !op || !n)
		die_usage("%s", "loop: needs --stub, --op and -n");
	need_module(&m);
	check_names(&m, "stubs", stub, "stub");
	check_names(&m, "ops", op, "op");
	if (strchr(stub, ',') || strchr(op, ',') || !strcmp(stub, "all") ||
	    !strcmp(op, "all"))
		die_usage("%s", "loop: one stub and one op");
	snprintf(spec, sizeof(spec), "stub=%s op=%s n=%lu baseline=%d\n", stub,
		 op, n, baseline);
	if (module_write("loop", spec, err, sizeof(err))) {
		if (strstr(err, "EINVAL"))
			snprintf(err, sizeof(err), "%s/%s: no such operation in this ABI",
				 stub, op);
		die(err);
	}
	return 0;
}

static int cmd_info(int argc, char **argv)
{
	struct meta m = { .count = 0 };
	int i;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return puts("usage: hvcbench info\nWhat the module reports: kernel, CPU, install method, counter unit, overheads."), 0;
	if (argc > 1)
		die_usage("info: unknown argument '%s'", argv[1]);
	need_module(&m);
	for (i = 0; i < m.count; i++)
		printf("%s: %s\n", m.key[i], m.val[i]);
	return 0;
}

static const char *usage_cover =
	"usage: hvcbench cover-letter DIR [--ref STUB] [--stub STUB]\n"
	"       hvcbench cover-letter DIR_A DIR_B [--force-units]\n"
	"       hvcbench cover-letter DIR DIR DIR... [--names A,B,..] [--stub STUB]\n"
	"                             [--force-units]\n"
	"Plain text, at most 72 columns, for a patch cover letter: the medians,\n"
	"STUB against REF with a bootstrap 95% interval, and a text chart; or\n"
	"the same cells of two runs (B - A). Default pair: new against old; with\n"
	"exactly two tree stubs, the second against the first; lacking those,\n"
	"the second stub against the first. --ref alone: against that default\n"
	"stub, or the first other one. Three or more runs are boards: per op, a\n"
	"column per board, and a chart of STUB on each board (default new, else\n"
	"the first stub every board measured).\n";

static int cmd_cover(int argc, char **argv)
{
	char *dirs[MAX_BOARDS];
	const char *ref = NULL, *stub = NULL, *names = NULL;
	struct results a, b;
	int nd = 0, i, ret, force = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ref"))
			ref = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--names"))
			names = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--stub"))
			stub = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--force-units"))
			force = 1;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage_cover, stdout), 0;
		else if (argv[i][0] == '-')
			die_usage("cover-letter: unknown option '%s'", argv[i]);
		else if (nd < MAX_BOARDS)
			dirs[nd++] = argv[i];
		else
			die_usage("cover-letter: more than %d directories (%s)", MAX_BOARDS, argv[i]);
	}
	if (!nd)
		die_usage("%s", "cover-letter: give one or more result directories");
	if (nd == 2 && (ref || stub))
		die_usage("%s", "cover-letter: --ref and --stub are for one directory, or --stub for three or more");
	if (nd >= 3 && ref)
		die_usage("%s", "cover-letter: --ref is for one directory");
	if (nd == 1 && force)
		die_usage("%s", "cover-letter: --force-units is for two or more directories");
	if (nd < 3 && names)
		die_usage("%s", "cover-letter: --names is for three or more directories");
	if (nd >= 3)
		return boards_report(dirs, nd, names, force, 1, stub, 0);
	if (ref && stub && !strcmp(ref, stub))
		die_usage("cover-letter: --ref and --stub both name %s", ref);
	load_dir(&a, dirs[0]);
	if (ref)
		need_stub(&a, "--ref", ref);
	if (stub)
		need_stub(&a, "--stub", stub);
	if (nd == 2) {
		load_dir(&b, dirs[1]);
		same_units(&a, &b, force);
	}
	ret = print_cover_letter(&a, nd == 2 ? &b : NULL, ref, stub, stdout);
	results_free(&a);
	if (nd == 2)
		results_free(&b);
	if (ret)
		die("out of memory");
	return 0;
}

static const char *usage_boards =
	"usage: hvcbench boards OUTDIR DIR DIR... [--stub STUB] [--names A,B,..]\n"
	"                       [--force-units]\n"
	"One results directory in OUTDIR whose stubs are the boards: STUB's\n"
	"cells of every DIR (default new, else the first stub every board\n"
	"measured), samples and all, so that scripts/plot OUTDIR draws a group\n"
	"per op and a bar per board. Boards are named by --names, else\n"
	"meta.json's board, else the directory's name; units must agree.\n";

static int cmd_boards(int argc, char **argv)
{
	char *dirs[MAX_BOARDS], err[512] = "";
	const char *out = NULL, *stub = NULL, *names = NULL;
	struct results m;
	struct boards b;
	int nd = 0, i, force = 0;
	FILE *f;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--stub"))
			stub = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--names"))
			names = value(argc, argv, &i);
		else if (!strcmp(argv[i], "--force-units"))
			force = 1;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return fputs(usage_boards, stdout), 0;
		else if (argv[i][0] == '-')
			die_usage("boards: unknown option '%s'", argv[i]);
		else if (!out)
			out = argv[i];
		else if (nd < MAX_BOARDS)
			dirs[nd++] = argv[i];
		else
			die_usage("boards: more than %d directories (%s)", MAX_BOARDS, argv[i]);
	}
	if (!out || nd < 2)
		die_usage("%s", "boards: give an output directory and two or more result directories");
	if (boards_load(&b, dirs, nd, names, force, err, sizeof(err))) {
		if (strstr(err, "not comparable") || strstr(err, "--names"))
			die_usage("%s", err);
		die(err);
	}
	if (stub && !boards_measured(&b, stub, 0))
		die_usage("--stub %s: no board measured that stub", stub);
	stub = boards_chart_stub(&b, stub);
	if (!stub)
		die_usage("%s", "boards: no stub was measured on every board: give --stub");
	if (boards_merge(&b, stub, &m, err, sizeof(err)))
		die(err);
	boards_free(&b);
	if (outdir_make(out) < 0) {
		snprintf(err, sizeof(err), "cannot create %s: %s", out, strerror(errno));
		die(err);
	}
	f = create(out, "summary.csv");
	write_summary_csv(&m, f);
	close_or_die(f, "summary.csv");
	f = create(out, "samples.csv");
	write_samples_csv(&m, f);
	close_or_die(f, "samples.csv");
	f = create(out, "meta.json");
	write_meta_json(&m.meta, f);
	close_or_die(f, "meta.json");
	results_free(&m);
	return 0;
}

static int cmd_plot_data(int argc, char **argv)
{
	struct results r;
	char err[512] = "";

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return puts("usage: hvcbench plot-data DIR OUTDIR\nThe files scripts/plot draws from: cell order, labels and values."), 0;
	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-')
		die_usage("%s", "plot-data: give a results directory and an output directory");
	load_dir(&r, argv[1]);
	if (outdir_make(argv[2]) < 0 || write_plot_data(&r, argv[2], err, sizeof(err))) {
		if (errno && !*err)
			snprintf(err, sizeof(err), "%s: %s", argv[2], strerror(errno));
		die(err);
	}
	results_free(&r);
	return 0;
}

static const char *usage_lava =
	"usage: hvcbench lava-import IN OUTDIR [--board NAME] [--cpu NAME] [--kernel REL]\n"
	"                            [--force]\n"
	"A results directory (summary.csv, meta.json) from LAVA's results of an\n"
	"hvcbench job. IN (- for stdin) is the job log (lava-run's output, or the\n"
	"server's log: one record a line), the server's /results/JOB/csv,\n"
	"lavacli's YAML of `results JOB`, or scripts/lava/hvcbench-lava's output\n"
	"by hand; which one is told from its content.\n"
	"Test cases STUB-OP carry the median; a log with the device script's\n"
	"hvcbench-summary rows gives every statistic (they must agree with\n"
	"LAVA's medians), else cells are median only and outputs say so.\n"
	"hvcbench-meta lines give board, cpu, kernel; the options override them.\n"
	"hvcbench's cases: those of definitions reporting hvcbench-load, else of\n"
	"those named N_hvcbench; other definitions' cases are left out.\n"
	"Refused (exit 2, nothing written): none of the four forms or over\n"
	"256 MiB, no hvcbench cases, a failed case (hvcbench-load or\n"
	"hvcbench-run: with its reason), a job LAVA did not complete, mixed\n"
	"units or units that are not a name, a measurement that is not a\n"
	"non-negative decimal number, a name that is no STUB-OP, a summary row\n"
	"whose median is not LAVA's, an existing OUTDIR without --force (which\n"
	"replaces its results), lavacli's pretty log (not the raw one). A job\n"
	"LAVA did not complete is refused with LAVA's error_msg and error_type.\n"
	"Without LAVA's own suite (a suite's CSV) a warning says completion was\n"
	"not checked.\n"
	"meta.json keeps the job's id and a log's device name (lava_job,\n"
	"lava_device). A failed write (exit 1) leaves OUTDIR as it was.\n";

static size_t count_na(const struct results *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->ncells; i++)
		n += !r->cells[i].applicable;
	return n;
}

static void warn_line(const char *msg)
{
	fprintf(stderr, "%s: warning: %s\n", prog, msg);
}

/*
 * The whole input (up to one byte past LAVA_MAX_INPUT), NUL-terminated;
 * NULL with errno on failure.
 */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = NULL, *nb;

	if (!f)
		return NULL;
	for (;;) {
		nb = realloc(buf, cap + 1);
		if (!nb)
			break;
		buf = nb;
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		/* Short, or past what lava_read takes: it refuses the rest. */
		if (n < cap || n > LAVA_MAX_INPUT)
			break;
		cap = cap * 2 > LAVA_MAX_INPUT ? LAVA_MAX_INPUT + 1 : cap * 2;
	}
	if (!nb || ferror(f)) {
		free(buf);
		buf = NULL;
	} else {
		buf[n] = '\0';
		*len = n;
	}
	if (f != stdin)
		fclose(f);
	return buf;
}

static int cmd_lava_import(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	struct lava_opts o = { NULL, NULL, NULL };
	struct lava_job j;
	struct results r;
	char err[512] = "";
	struct stat st;
	size_t len = 0, i, full = 0, na;
	int force = 0, k;
	char *buf;

	for (k = 1; k < argc; k++) {
		if (!strcmp(argv[k], "--board"))
			o.board = value(argc, argv, &k);
		else if (!strcmp(argv[k], "--cpu"))
			o.cpu = value(argc, argv, &k);
		else if (!strcmp(argv[k], "--kernel"))
			o.kernel = value(argc, argv, &k);
		else if (!strcmp(argv[k], "--force"))
			force = 1;
		else if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h"))
			return fputs(usage_lava, stdout), 0;
		else if (argv[k][0] == '-' && argv[k][1])
			die_usage("lava-import: unknown option '%s'", argv[k]);
		else if (!in)
			in = argv[k];
		else if (!out)
			out = argv[k];
		else
			die_usage("lava-import: one input and one output directory (%s)", argv[k]);
	}
	if (!in || !out)
		die_usage("%s", "lava-import: give LAVA's results (log, CSV or YAML) and an output directory");
	if (!force && !stat(out, &st))
		die_usage("lava-import: %s exists (--force replaces its results)", out);
	buf = slurp(in, &len);
	if (!buf)
		die_usage("lava-import: %s: %s", in, strerror(errno));
	lava_job_init(&j);
	if (lava_read(&j, buf, len, err, sizeof(err)) ||
	    lava_results(&j, &o, &r, err, sizeof(err), warn_line)) {
		free(buf);
		lava_job_free(&j);
		if (!strcmp(err, "out of memory"))
			die(err);
		die_usage("lava-import: %s: %s", in, err);
	}
	free(buf);
	if (outdir_replace(out, &r, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", prog, err);
		lava_job_free(&j);
		results_free(&r);
		return 1;
	}
	for (i = 0; i < r.ncells; i++)
		full += cell_usable(&r.cells[i]) && !r.cells[i].median_only;
	na = count_na(&r);
	printf("lava-import: %zu cells from the %s (%zu with every statistic, %zu median only, %zu n/a) into %s\n",
	       r.ncells, j.format, full, r.ncells - full - na, na, out);
	lava_job_free(&j);
	results_free(&r);
	return 0;
}

static const char *usage =
	"usage: hvcbench VERB [options]   (hvcbench VERB --help for each)\n"
	"       hvcbench -h|--help | --version\n"
	"  run           measure HVC round trips (module must be loaded)\n"
	"  compare       median differences with bootstrap 95% intervals\n"
	"  loop          N untimed HVCs, for perf stat\n"
	"  info          what the module reports\n"
	"  cover-letter  text for a patch cover letter\n"
	"  boards        one results directory of a stub on several boards\n"
	"  plot-data     what scripts/plot draws, from a results directory\n"
	"  lava-import   a results directory from LAVA's results of a job\n";

static int run_verb(int argc, char **argv);

/* Output that did not reach its file is a failure, not exit 0. */
int main(int argc, char **argv)
{
	int ret = run_verb(argc, argv);

	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "%s: writing the output failed\n", prog);
		return 1;
	}
	return ret;
}

static int run_verb(int argc, char **argv)
{
	if (argc < 2)
		die_usage("%s", "no verb given (see hvcbench --help)");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return fputs(usage, stdout), 0;
	if (!strcmp(argv[1], "--version"))
		return puts("hvcbench " VERSION), 0;
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "compare"))
		return cmd_compare(argc - 1, argv + 1);
	if (!strcmp(argv[1], "boards"))
		return cmd_boards(argc - 1, argv + 1);
	if (!strcmp(argv[1], "loop"))
		return cmd_loop(argc - 1, argv + 1);
	if (!strcmp(argv[1], "info"))
		return cmd_info(argc - 1, argv + 1);
	if (!strcmp(argv[1], "cover-letter"))
		return cmd_cover(argc - 1, argv + 1);
	if (!strcmp(argv[1], "plot-data"))
		return cmd_plot_data(argc - 1, argv + 1);
	if (!strcmp(argv[1], "lava-import"))
		return cmd_lava_import(argc - 1, argv + 1);
	die_usage("unknown verb '%s' (see --help)", argv[1]);
	return 2;
}
