// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests: statistics, the run-spec parser, result files.
 * Prints "ok NAME" or "FAIL NAME: why" per test and a closing count.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../bench/results/numfmt.h"
#include "../../bench/report/report.h"
#include "../../bench/results/results.h"
#include "../../bench/results/stats.h"
#include "../../kmod/spec.h"

static int passed, failed;

#define CHECK(name, cond)						\
	do {								\
		if (cond) {						\
			printf("ok %s\n", name);			\
			passed++;					\
		} else {						\
			printf("FAIL %s: %s (line %d)\n", name, #cond,	\
			       __LINE__);				\
			failed++;					\
		}							\
	} while (0)

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void test_stats(void)
{
	double x[] = { 5, 1, 4, 2, 3 }, y[100], z[] = { 7, 7, 7, 7 };
	double e[] = { 1, 2, 3, 4, 100 }, w[10];
	struct stats s;
	int i;

	stats_compute(x, 5, &s);
	CHECK("stats_min_max_median", s.min == 1 && s.max == 5 && s.median == 3);
	CHECK("stats_mean", near(s.mean, 3));
	CHECK("stats_stddev_sample", near(s.stddev, sqrt(2.5)));
	CHECK("stats_mad", near(s.mad, 1));	/* |x-3| = 2,2,1,1,0 */
	CHECK("stats_p1_interpolates", near(s.p1, 1.04));	/* h = 0.04 */
	CHECK("stats_p90_interpolates", near(s.p90, 4.6));	/* h = 3.6 */
	CHECK("stats_hist_per_value", s.hist_bins == 5 && s.hist[0] == 1 &&
	      s.hist[4] == 1);

	for (i = 0; i < 100; i++)
		y[i] = 100 - i;	/* 1..100 reversed */
	stats_compute(y, 100, &s);
	CHECK("stats_p99_of_1_100", near(s.p99, 99.01));	/* h = 98.01 */
	CHECK("stats_median_even", near(s.median, 50.5));
	CHECK("stats_hist_20_bins", s.hist_bins == 20 && s.hist[0] == 5 &&
	      s.hist[19] == 5);

	stats_compute(z, 4, &s);
	CHECK("stats_constant", s.min == 7 && s.max == 7 && s.stddev == 0 &&
	      s.mad == 0 && s.hist_bins == 1 && s.hist[0] == 4);

	stats_compute(e, 5, &s);
	CHECK("stats_mad_robust", near(s.mad, 1) && near(s.median, 3));

	for (i = 0; i < 10; i++)
		w[i] = (i * 7) % 10;
	CHECK("median_unsorted_even", near(median_unsorted(w, 10), 4.5));
	for (i = 0; i < 9; i++)
		w[i] = (i * 5) % 9;
	CHECK("median_unsorted_odd", near(median_unsorted(w, 9), 4));
	for (i = 0; i < 10; i++)
		w[i] = 3;
	CHECK("median_unsorted_ties", near(median_unsorted(w, 10), 3));
}

static void test_bootstrap(void)
{
	double a[200], b[200], lo, hi, lo2, hi2;
	int i;

	for (i = 0; i < 200; i++) {
		a[i] = 10;
		b[i] = 12;
	}
	bootstrap_median_diff(a, 200, b, 200, 500, 1, &lo, &hi);
	CHECK("bootstrap_constant_exact", lo == 2 && hi == 2);

	/* Same distribution: the interval contains 0. */
	for (i = 0; i < 200; i++) {
		a[i] = i % 20;
		b[i] = (i * 7) % 20;
	}
	bootstrap_median_diff(a, 200, b, 200, 1000, 7, &lo, &hi);
	CHECK("bootstrap_same_contains_zero", lo <= 0 && hi >= 0);

	/* Shifted by 5: the interval holds 5 and not 0. */
	for (i = 0; i < 200; i++)
		b[i] = a[i] + 5;
	bootstrap_median_diff(a, 200, b, 200, 1000, 7, &lo, &hi);
	CHECK("bootstrap_shift_excludes_zero", lo > 0 && lo <= 5 && hi >= 5);

	bootstrap_median_diff(a, 200, b, 200, 1000, 7, &lo2, &hi2);
	CHECK("bootstrap_reproducible", lo == lo2 && hi == hi2);
}

