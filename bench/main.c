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
#include <getopt.h>
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

#define BLOCK 2000	/* samples per cell per module run: progress steps */

static const char *const unit_names[HVCB_NR_UNITS] = HVCB_UNIT_NAMES;

static const char *prog = "hvcbench";

/*
 * Everything a verb prints for the user goes here first and reaches
 * stdout only when the verb succeeds: a failure prints its one line on
 * stderr and nothing on stdout.
 */
static FILE *out;

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

/*
 * getopt_long over a verb's table (opterr off, optstring starting with
 * ':'): an unknown option or one without its value is a usage error.
 */
static int next_opt(int argc, char **argv, const char *verb,
		    const char *shortopts, const struct option *longopts)
{
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);

	if (c == '?') {
		if (optopt)
			die_usage("%s: unknown option '-%c' (see %s --help)", verb,
				  optopt, verb);
		die_usage("%s: unknown option '%s' (see %s --help)", verb,
			  argv[optind - 1], verb);
	}
	if (c == ':')
		die_usage("%s wants a value", argv[optind - 1]);
	return c;
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
	"                    [--format table|csv|json] [--hist] [-o DIR [--force]]\n"
	"                    [--machine TEXT]\n"
	"Measure HVC round trips with the loaded module. LIST is a comma list or\n"
	"\"all\" (default). Samples are taken in blocks, every cell interleaved\n"
	"with the others; values are overhead-corrected. -o writes summary.csv,\n"
	"samples.csv and meta.json into DIR, which must not exist (--force\n"
	"replaces it whole, once the run is done). --machine names what it ran on\n"
	"(default: QEMU virt when the module finds it, else the device tree's model).\n"
	"Statistics: percentiles interpolate linearly between ranks (type 7);\n"
	"stddev is the sample standard deviation (n-1); MAD is unscaled.\n";

