// SPDX-License-Identifier: GPL-2.0
/*
 * The stubs under test and how each operation calls them: the table
 * scripts/stub-registry writes from stub/registry (Kbuild runs it).
 *
 * Adding a stub is one row in stub/registry and its file stub/ARCH/NAME.S.
 * Every register value handed to HYP comes from this table: a constant,
 * the physical address of the installed vectors or of a call target
 * inside the blob. Nothing a user writes ever reaches a register.
 */
#include <linux/kernel.h>
#include <linux/cache.h>
#include <linux/string.h>
#include "blobs.h"
#include "hvcbench.h"
#include "stub-table.h"		/* generated: hvcb_stubs[], hvcb_stub_alts[] */

const char *const hvcb_op_names[HVCB_NR_OPS] = HVCB_OP_NAMES;
const char *const hvcb_role_names[HVCB_NR_ROLES] = HVCB_ROLE_NAMES;

const unsigned int hvcb_nr_stubs = ARRAY_SIZE(hvcb_stubs);
static_assert(ARRAY_SIZE(hvcb_stubs) <= 32, "a run spec holds 32 stubs");

static const char *stub_name_list[ARRAY_SIZE(hvcb_stubs)];

const struct hvcb_names hvcb_stub_names = {
	.name = stub_name_list, .count = ARRAY_SIZE(hvcb_stubs),
};

/*
 * The parser's list of names, from the table itself; the recipes of the
 * resident ABI found at load (NULL: the usual one).
 */
void hvcb_stubs_init(const char *resident_abi)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hvcb_stubs); i++)
		stub_name_list[i] = hvcb_stubs[i].name;
	for (i = 0; resident_abi && i < ARRAY_SIZE(hvcb_stub_alts); i++)
		if (!strcmp(hvcb_stub_alts[i].on, resident_abi))
			memcpy(hvcb_stubs[hvcb_stub_alts[i].stub].op,
			       hvcb_stub_alts[i].op, sizeof(hvcb_stub_alts[i].op));
}

/* The first stub of a role, or -ENOENT. */
int hvcb_stub_by_role(enum hvcb_role role)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hvcb_stubs); i++)
		if (hvcb_stubs[i].role == role)
			return i;
	return -ENOENT;
}

const struct hvcb_names hvcb_op_name_list = {
	.name = hvcb_op_names, .count = HVCB_NR_OPS,
};