/*
 * The bootstrap by its definition: each round, b then a resampled into an
 * array (draw i is x[rng_next() % n]) and its median taken by
 * median_unsorted. bootstrap_median_diff counts draws per value and jumps
 * the generator past a one-valued side; it must give the same interval.
 */
static void boot_by_definition(const double *a, size_t na, const double *b,
			       size_t nb, unsigned int rounds, uint64_t seed,
			       double *lo, double *hi)
{
	double *tmp = malloc((na > nb ? na : nb) * sizeof(*tmp));
	double *diff = malloc(rounds * sizeof(*diff)), mb;
	struct rng r;
	unsigned int i, k;
	size_t j;

	rng_seed(&r, seed);
	for (i = 0; i < rounds; i++) {
		for (j = 0; j < nb; j++)
			tmp[j] = b[rng_next(&r) % nb];
		mb = median_unsorted(tmp, nb);
		for (j = 0; j < na; j++)
			tmp[j] = a[rng_next(&r) % na];
		diff[i] = mb - median_unsorted(tmp, na);
	}
	/* Sorted by insertion: few rounds here. */
	for (i = 1; i < rounds; i++)
		for (k = i; k > 0 && diff[k - 1] > diff[k]; k--) {
			mb = diff[k];
			diff[k] = diff[k - 1];
			diff[k - 1] = mb;
		}
	*lo = percentile_sorted(diff, rounds, 2.5);
	*hi = percentile_sorted(diff, rounds, 97.5);
	free(tmp);
	free(diff);
}

static void test_bootstrap_definition(void)
{
	/* Few samples of distinct values and few rounds: each interval
	 * end is one round's median difference, so any draw taken out of
	 * turn shows (the checks with another seed prove they can). */
	static const double a[6] = { 3.25, -1.5, 8, 0.125, 5.5, 2 };
	static const double b[5] = { 10.5, 4, 7.75, -2, 6 };
	static const double c[7] = { 9, 9, 9, 9, 9, 9, 9 };
	double lo, hi, lo2, hi2;

	/* Even and odd n; noisy-noisy, one-valued a, one-valued b. */
	bootstrap_median_diff(a, 6, b, 5, 41, 20170102u, &lo, &hi);
	boot_by_definition(a, 6, b, 5, 41, 20170102u, &lo2, &hi2);
	CHECK("bootstrap_counted_equals_definition", lo == lo2 && hi == hi2);
	boot_by_definition(a, 6, b, 5, 41, 20170103u, &lo2, &hi2);
	CHECK("bootstrap_definition_seed_matters", lo != lo2 || hi != hi2);
	bootstrap_median_diff(c, 7, b, 5, 41, 5, &lo, &hi);
	boot_by_definition(c, 7, b, 5, 41, 5, &lo2, &hi2);
	CHECK("bootstrap_constant_a_jump_equals_definition", lo == lo2 && hi == hi2);
	bootstrap_median_diff(b, 5, c, 7, 41, 5, &lo, &hi);
	boot_by_definition(b, 5, c, 7, 41, 5, &lo2, &hi2);
	CHECK("bootstrap_constant_b_jump_equals_definition", lo == lo2 && hi == hi2);
	bootstrap_median_diff(c, 7, c, 7, 41, 5, &lo, &hi);
	CHECK("bootstrap_both_constant", lo == 0 && hi == 0);
}

static const char *const stub_list[] = { "old", "new", "floor" };
static const char *const op_list[] = { "get_vectors", "set_vectors", "null" };
static const struct hvcb_names stubs = { stub_list, 3 };
static const struct hvcb_names ops = { op_list, 3 };

static int run_spec(const char *text, struct hvcb_spec *s)
{
	return hvcb_spec_parse(text, strlen(text), HVCB_SPEC_RUN, &stubs, &ops,
			       s, NULL);
}