static const struct option run_opts[] = {
	{ "stub", required_argument, NULL, 's' },
	{ "op", required_argument, NULL, 'p' },
	{ "cpu", required_argument, NULL, 'c' },
	{ "format", required_argument, NULL, 'f' },
	{ "hist", no_argument, NULL, 'H' },
	{ "machine", required_argument, NULL, 'm' },
	{ "force", no_argument, NULL, 'F' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_run(int argc, char **argv)
{
	const char *stubs = "all", *ops = "all", *fmt = "table", *dir = NULL;
	const char *machine = NULL;
	unsigned long n = HVCB_DEFAULT_SAMPLES, cpu = 0, done, step;
	struct results r, block;
	char spec[HVCB_SPEC_MAX_LEN + 1], err[512], stamp[64];
	int hist = 0, force = 0, c;
	double t0, last;
	struct meta m = { .count = 0 };
	time_t t = time(NULL);

	while ((c = next_opt(argc, argv, "run", ":hn:o:", run_opts)) != -1) {
		switch (c) {
		case 's': stubs = optarg; break;
		case 'p': ops = optarg; break;
		case 'n': n = number("-n", optarg, 1, HVCB_MAX_SAMPLES); break;
		case 'c': cpu = number("--cpu", optarg, 0, HVCB_MAX_CPU); break;
		case 'f': fmt = optarg; break;
		case 'H': hist = 1; break;
		case 'o': dir = optarg; break;
		case 'm': machine = optarg; break;
		case 'F': force = 1; break;
		case 'h': return fputs(usage_run, out), 0;
		}
	}
	if (optind < argc)
		die_usage("run: unexpected argument '%s' (see run --help)", argv[optind]);
	if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
		die_usage("unknown format '%s' (table, csv or json)", fmt);
	if (force && !dir)
		die_usage("%s", "run: --force is for -o DIR");
	if (dir && outdir_check(dir, force, NULL, 0, err, sizeof(err)))
		die_usage("run: %s", err);
	t0 = now();
	last = t0;

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
		for (size_t k = 0; k < block.ncells; k++) {
			struct cell *src = &block.cells[k];
			struct cell *dst = results_cell(&r, src->stub, src->op, 1);

			if (!dst)
				die("out of memory");
			dst->overhead = src->overhead;
			for (size_t v = 0; v < src->n; v++) {
				if (dst->n == dst->cap) {
					size_t cap = dst->cap ? dst->cap * 2 : n;
					double *nv = realloc(dst->v, cap * sizeof(*nv));

					if (!nv)
						die("out of memory");
					dst->v = nv;
					dst->cap = cap;
				}
				dst->v[dst->n++] = src->v[v];
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
	meta_set(&r.meta, "hvcbench_version", HVCB_VERSION);
	snprintf(stamp, sizeof(stamp), "%lu", n);
	meta_set(&r.meta, "samples", stamp);
	meta_set(&r.meta, "icount", meta_get(&r.meta, "unit") &&
		 !strcmp(meta_get(&r.meta, "unit"), unit_names[HVCB_UNIT_INSN]) ?
		 "yes" : "no");
	meta_set(&r.meta, "machine", machine ? machine : default_machine(&m));
	mark_not_applicable(&r, stubs, ops);
	results_sort(&r);
	results_stats(&r);

	if (dir && outdir_write(dir, &r, 1, err, sizeof(err)))
		die(err);
	if (!strcmp(fmt, "csv"))
		write_summary_csv(&r, out);
	else if (!strcmp(fmt, "json"))
		write_results_json(&r, out);
	else if (print_table(&r, hist, out))
		die("out of memory");
	results_free(&r);
	return 0;
}

static void load_dir(struct results *r, const char *dir)
{
	char err[512] = "";

	results_init(r);
	if (read_results_dir(r, dir, err, sizeof(err))) {
		if (!strcmp(err, "out of memory"))
			die(err);
		die_usage("%s", err);	/* bad input: exit 2 */
	}
}

/* The reference stub: the one of role reference if measured, else the first. */
static const char *default_ref(const struct results *r)
{
	const char *ref = results_stub_with_role(r, HVCB_ROLE_REFERENCE, 0);

	if (ref)
		return ref;
	return r->ncells ? r->cells[0].stub : "";
}

/* Two runs counting in different units do not subtract: exit 2. */
static void same_units(const struct results *a, const struct results *b,
		       int force)
{
	char what[1024];

	if (units_differ(a, b) && !force) {
		runs_describe(a, a->dir, b, b->dir, what, sizeof(what));
		die_usage("%s: not comparable (--force-units to compare anyway)",
			  what);
	}
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
		if (!strcmp(err, "out of memory"))
			die(err);
		die_usage("%s", err);
	}
	if (stub && !boards_measured(&b, stub, 0))
		die_usage("--stub %s: no board measured that stub", stub);
	ret = letter ? print_boards_letter(&b, stub, out) :
		       print_boards_compare(&b, csv, out);
	boards_free(&b);
	if (ret)
		die("out of memory");
	return 0;
}

static const struct option compare_opts[] = {
	{ "ref", required_argument, NULL, 'r' },
	{ "names", required_argument, NULL, 'N' },
	{ "format", required_argument, NULL, 'f' },
	{ "force-units", no_argument, NULL, 'U' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* The directories after the options: at most MAX_BOARDS. */
static int dir_args(int argc, char **argv, const char *verb, int first,
		    char *dirs[MAX_BOARDS])
{
	int nd = 0, i;

	for (i = first; i < argc; i++) {
		if (nd == MAX_BOARDS)
			die_usage("%s: more than %d directories (%s)", verb,
				  MAX_BOARDS, argv[i]);
		dirs[nd++] = argv[i];
	}
	return nd;
}

static int cmd_compare(int argc, char **argv)
{
	char *dirs[MAX_BOARDS];
	const char *ref = NULL, *fmt = "table", *names = NULL;
	struct results a, b;
	int nd, ret, force = 0, c;

	while ((c = next_opt(argc, argv, "compare", ":h", compare_opts)) != -1) {
		switch (c) {
		case 'r': ref = optarg; break;
		case 'N': names = optarg; break;
		case 'f': fmt = optarg; break;
		case 'U': force = 1; break;
		case 'h': return fputs(usage_compare, out), 0;
		}
	}
	nd = dir_args(argc, argv, "compare", optind, dirs);
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
		ret = print_compare_dirs(&a, &b, !strcmp(fmt, "csv"), out);
		results_free(&b);
	} else {
		if (ref)
			need_stub(&a, "--ref", ref);
		else
			ref = default_ref(&a);
		ret = print_compare_stubs(&a, ref, !strcmp(fmt, "csv"), out);
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

static const struct option loop_opts[] = {
	{ "stub", required_argument, NULL, 's' },
	{ "op", required_argument, NULL, 'p' },
	{ "baseline", no_argument, NULL, 'B' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_loop(int argc, char **argv)
{
	const char *stub = NULL, *op = NULL;
	unsigned long n = 0;
	int baseline = 0, c;
	char spec[HVCB_SPEC_MAX_LEN + 1], err[512];
	struct meta m = { .count = 0 };

	while ((c = next_opt(argc, argv, "loop", ":hn:", loop_opts)) != -1) {
		switch (c) {
		case 's': stub = optarg; break;
		case 'p': op = optarg; break;
		case 'n': n = number("-n", optarg, 1, HVCB_MAX_LOOP); break;
		case 'B': baseline = 1; break;
		case 'h': return fputs(usage_loop, out), 0;
		}
	}
	if (optind < argc)
		die_usage("loop: unexpected argument '%s' (see loop --help)", argv[optind]);
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

static const struct option help_only_opts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_info(int argc, char **argv)
{
	struct meta m = { .count = 0 };
	int i, c;

	while ((c = next_opt(argc, argv, "info", ":h", help_only_opts)) != -1)
		if (c == 'h')
			return fputs("usage: hvcbench info\nWhat the module reports: kernel, CPU, install method, counter unit, overheads.\n", out), 0;
	if (optind < argc)
		die_usage("info: unknown argument '%s'", argv[optind]);
	need_module(&m);
	for (i = 0; i < m.count; i++)
		fprintf(out, "%s: %s\n", m.key[i], m.val[i]);
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

static const struct option cover_opts[] = {
	{ "ref", required_argument, NULL, 'r' },
	{ "stub", required_argument, NULL, 's' },
	{ "names", required_argument, NULL, 'N' },
	{ "force-units", no_argument, NULL, 'U' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_cover(int argc, char **argv)
{
	char *dirs[MAX_BOARDS];
	const char *ref = NULL, *stub = NULL, *names = NULL;
	struct results a, b;
	int nd, ret, force = 0, c;

	while ((c = next_opt(argc, argv, "cover-letter", ":h", cover_opts)) != -1) {
		switch (c) {
		case 'r': ref = optarg; break;
		case 's': stub = optarg; break;
		case 'N': names = optarg; break;
		case 'U': force = 1; break;
		case 'h': return fputs(usage_cover, out), 0;
		}
	}
	nd = dir_args(argc, argv, "cover-letter", optind, dirs);
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
	ret = print_cover_letter(&a, nd == 2 ? &b : NULL, ref, stub, out);
	results_free(&a);
	if (nd == 2)
		results_free(&b);
	if (ret)
		die("out of memory");
	return 0;
}

static const char *usage_boards =
	"usage: hvcbench boards OUTDIR DIR DIR... [--stub STUB] [--names A,B,..]\n"
	"                       [--force-units] [--force]\n"
	"One results directory in OUTDIR whose stubs are the boards: STUB's\n"
	"cells of every DIR (default new, else the first stub every board\n"
	"measured), samples and all, so that scripts/plot OUTDIR draws a group\n"
	"per op and a bar per board; boards without STUB are left out, and a\n"
	"warning names them. Boards are named by --names, else meta.json's\n"
	"board, else the directory's name if it is a name, else platform and\n"
	"CPU (and the kernel where two would share a name). Units must agree\n"
	"(--force-units: each board keeps its own, labels say \"mixed units\").\n"
	"OUTDIR must not exist and is no DIR; --force replaces it whole.\n";

static const struct option boards_opts[] = {
	{ "stub", required_argument, NULL, 's' },
	{ "names", required_argument, NULL, 'N' },
	{ "force-units", no_argument, NULL, 'U' },
	{ "force", no_argument, NULL, 'F' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_boards(int argc, char **argv)
{
	char *dirs[MAX_BOARDS], err[1024] = "";
	const char *dir, *stub = NULL, *names = NULL;
	struct results m;
	struct boards b;
	int nd, force_units = 0, force = 0, c;

	while ((c = next_opt(argc, argv, "boards", ":h", boards_opts)) != -1) {
		switch (c) {
		case 's': stub = optarg; break;
		case 'N': names = optarg; break;
		case 'U': force_units = 1; break;
		case 'F': force = 1; break;
		case 'h': return fputs(usage_boards, out), 0;
		}
	}
	if (argc - optind < 3)
		die_usage("%s", "boards: give an output directory and two or more result directories");
	dir = argv[optind];
	nd = dir_args(argc, argv, "boards", optind + 1, dirs);
	if (outdir_check(dir, force, (const char *const *)dirs, nd, err, sizeof(err)))
		die_usage("boards: %s", err);
	if (boards_load(&b, dirs, nd, names, force_units, err, sizeof(err))) {
		if (!strcmp(err, "out of memory"))
			die(err);
		die_usage("%s", err);
	}
	if (stub && !boards_measured(&b, stub, 0))
		die_usage("--stub %s: no board measured that stub", stub);
	stub = boards_chart_stub(&b, stub);
	if (!stub)
		die_usage("%s", "boards: no stub was measured on every board: give --stub");
	if (boards_merge(&b, stub, &m, err, sizeof(err)))
		die(err);
	boards_left_out(&b, stub, err, sizeof(err));
	if (*err)
		fprintf(stderr, "%s: warning: %s\n", prog, err);
	boards_free(&b);
	if (outdir_write(dir, &m, 1, err, sizeof(err)))
		die(err);
	results_free(&m);
	return 0;
}

static int cmd_plot_data(int argc, char **argv)
{
	struct results r;
	char err[512] = "";
	int c;

	while ((c = next_opt(argc, argv, "plot-data", ":h", help_only_opts)) != -1)
		if (c == 'h')
			return fputs("usage: hvcbench plot-data DIR OUTDIR\nThe files scripts/plot draws from: cell order, labels and values.\n", out), 0;
	if (argc - optind != 2)
		die_usage("%s", "plot-data: give a results directory and an output directory");
	load_dir(&r, argv[optind]);
	errno = 0;
	if (outdir_make(argv[optind + 1]) < 0 ||
	    write_plot_data(&r, argv[optind + 1], err, sizeof(err))) {
		if (errno && !*err)
			snprintf(err, sizeof(err), "%s: %s", argv[optind + 1], strerror(errno));
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
	"256 MiB, no hvcbench cases, a failed or skipped case (with its reason\n"
	"where the input has one), a job LAVA did not complete (refused with\n"
	"LAVA's error_msg and error_type), mixed units or units that are not a\n"
	"name (YAML's null is none), a measurement that is not a plain\n"
	"non-negative decimal (digits, at most one '.'; below 10^15, and 0 or at\n"
	"least 10^-9), a by-hand case line that does not read (by its number),\n"
	"a name that is no STUB-OP, a summary row whose median is not LAVA's,\n"
	"an existing OUTDIR without --force (which replaces it whole), an\n"
	"OUTDIR holding IN, lavacli's pretty log (not the raw one).\n"
	"Without LAVA's own suite (a suite's CSV) a warning says completion was\n"
	"not checked.\n"
	"meta.json keeps the job's id and a log's device name (lava_job,\n"
	"lava_device). OUTDIR is written beside its place and put there in one\n"
	"step: a failed write (exit 1) leaves it as it was.\n";

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

static const struct option lava_opts[] = {
	{ "board", required_argument, NULL, 'b' },
	{ "cpu", required_argument, NULL, 'c' },
	{ "kernel", required_argument, NULL, 'k' },
	{ "force", no_argument, NULL, 'F' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int cmd_lava_import(int argc, char **argv)
{
	const char *in, *dir;
	struct lava_opts o = { NULL, NULL, NULL };
	struct lava_job j;
	struct results r;
	char err[1024] = "";
	size_t len = 0, i, full = 0, na;
	int force = 0, c;
	char *buf;

	while ((c = next_opt(argc, argv, "lava-import", ":h", lava_opts)) != -1) {
		switch (c) {
		case 'b': o.board = optarg; break;
		case 'c': o.cpu = optarg; break;
		case 'k': o.kernel = optarg; break;
		case 'F': force = 1; break;
		case 'h': return fputs(usage_lava, out), 0;
		}
	}
	if (argc - optind > 2)
		die_usage("lava-import: one input and one output directory (%s)",
			  argv[optind + 2]);
	if (argc - optind < 2)
		die_usage("%s", "lava-import: give LAVA's results (log, CSV or YAML) and an output directory");
	in = argv[optind];
	dir = argv[optind + 1];
	if (outdir_check(dir, force, &in, 1, err, sizeof(err)))
		die_usage("lava-import: %s", err);
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
	if (outdir_write(dir, &r, 0, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", prog, err);
		lava_job_free(&j);
		results_free(&r);
		return 1;
	}
	for (i = 0; i < r.ncells; i++)
		full += cell_usable(&r.cells[i]) && !r.cells[i].median_only;
	na = count_na(&r);
	fprintf(out, "lava-import: %zu cells from the %s (%zu with every statistic, %zu median only, %zu n/a) into %s\n",
		r.ncells, j.format, full, r.ncells - full - na, na, dir);
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

/*
 * What a verb printed reaches stdout once it succeeded; output that did
 * not reach its file is a failure, not exit 0.
 */
int main(int argc, char **argv)
{
	char *text = NULL;
	size_t size = 0;
	int ret;

	out = open_memstream(&text, &size);
	if (!out)
		die("out of memory");
	ret = run_verb(argc, argv);
	if (fclose(out))
		die("out of memory");
	if (!ret && size && fwrite(text, 1, size, stdout) != size)
		ret = -1;
	free(text);
	if (fflush(stdout) || ferror(stdout) || ret < 0) {
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
		return fputs(usage, out), 0;
	if (!strcmp(argv[1], "--version"))
		return fputs("hvcbench " HVCB_VERSION "\n", out), 0;
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
