/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A results directory's summary.csv and meta.json replaced at once: both
 * written beside their places first, then renamed over them.
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
 * r's summary.csv and meta.json into dir (made if missing), then
 * samples.csv (an earlier run's, which would outrank them) removed.
 * 0, or -1 with one line in err: then dir is as it was (a directory this
 * call made is removed again).
 */
int outdir_replace(const char *dir, const struct results *r, char *err,
		   size_t len);

#endif