static void test_spec(void)
{
	struct hvcb_spec s, keep = { .samples = 42 };
	char big[400];

	CHECK("spec_full", !run_spec("stubs=old,floor ops=null samples=100 cpu=1\n", &s) &&
	      s.stubs == 5 && s.ops == 4 && s.samples == 100 && s.cpu == 1);
	CHECK("spec_all_default", !run_spec("samples=5", &s) && s.stubs == 7 &&
	      s.ops == 7 && s.cpu == 0);
	CHECK("spec_all_word", !run_spec("stubs=all ops=all", &s) && s.stubs == 7);
	CHECK("spec_tabs_spaces", !run_spec("  stubs=new\tops=null  ", &s) &&
	      s.stubs == 2);
#define BAD(name, text)							\
	do {								\
		s = keep;						\
		CHECK(name, run_spec(text, &s) < 0 && s.samples == 42);	\
	} while (0)
	BAD("spec_empty", "");
	BAD("spec_blank", "   \n");
	BAD("spec_unknown_stub", "stubs=nope");
	BAD("spec_unknown_op", "ops=get");
	BAD("spec_empty_list", "stubs=");
	BAD("spec_empty_item", "stubs=old,,new");
	BAD("spec_trailing_comma", "stubs=old,");
	BAD("spec_zero_samples", "samples=0");
	BAD("spec_negative", "samples=-1");
	BAD("spec_plus", "samples=+5");
	BAD("spec_huge", "samples=1000001");
	BAD("spec_overflow", "samples=99999999999999999999");
	BAD("spec_leading_zero", "samples=010");
	BAD("spec_hex", "samples=0x10");
	BAD("spec_trailing_garbage", "samples=10x");
	BAD("spec_no_equals", "samples");
	BAD("spec_unknown_key", "color=red");
	BAD("spec_repeated_key", "samples=1 samples=2");
	BAD("spec_cpu_range", "cpu=4096");
	BAD("spec_loop_key_in_run", "n=5");
	BAD("spec_non_ascii", "stubs=\xc3\xa9");
	BAD("spec_two_newlines", "samples=5\n\n");
	s = keep;
	CHECK("spec_embedded_nul", hvcb_spec_parse("samples=5\0x", 11,
		HVCB_SPEC_RUN, &stubs, &ops, &s, NULL) < 0 && s.samples == 42);
	memset(big, ' ', sizeof(big));
	memcpy(big, "samples=5", 9);
	s = keep;
	CHECK("spec_too_long", hvcb_spec_parse(big, sizeof(big), HVCB_SPEC_RUN,
		&stubs, &ops, &s, NULL) < 0 && s.samples == 42);

	CHECK("spec_loop", !hvcb_spec_parse("stub=floor op=null n=16 baseline=1", 34,
		HVCB_SPEC_LOOP, &stubs, &ops, &s, NULL) && s.stubs == 4 &&
	      s.ops == 4 && s.n == 16 && s.baseline);
	CHECK("spec_loop_needs_n", hvcb_spec_parse("stub=floor op=null", 18,
		HVCB_SPEC_LOOP, &stubs, &ops, &s, NULL) < 0);
	CHECK("spec_loop_one_stub", hvcb_spec_parse("stub=old,new op=null n=8", 24,
		HVCB_SPEC_LOOP, &stubs, &ops, &s, NULL) < 0);
	CHECK("spec_loop_range", hvcb_spec_parse("stub=old op=null n=100000001", 28,
		HVCB_SPEC_LOOP, &stubs, &ops, &s, NULL) < 0);
}

