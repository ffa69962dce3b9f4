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

int stats_compute(double *x, size_t n, struct stats *s)
{
	double sum = 0, sq = 0, *dev;
	size_t i;

	if (!n)
		return -1;
	qsort(x, n, sizeof(*x), cmp_double);
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
	qsort(dev, n, sizeof(*dev), cmp_double);
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

static double resampled_median(const double *x, size_t n, double *tmp,
			       struct rng *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = x[rng_next(r) % n];
	return median_unsorted(tmp, n);
}

int bootstrap_median_diff(const double *a, size_t na, const double *b,
			  size_t nb, unsigned int rounds, uint64_t seed,
			  double *lo, double *hi)
{
	double *tmp, *diff;
	struct rng r;
	unsigned int i;

	tmp = malloc((na > nb ? na : nb) * sizeof(*tmp));
	diff = malloc(rounds * sizeof(*diff));
	if (!tmp || !diff) {
		free(tmp);
		free(diff);
		return -1;
	}
	rng_seed(&r, seed);
	for (i = 0; i < rounds; i++)
		diff[i] = resampled_median(b, nb, tmp, &r) -
			  resampled_median(a, na, tmp, &r);
	qsort(diff, rounds, sizeof(*diff), cmp_double);
	*lo = percentile_sorted(diff, rounds, 2.5);
	*hi = percentile_sorted(diff, rounds, 97.5);
	free(tmp);
	free(diff);
	return 0;
}
