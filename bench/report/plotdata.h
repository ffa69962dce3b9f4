/* SPDX-License-Identifier: GPL-2.0 */
/* The data files scripts/plot draws from (see plotdata.c). */
#ifndef HVCB_PLOTDATA_H
#define HVCB_PLOTDATA_H

#include <stddef.h>
#include "results.h"

/* Write them into dir (which exists); 0, or -1 with a reason in err. */
int write_plot_data(const struct results *r, const char *dir, char *err,
		    size_t len);

#endif
