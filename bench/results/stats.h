/* SPDX-License-Identifier: GPL-2.0 */
/* Statistics over one cell's samples. */
#ifndef HVCB_STATS_H
#define HVCB_STATS_H

#include <stddef.h>
#include <stdint.h>

#define HIST_MAX_BINS 40

struct stats {
	size_t n;
	double min, p1, median, mean, p90, p99, max, stddev, mad;
	/* Histogram: bins of equal width from hist_lo, hist_width wide. */
	unsigned int hist_bins;
	double hist_lo, hist_width;
	size_t hist[HIST_MAX_BINS];
};

/* Percentile p (0..100) of sorted x[0..n-1], interpolating between ranks. */
double percentile_sorted(const double *x, size_t n, double p);

/* Everything above; x is sorted in place. n must be > 0. */
int stats_compute(double *x, size_t n, struct stats *s);

/* The k-th smallest (0-based) of x[0..n-1]; reorders x. */
double select_kth(double *x, size_t n, size_t k);

/* Median of unsorted x (reorders it): the mean of the two middle ranks. */
double median_unsorted(double *x, size_t n);

/* A reproducible generator for the bootstrap (xorshift64*). */
struct rng {
	uint64_t s;
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/*
 * Bootstrap 95 % interval of median(b) - median(a): resample both with
 * replacement `rounds` times. Returns 0, or -1 when out of memory.
 */
int bootstrap_median_diff(const double *a, size_t na, const double *b,
			  size_t nb, unsigned int rounds, uint64_t seed,
			  double *lo, double *hi);

#endif
