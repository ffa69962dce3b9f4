// SPDX-License-Identifier: GPL-2.0
/*
 * The stubs under test and how each operation calls them.
 *
 * Adding a stub is one .S file in stub/ and one entry here. Every register
 * value handed to HYP comes from this table: a constant, the physical
 * address of the installed vectors or of a call target inside the blob.
 * Nothing a user writes ever reaches a register.
 */
#include <linux/kernel.h>
#include <linux/cache.h>
#include <linux/string.h>
#include "blobs.h"
#include "hvcbench.h"

#define STUB_ERR	0x0badca11

/* r0 = a, r1..r3 = 0; r0 must come back as expected. */
#define IMM0(a, x, xi, n)						\
	{ .ok = true, .imm = { (a) }, .expect = (x), .expect_imm = (xi),	\
	  .note = (n) }

const char *const hvcb_op_names[HVCB_NR_OPS] = {
	[HVCB_OP_GET]	= "get_vectors",
	[HVCB_OP_SET]	= "set_vectors",
	[HVCB_OP_CALL0]	= "call0",
	[HVCB_OP_CALL3]	= "call3",
	[HVCB_OP_NULL]	= "null",
	[HVCB_OP_ENTRY]	= "entry",
	[HVCB_OP_EXIT]	= "exit",
};

