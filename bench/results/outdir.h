/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A results directory written whole or not at all: made anew beside its
 * place, then put there in one step (an existing one swapped out and
 * removed), so that nothing of an earlier run is left beside the new
 * files and a failure leaves the old directory as it was.
 */
#ifndef HVCB_OUTDIR_H
#define HVCB_OUTDIR_H

#include <stddef.h>
#include "results.h"

/*
 * dir and its missing parents: 1 when dir itself was made, 0 when it was
 * there already, -1 (errno set) when it could not be made.
 */
int outdir_make(const char *dir);

/*
 * Whether dir may become a results directory: 0, or -1 with one line in
 * err when it exists and force is 0, when it is not a directory, or
 * when it is (or holds) one of the n inputs (files or directories; "-"
 * is standard input), which replacing it would destroy.
 */
int outdir_check(const char *dir, int force, const char *const *inputs,
		 int n, char *err, size_t len);

/*
 * r as a results directory dir: summary.csv, meta.json and, when
 * samples is 1 and r has samples, samples.csv, written into a new directory beside dir and
 * then put in dir's place; an earlier dir (with everything in it, plots
 * and letters too) is removed only then. 0, or -1 with one line in err:
 * then dir is as it was.
 */
int outdir_write(const char *dir, const struct results *r, int samples,
		 char *err, size_t len);

#endif
