/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The run-spec parser: the only place where bytes from user space are
 * turned into a request. It knows names and numbers, never addresses.
 * Built into the module and, unchanged, into host tests and fuzzers.
 */
#ifndef HVCB_SPEC_H
#define HVCB_SPEC_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#endif
#include "facts.h"

#define HVCB_SPEC_MAX_LEN	256		/* bytes, newline included */
#define HVCB_MAX_SAMPLES	1000000		/* per cell */
#define HVCB_MAX_RUN_SAMPLES	8000000		/* per run: 32 MiB */
#define HVCB_MAX_LOOP		100000000	/* calls per loop request */
#define HVCB_MAX_CPU		4095

enum hvcb_spec_kind {
	HVCB_SPEC_RUN,		/* stubs= ops= samples= cpu= */
	HVCB_SPEC_LOOP,		/* stub= op= n= baseline= */
};

struct hvcb_names {
	const char *const *name;
	unsigned int count;	/* at most 32 */
};

struct hvcb_spec {
	unsigned int stubs;	/* bit i: stub i */
	unsigned int ops;	/* bit i: op i */
	unsigned int samples;
	unsigned int cpu;
	unsigned int n;
	bool baseline;
};

int hvcb_spec_parse(const char *buf, size_t len, enum hvcb_spec_kind kind,
		    const struct hvcb_names *stubs,
		    const struct hvcb_names *ops, struct hvcb_spec *out,
		    const char **why);

#endif /* HVCB_SPEC_H */