static void test_files(void)
{
	struct results r, back;
	struct cell *c;
	char err[256];
	FILE *f;
	int i;

	results_init(&r);
	meta_set(&r.meta, "unit", "insn");
	meta_set(&r.meta, "kernel", "6.1 \"quoted\" \\ x");
	meta_set(&r.meta, "stubs", "old new");
	meta_set(&r.meta, "ops", "get_vectors null");
	c = results_cell(&r, "old", "get_vectors", 1);
	for (i = 0; i < 10; i++) {
		c->v = realloc(c->v, (c->n + 1) * sizeof(double));
		c->v[c->n++] = 6 + (i == 9);
	}
	c = results_cell(&r, "new", "null", 1);
	c->applicable = 0;
	results_stats(&r);

	f = tmpfile();
	write_samples_csv(&r, f);
	rewind(f);
	results_init(&back);
	CHECK("samples_csv_roundtrip", !read_samples_csv(&back, f, err, sizeof(err)) &&
	      back.ncells == 1 && back.cells[0].n == 10 && back.cells[0].v[9] == 7);
	fclose(f);
	results_free(&back);

	/* Whole numbers by hand, everything else by printf: as "%.0f". */
	{
		static const double v[] = { 0, -0.0, 7, -12, 1234567890123.0,
					    9007199254740991.0, 9007199254740992.0,
					    1e300, 2.5, -3.5, 0.4 };
		struct results w;
		char got[1024], want[1024], *p = want;
		size_t k, len;

		results_init(&w);
		c = results_cell(&w, "s", "o", 1);
		c->v = malloc(sizeof(v));
		memcpy(c->v, v, sizeof(v));
		c->n = sizeof(v) / sizeof(v[0]);
		f = tmpfile();
		write_samples_csv(&w, f);
		rewind(f);
		len = fread(got, 1, sizeof(got) - 1, f);
		got[len] = '\0';
		fclose(f);
		p += sprintf(p, "stub,op,value\n");
		for (k = 0; k < c->n; k++)
			p += sprintf(p, "s,o,%.0f\n", v[k]);
		CHECK("samples_csv_as_printf", !strcmp(got, want));
		results_free(&w);
	}

	f = tmpfile();
	write_meta_json(&r.meta, f);
	rewind(f);
	results_init(&back);
	CHECK("meta_json_roundtrip", !read_meta_json(&back.meta, f, err, sizeof(err)) &&
	      !strcmp(meta_get(&back.meta, "kernel"), "6.1 \"quoted\" \\ x"));
	fclose(f);
	results_free(&back);

	f = tmpfile();
	write_summary_csv(&r, f);
	rewind(f);
	{
		char line[256];

		fgets(line, sizeof(line), f);
		CHECK("summary_header", !strncmp(line,
		      "stub,op,unit,n,min,p1,median,mean,p90,p99,max,", 46));
		fgets(line, sizeof(line), f);
		CHECK("summary_row", !strcmp(line,
		      "old,get_vectors,insn,10,6,6,6,6.1,6.1,6.91,7,0.31622776601683794,0,0,ok,\n"));
		fgets(line, sizeof(line), f);
		CHECK("summary_na_not_zero", !strncmp(line,
		      "new,null,insn,,,,,,,,,,,,n/a,", 29));
	}
	fclose(f);

#define BADREAD(name, text, fn)						\
	do {								\
		f = tmpfile();						\
		fputs(text, f);						\
		rewind(f);						\
		results_init(&back);					\
		CHECK(name, fn(&back, f, err, sizeof(err)) < 0);	\
		fclose(f);						\
		results_free(&back);					\
	} while (0)
#define META(b, f, e, l) read_meta_json(&(b)->meta, f, e, l)
	BADREAD("samples_csv_bad_header", "a,b,c\n", read_samples_csv);
	BADREAD("samples_csv_bad_value", "stub,op,value\nold,null,x\n", read_samples_csv);
	BADREAD("samples_csv_extra_field", "stub,op,value\nold,null,1,2\n", read_samples_csv);
	BADREAD("samples_csv_bad_name", "stub,op,value\no d,null,1\n", read_samples_csv);
	BADREAD("meta_json_not_object", "[1]", META);
	BADREAD("meta_json_number", "{\"a\": 1}", META);
	BADREAD("meta_json_trailing", "{\"a\": \"b\"} x", META);
	BADREAD("meta_json_unterminated", "{\"a\": \"b", META);

	f = tmpfile();
	fputs("@ old get_vectors 2 2\n6\n6\n@ floor null 1 2\n2\n", f);
	rewind(f);
	results_init(&back);
	CHECK("module_samples_parse", !parse_module_samples(&back, f, err, sizeof(err)) &&
	      back.ncells == 2 && back.cells[1].v[0] == 2 &&
	      back.cells[0].overhead == 2);
	fclose(f);
	results_free(&back);
	BADREAD("module_samples_short", "@ old null 3 2\n6\n", parse_module_samples);
	BADREAD("module_samples_orphan", "6\n", parse_module_samples);
	results_free(&r);
}

