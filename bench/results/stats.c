// SPDX-License-Identifier: GPL-2.0
/*
 * Order statistics, moments, MAD, histogram and a bootstrap interval for
 * the difference of two medians.
 *
 * Percentiles interpolate linearly between closest ranks (h = (n-1)p/100,
 * "type 7"). MAD is the median absolute deviation from the median,
 * unscaled. The bootstrap resamples both sides with replacement from a
 * seeded generator, so the same input gives the same interval.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "stats.h"

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

double percentile_sorted(const double *x, size_t n, double p)
{
	double h, frac;
	size_t lo;

	if (n == 1)
		return x[0];
	h = (double)(n - 1) * p / 100.0;
	lo = (size_t)floor(h);
	if (lo >= n - 1)
		return x[n - 1];
	frac = h - (double)lo;
	return x[lo] + frac * (x[lo + 1] - x[lo]);
}

double select_kth(double *x, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = x[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;

		while (i <= j) {
			while (x[i] < pivot)
				i++;
			while (x[j] > pivot)
				j--;
			if (i <= j) {
				double t = x[i];

				x[i] = x[j];
				x[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return x[k];
}

double median_unsorted(double *x, size_t n)
{
	double hi = select_kth(x, n, n / 2), lo;
	size_t i;

	if (n % 2)
		return hi;
	/* The lower middle is the largest of the lower half. */
	lo = x[0];
	for (i = 1; i < n / 2; i++)
		if (x[i] > lo)
			lo = x[i];
	return (lo + hi) / 2.0;
}

static void histogram(const double *sorted, size_t n, struct stats *s)
{
	double span = s->max - s->min;
	size_t i;
	unsigned int b;

	memset(s->hist, 0, sizeof(s->hist));
	/* Integer data with few values: one bin per value. */
	if (span < HIST_MAX_BINS && floor(s->min) == s->min &&
	    floor(s->max) == s->max) {
		s->hist_bins = (unsigned int)span + 1;
		s->hist_width = 1.0;
		s->hist_lo = s->min - 0.5;
	} else {
		s->hist_bins = 20;
		s->hist_width = span / 20.0;
		s->hist_lo = s->min;
	}
	for (i = 0; i < n; i++) {
		b = (unsigned int)((sorted[i] - s->hist_lo) / s->hist_width);
		if (b >= s->hist_bins)
			b = s->hist_bins - 1;
		s->hist[b]++;
	}
}

/* qsort, after a look whether x is in order already (a cell of one value). */
static void sort_doubles(double *x, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (x[i] < x[i - 1])
			break;
	if (i < n)
		qsort(x, n, sizeof(*x), cmp_double);
}

int stats_compute(double *x, size_t n, struct stats *s)
{
	double sum = 0, sq = 0, *dev;
	size_t i;

	if (!n)
		return -1;
	sort_doubles(x, n);
	memset(s, 0, sizeof(*s));
	s->n = n;
	s->min = x[0];
	s->max = x[n - 1];
	s->p1 = percentile_sorted(x, n, 1);
	s->median = percentile_sorted(x, n, 50);
	s->p90 = percentile_sorted(x, n, 90);
	s->p99 = percentile_sorted(x, n, 99);
	for (i = 0; i < n; i++)
		sum += x[i];
	s->mean = sum / (double)n;
	for (i = 0; i < n; i++)
		sq += (x[i] - s->mean) * (x[i] - s->mean);
	s->stddev = n > 1 ? sqrt(sq / (double)(n - 1)) : 0;

	dev = malloc(n * sizeof(*dev));
	if (!dev)
		return -1;
	for (i = 0; i < n; i++)
		dev[i] = fabs(x[i] - s->median);
	sort_doubles(dev, n);
	s->mad = percentile_sorted(dev, n, 50);
	free(dev);
	histogram(x, n, s);
	return 0;
}

void rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed ? seed : 0x9e3779b97f4a7c15ull;
}

uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dull;
}

/*
 * One side of the bootstrap. A resample's median depends only on how many
 * times each distinct value was drawn: the draws are counted per value
 * (vals ascending, idx[i] the value of sample i) and the middle ranks
 * found by a walk over the counts, with the same result as sorting the
 * resample. A side with one value always has that median: its draws only
 * move the generator on, done at once by jump (the generator's step is
 * linear over GF(2): jump[j] is where state bit j goes in n steps).
 */
struct boot_side {
	size_t n, nvals;
	double *vals;
	size_t *idx, *count;
	uint64_t jump[64];
};

struct value_at {
	double v;
	size_t i;
};

static int cmp_value_at(const void *pa, const void *pb)
{
	return cmp_double(&((const struct value_at *)pa)->v,
			  &((const struct value_at *)pb)->v);
}

