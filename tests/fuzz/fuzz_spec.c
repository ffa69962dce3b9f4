// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the module's run-spec parser (kmod/spec.c), built
 * unchanged for the host. The first byte picks run or loop specs. Checks
 * that a rejected spec leaves the output alone and an accepted one is in
 * range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../kmod/spec.h"
#include "../../bench/results/registry-roles.h"

/* The built-in stubs of stub/registry and the ops of kmod/facts.h. */
static const struct {
	const char *stub;
	enum hvcb_role role;
} builtin[] = HVCB_REGISTRY_ROLES;
#define NR_STUBS (sizeof(builtin) / sizeof(builtin[0]))
static const char *stub_list[NR_STUBS];
static const char *const op_list[HVCB_NR_OPS] = HVCB_OP_NAMES;
static const struct hvcb_names stubs = { stub_list, NR_STUBS };
static const struct hvcb_names ops = { op_list, HVCB_NR_OPS };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hvcb_spec s, sentinel;
	enum hvcb_spec_kind kind;
	const char *why;
	int ret;

	if (!stub_list[0])
		for (ret = 0; ret < (int)NR_STUBS; ret++)
			stub_list[ret] = builtin[ret].stub;
	if (!size)
		return 0;
	kind = data[0] & 1 ? HVCB_SPEC_LOOP : HVCB_SPEC_RUN;
	memset(&s, 0xa5, sizeof(s));
	sentinel = s;
	ret = hvcb_spec_parse((const char *)data + 1, size - 1, kind, &stubs,
			      &ops, &s, &why);
	if (ret) {
		if (memcmp(&s, &sentinel, sizeof(s)) || !why)
			abort();
		return 0;
	}
	if (!s.stubs || s.stubs >= 1u << NR_STUBS || !s.ops ||
	    s.ops >= 1u << HVCB_NR_OPS ||
	    s.samples < 1 || s.samples > HVCB_MAX_SAMPLES || s.cpu > HVCB_MAX_CPU)
		abort();
	if (kind == HVCB_SPEC_LOOP &&
	    (s.n < 1 || s.n > HVCB_MAX_LOOP || (s.stubs & (s.stubs - 1)) ||
	     (s.ops & (s.ops - 1))))
		abort();
	return 0;
}