static void test_numbers(void)
{
	char b[NUM_LEN];

	CHECK("num_integer_whole", !strcmp(num_exact(b, 2575049), "2575049"));
	CHECK("num_large_whole", !strcmp(num_exact(b, 123456789012.0), "123456789012"));
	CHECK("num_half", !strcmp(num_exact(b, 1140025.5), "1140025.5"));
	CHECK("num_roundtrip", strtod(num_exact(b, 0.1 + 0.2), NULL) == 0.1 + 0.2 &&
	      !strchr(b, 'e'));
	CHECK("num_tiny_no_exponent", !strchr(num_exact(b, 1e-7), 'e') &&
	      strtod(b, NULL) == 1e-7);
	CHECK("num_short_two_decimals", !strcmp(num_short(b, 6.4321), "6.43") &&
	      !strcmp(num_short(b, 6.5), "6.5") && !strcmp(num_short(b, 7), "7"));
	CHECK("num_short_large", !strcmp(num_short(b, 2575049), "2575049"));
	CHECK("num_signed", !strcmp(num_signed(b, 3), "+3") &&
	      !strcmp(num_signed(b, -0.5), "-0.5") && !strcmp(num_signed(b, 0), "+0"));
	CHECK("num_no_negative_zero", !strcmp(num_exact(b, -0.0), "0") &&
	      !strcmp(num_short(b, -0.0), "0") && !strcmp(num_signed(b, -0.0), "+0") &&
	      !strcmp(num_short(b, -0.001), "0"));
	/* The largest and smallest values the readers accept print whole or
	 * read back the same. */
	CHECK("num_limits_roundtrip", strtod(num_exact(b, 999999999999999.9), NULL) ==
	      999999999999999.9 && strtod(num_exact(b, 1.234567890123e-9), NULL) ==
	      1.234567890123e-9 && !strchr(b, 'e'));
}

/* summary.csv by header name; cells in order of first appearance. */
static void test_summary_read(void)
{
	struct results r;
	char err[256];
	FILE *f = tmpfile();

	fputs("median,status,op,n,stub,unit,min,p1,mean,p90,p99,max,stddev,mad\n"
	      ",n/a,x,,a,cycles,,,,,,,,\n"
	      "5,ok,x,3,b,cycles,4,4,5,6,6,6,1,1\n"
	      "2,ok,y,3,a,cycles,1,1,2,3,3,3,1,1\n", f);
	rewind(f);
	results_init(&r);
	CHECK("summary_by_header", !read_summary_csv(&r, f, err, sizeof(err)) &&
	      r.ncells == 3 && !r.cells[0].applicable &&
	      cell_usable(&r.cells[1]) && r.cells[1].st.median == 5 &&
	      r.cells[2].st.median == 2 && !strcmp(results_unit(&r), "cycles"));
	results_sort(&r);
	CHECK("sort_first_appearance", !strcmp(r.cells[0].stub, "a") &&
	      !strcmp(r.cells[0].op, "x") && !strcmp(r.cells[1].stub, "a") &&
	      !strcmp(r.cells[1].op, "y") && !strcmp(r.cells[2].stub, "b"));
	fclose(f);
	results_free(&r);

	f = tmpfile();
	fputs("stub,op,status,unit\na,x,ok,cycles\n", f);
	rewind(f);
	results_init(&r);
	CHECK("summary_ok_needs_values", read_summary_csv(&r, f, err, sizeof(err)));
	fclose(f);
	results_free(&r);

	f = tmpfile();
	fputs("stub,op,status,unit\na,x,n/a,cycles\nb,x,n/a,insn\n", f);
	rewind(f);
	results_init(&r);
	CHECK("summary_mixed_units", read_summary_csv(&r, f, err, sizeof(err)) &&
	      strstr(err, "mixed units"));
	fclose(f);
	results_free(&r);

	/* Values no round trip has: refused, not printed wrong. */
	f = tmpfile();
	fputs("stub,op,status,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad\n"
	      "a,x,ok,cycles,3,1,1,1e46,1,1,1,1,0,0\n", f);
	rewind(f);
	results_init(&r);
	CHECK("summary_refuses_huge", read_summary_csv(&r, f, err, sizeof(err)));
	fclose(f);
	results_free(&r);
	f = tmpfile();
	fputs("stub,op,status,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad\n"
	      "a,x,ok,cycles,3,1,1,1,1,1,1,1,1e-30,0\n", f);
	rewind(f);
	results_init(&r);
	CHECK("summary_refuses_tiny", read_summary_csv(&r, f, err, sizeof(err)));
	fclose(f);
	results_free(&r);
}

int main(void)
{
	test_numbers();
	test_summary_read();
	test_stats();
	test_bootstrap();
	test_bootstrap_definition();
	test_spec();
	test_files();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