/* The generator's state step, without its output multiply. */
static uint64_t rng_step(uint64_t s)
{
	s ^= s >> 12;
	s ^= s << 25;
	s ^= s >> 27;
	return s;
}

static uint64_t gf2_apply(const uint64_t m[64], uint64_t s)
{
	uint64_t r = 0;
	unsigned int j;

	for (j = 0; j < 64; j++)
		if (s >> j & 1)
			r ^= m[j];
	return r;
}

/* out = a after b (out may be a or b). */
static void gf2_compose(const uint64_t a[64], const uint64_t b[64], uint64_t out[64])
{
	uint64_t r[64];
	unsigned int j;

	for (j = 0; j < 64; j++)
		r[j] = gf2_apply(a, b[j]);
	memcpy(out, r, sizeof(r));
}

static void rng_jump_matrix(size_t n, uint64_t m[64])
{
	uint64_t step[64];
	unsigned int j;

	for (j = 0; j < 64; j++) {
		m[j] = 1ull << j;
		step[j] = rng_step(1ull << j);
	}
	for (; n; n >>= 1) {
		if (n & 1)
			gf2_compose(step, m, m);
		gf2_compose(step, step, step);
	}
}

static void boot_side_free(struct boot_side *b)
{
	free(b->vals);
	free(b->idx);
	free(b->count);
}

static int boot_side_init(struct boot_side *b, const double *x, size_t n)
{
	struct value_at *order;
	size_t i;

	memset(b, 0, sizeof(*b));
	b->n = n;
	order = malloc(n * sizeof(*order));
	b->vals = malloc(n * sizeof(*b->vals));
	b->idx = malloc(n * sizeof(*b->idx));
	b->count = malloc(n * sizeof(*b->count));
	if (!order || !b->vals || !b->idx || !b->count) {
		free(order);
		boot_side_free(b);
		return -1;
	}
	for (i = 0; i < n; i++) {
		order[i].v = x[i];
		order[i].i = i;
	}
	qsort(order, n, sizeof(*order), cmp_value_at);
	for (i = 0; i < n; i++) {
		if (!b->nvals || order[i].v != b->vals[b->nvals - 1])
			b->vals[b->nvals++] = order[i].v;
		b->idx[order[i].i] = b->nvals - 1;
	}
	free(order);
	if (b->nvals == 1)
		rng_jump_matrix(n, b->jump);
	return 0;
}

/* The k-th smallest (0-based) of the values counted in b->count. */
static double counted_kth(const struct boot_side *b, size_t k)
{
	size_t v, seen = 0;

	for (v = 0; v < b->nvals; v++) {
		seen += b->count[v];
		if (seen > k)
			return b->vals[v];
	}
	return b->vals[b->nvals - 1];
}

static double resampled_median(const struct boot_side *b, struct rng *r)
{
	size_t i, n = b->n;
	double hi;

	if (b->nvals == 1) {
		r->s = gf2_apply(b->jump, r->s);
		return b->vals[0];
	}
	memset(b->count, 0, b->nvals * sizeof(*b->count));
	for (i = 0; i < n; i++)
		b->count[b->idx[rng_next(r) % n]]++;
	hi = counted_kth(b, n / 2);
	if (n % 2)
		return hi;
	return (counted_kth(b, n / 2 - 1) + hi) / 2.0;
}

int bootstrap_median_diff(const double *a, size_t na, const double *b,
			  size_t nb, unsigned int rounds, uint64_t seed,
			  double *lo, double *hi)
{
	struct boot_side sa, sb;
	double *diff, mb;
	struct rng r;
	unsigned int i;

	diff = malloc(rounds * sizeof(*diff));
	if (!diff)
		return -1;
	if (boot_side_init(&sa, a, na)) {
		free(diff);
		return -1;
	}
	if (boot_side_init(&sb, b, nb)) {
		boot_side_free(&sa);
		free(diff);
		return -1;
	}
	rng_seed(&r, seed);
	for (i = 0; i < rounds; i++) {
		if (sa.nvals == 1 && sb.nvals == 1) {
			/* Every resample has the same medians. */
			diff[i] = sb.vals[0] - sa.vals[0];
			continue;
		}
		/* b's resample first, then a's. */
		mb = resampled_median(&sb, &r);
		diff[i] = mb - resampled_median(&sa, &r);
	}
	qsort(diff, rounds, sizeof(*diff), cmp_double);
	*lo = percentile_sorted(diff, rounds, 2.5);
	*hi = percentile_sorted(diff, rounds, 97.5);
	boot_side_free(&sa);
	boot_side_free(&sb);
	free(diff);
	return 0;
}