struct hvcb_stub hvcb_stubs[] __ro_after_init = {
	{
		.name = "old",
		.abi = "<= v4.11: r0 == -1 get vectors, else set HVBAR = r0",
		.start = hvcb_old_start, .end = hvcb_old_end,
		.vectors = hvcb_old_vectors,
		.op = {
			[HVCB_OP_GET] = IMM0(-1, HVCB_X_VEC, 0, NULL),
			[HVCB_OP_SET] = {
				.ok = true, .reg = { HVCB_R_VEC },
				.expect = HVCB_X_VEC,
			},
			[HVCB_OP_NULL] = IMM0(-1, HVCB_X_VEC, 0,
					      "get_vectors: every other r0 sets HVBAR"),
		},
	},
	{
		.name = "kvm-old",
		.abi = "KVM <= v4.11: r0 = HYP function(r1-r3 -> r0-r2), -1 get",
		.start = hvcb_kvm_old_start, .end = hvcb_kvm_old_end,
		.vectors = hvcb_kvm_old_vectors,
		.op = {
			[HVCB_OP_GET] = IMM0(-1, HVCB_X_VEC, 0, NULL),
			[HVCB_OP_CALL0] = {
				.ok = true, .reg = { HVCB_R_FN },
				.fn = hvcb_kvm_old_fn_null,
				.expect = HVCB_X_IMM, .expect_imm = 0,
			},
			[HVCB_OP_CALL3] = {
				.ok = true, .reg = { HVCB_R_FN },
				.imm = { 0, 1, 2, 3 },
				.fn = hvcb_kvm_old_fn_sum3,
				.expect = HVCB_X_IMM, .expect_imm = 6,
			},
			[HVCB_OP_NULL] = IMM0(-1, HVCB_X_VEC, 0,
					      "get_vectors: every other r0 is a function"),
		},
	},
	{
		.name = "new",
		.abi = "2017 proposal: r0 = 0 get, 1 set (r1), 2 call (r3); -1 if invalid",
		.start = hvcb_new_start, .end = hvcb_new_end,
		.vectors = hvcb_new_vectors,
		.op = {
			[HVCB_OP_GET] = IMM0(0, HVCB_X_VEC, 0, NULL),
			[HVCB_OP_SET] = {
				.ok = true,
				.reg = { HVCB_R_IMM, HVCB_R_VEC },
				.imm = { 1 },
				.expect = HVCB_X_IMM, .expect_imm = 1,
			},
			[HVCB_OP_CALL0] = {
				.ok = true,
				.reg = { HVCB_R_IMM, HVCB_R_IMM, HVCB_R_IMM,
					 HVCB_R_FN },
				.imm = { 2 }, .fn = hvcb_eret,
				.expect = HVCB_X_IMM, .expect_imm = 2,
				.note = "the function ERETs itself (calls do not return)",
			},
			[HVCB_OP_NULL] = IMM0(3, HVCB_X_IMM, -1,
					      "invalid call, returns -1"),
		},
	},
	{
		.name = "mainline",
		.abi = "v4.12..v5.6: r0 = 0 set (r1), 1 soft restart (r1), 2 reset",
		.start = hvcb_mainline_start, .end = hvcb_mainline_end,
		.vectors = hvcb_mainline_vectors,
		.op = {
			[HVCB_OP_SET] = {
				.ok = true,
				.reg = { HVCB_R_IMM, HVCB_R_VEC },
				.imm = { 0 },
				.expect = HVCB_X_IMM, .expect_imm = 0,
			},
			[HVCB_OP_CALL0] = {
				.ok = true, .reg = { HVCB_R_IMM, HVCB_R_FN },
				.imm = { 1 }, .fn = hvcb_eret,
				.expect = HVCB_X_IMM, .expect_imm = 1,
				.note = "HVC_SOFT_RESTART to a target that ERETs",
			},
			[HVCB_OP_NULL] = IMM0(3, HVCB_X_IMM, STUB_ERR,
					      "unknown call, returns HVC_STUB_ERR"),
		},
	},
	{
		.name = "kvm",
		.abi = "KVM v4.12..v5.6: r0 < 3 stub call, else HYP function with r1-r3 shifted",
		.start = hvcb_kvm_start, .end = hvcb_kvm_end,
		.vectors = hvcb_kvm_vectors,
		.op = {
			[HVCB_OP_CALL0] = {
				.ok = true, .reg = { HVCB_R_FN },
				.fn = hvcb_kvm_fn_null,
				.expect = HVCB_X_IMM, .expect_imm = 0,
			},
			[HVCB_OP_CALL3] = {
				.ok = true, .reg = { HVCB_R_FN },
				.imm = { 0, 1, 2, 3 },
				.fn = hvcb_kvm_fn_sum3,
				.expect = HVCB_X_IMM, .expect_imm = 6,
			},
			[HVCB_OP_NULL] = IMM0(0, HVCB_X_IMM, STUB_ERR,
					      "stub call SET_VECTORS, refused once KVM owns HYP"),
		},
	},
	{
		.name = "floor",
		.abi = "the Hyp trap slot is the ERET: exception entry and return only",
		.start = hvcb_floor_start, .end = hvcb_floor_end,
		.vectors = hvcb_floor_vectors,
		.op = {
			[HVCB_OP_NULL] = IMM0(0, HVCB_X_IMM, 0, "bare trap"),
			[HVCB_OP_ENTRY] = {
				.ok = true, .oneway = true,
				.vectors = hvcb_floor_timed_vectors,
				.note = "hvc to the first HYP instruction",
			},
			[HVCB_OP_EXIT] = {
				.ok = true, .oneway = true,
				.vectors = hvcb_floor_timed_vectors,
				.note = "the last HYP instruction to after the hvc",
			},
		},
	},
	{
		.name = "resident",
		.abi = "the running kernel's own stub, as found",
		/* A v4.12+ stub; hvcb_stubs_init() swaps in old_resident. */
		.op = {
			[HVCB_OP_CALL0] = {
				.ok = true, .reg = { HVCB_R_IMM, HVCB_R_FN },
				.imm = { 1 }, .fn = hvcb_eret,
				.expect = HVCB_X_IMM, .expect_imm = 1,
				.note = "HVC_SOFT_RESTART to a target that ERETs",
			},
			[HVCB_OP_NULL] = IMM0(3, HVCB_X_IMM, STUB_ERR,
					      "unknown call, returns HVC_STUB_ERR"),
		},
	},
};

/* The resident stub of a <= v4.11 kernel: every r0 but -1 is a set. */
static const struct hvcb_recipe old_resident[HVCB_NR_OPS] = {
	[HVCB_OP_GET] = IMM0(-1, HVCB_X_ANY, 0, NULL),
	[HVCB_OP_NULL] = IMM0(-1, HVCB_X_ANY, 0,
			      "get_vectors: every other r0 sets HVBAR"),
};

const unsigned int hvcb_nr_stubs = ARRAY_SIZE(hvcb_stubs);

static const char *stub_name_list[ARRAY_SIZE(hvcb_stubs)];

const struct hvcb_names hvcb_stub_names = {
	.name = stub_name_list, .count = ARRAY_SIZE(hvcb_stubs),
};

/* The parser's list of names, from the table itself. */
void hvcb_stubs_init(bool old_resident_abi)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hvcb_stubs); i++) {
		stub_name_list[i] = hvcb_stubs[i].name;
		if (old_resident_abi && !hvcb_stubs[i].start)
			memcpy(hvcb_stubs[i].op, old_resident,
			       sizeof(old_resident));
	}
}

const struct hvcb_names hvcb_op_name_list = {
	.name = hvcb_op_names, .count = HVCB_NR_OPS,
};
