// SPDX-License-Identifier: GPL-2.0
/* Fixed-point number text: no exponents, no lost integer digits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "numfmt.h"

/* Integers up to 2^53 are exact in a double: print them whole. */
static int whole(double v)
{
	return isfinite(v) && v == floor(v) && fabs(v) < 9007199254740992.0;
}

/* The forms both styles share: nan/inf, and integers whole (never "-0"). */
static int plain(char buf[NUM_LEN], double v)
{
	if (!isfinite(v))
		snprintf(buf, NUM_LEN, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
	else if (whole(v))
		snprintf(buf, NUM_LEN, "%.0f", v == 0 ? 0 : v);
	else
		return 0;
	return 1;
}

const char *num_exact(char buf[NUM_LEN], double v)
{
	int prec;

	if (plain(buf, v))
		return buf;
	/* Enough decimals to read back the same double; beyond 2^53 there
	 * are none, and the integer part alone is exact. */
	for (prec = 1; prec < 30; prec++) {
		snprintf(buf, NUM_LEN, "%.*f", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

const char *num_short(char buf[NUM_LEN], double v)
{
	size_t n;

	if (plain(buf, v))
		return buf;
	snprintf(buf, NUM_LEN, "%.2f", v);
	n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[--n] = '\0';
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
	return buf;
}

const char *num_signed(char buf[NUM_LEN], double v)
{
	char tmp[NUM_LEN - 1];

	num_short(buf, v);
	snprintf(tmp, sizeof(tmp), "%s", buf);
	snprintf(buf, NUM_LEN, "%s%s", tmp[0] == '-' || !isfinite(v) ? "" : "+",
		 tmp);
	return buf;
}
