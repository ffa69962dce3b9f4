/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The facts the module, its stubs and the CLI share: the operations and
 * their names, the counter units, the stub roles, the hyp-stub ABI
 * constants, the version and the default sample count. Built into the
 * module, the stubs' assembly (constants only), the CLI and the host
 * tests; scripts/stub-registry reads the names from here too.
 */
#ifndef HVCB_FACTS_H
#define HVCB_FACTS_H

#define HVCB_VERSION		"0.1"
#define HVCB_DEFAULT_SAMPLES	10000	/* timed HVCs per cell */

/* The hyp-stub ABIs' own numbers (Linux v4.12+, arm and arm64). */
#define HVCB_STUB_ERR		0x0badca11	/* HVC_STUB_ERR */
#define HVCB_HVC_SET_VECTORS	0
#define HVCB_HVC_SOFT_RESTART	1
#define HVCB_HVC_RESET_VECTORS	2
#define HVCB_STUB_HCALL_NR	3		/* arm, v4.12..v5.6 */

#ifndef __ASSEMBLY__

/* The operations, in the order of every table and output. */
enum hvcb_op {
	HVCB_OP_GET,		/* get_vectors */
	HVCB_OP_SET,		/* set_vectors, to the vectors installed */
	HVCB_OP_CALL0,		/* call a null HYP function */
	HVCB_OP_CALL3,		/* call a HYP function with 3 arguments */
	HVCB_OP_NULL,		/* the cheapest call the ABI has */
	HVCB_OP_ENTRY,		/* hvc -> first HYP instruction */
	HVCB_OP_EXIT,		/* last HYP instruction -> after the hvc */
	HVCB_NR_OPS
};

/* Their names: the initializer of an array indexed by enum hvcb_op. */
#define HVCB_OP_NAMES {							\
	[HVCB_OP_GET] = "get_vectors",					\
	[HVCB_OP_SET] = "set_vectors",					\
	[HVCB_OP_CALL0] = "call0",					\
	[HVCB_OP_CALL3] = "call3",					\
	[HVCB_OP_NULL] = "null",					\
	[HVCB_OP_ENTRY] = "entry",					\
	[HVCB_OP_EXIT] = "exit",					\
}

/* What a stub is for (stub/registry's ROLE): outputs choose by role. */
enum hvcb_role {
	HVCB_ROLE_REFERENCE,	/* the letter's baseline */
	HVCB_ROLE_PROPOSED,	/* the letter's subject */
	HVCB_ROLE_MERGED,	/* the ABI as merged upstream */
	HVCB_ROLE_KVM_ERA,	/* KVM's host-call convention of an era */
	HVCB_ROLE_FLOOR,	/* bare entry and return */
	HVCB_ROLE_RESIDENT,	/* the running kernel's own stub */
	HVCB_ROLE_TREE,		/* assembled from a Linux tree */
	HVCB_NR_ROLES
};

#define HVCB_ROLE_NAMES {						\
	[HVCB_ROLE_REFERENCE] = "reference",				\
	[HVCB_ROLE_PROPOSED] = "proposed",				\
	[HVCB_ROLE_MERGED] = "merged",					\
	[HVCB_ROLE_KVM_ERA] = "kvm-era",				\
	[HVCB_ROLE_FLOOR] = "floor",					\
	[HVCB_ROLE_RESIDENT] = "resident",				\
	[HVCB_ROLE_TREE] = "tree",					\
}

/*
 * What the counter counted (the module's "unit"). On QEMU's virt board
 * PMCCNTR is derived from the virtual clock at 1 GHz: one per instruction
 * under -icount, else ns of host-timed virtual time.
 */
enum hvcb_unit {
	HVCB_UNIT_INSN,		/* QEMU -icount: instructions, exact */
	HVCB_UNIT_QEMU_NS,	/* QEMU without -icount */
	HVCB_UNIT_CYCLES,	/* a real CPU's cycle counter */
	HVCB_NR_UNITS
};

#define HVCB_UNIT_NAMES {						\
	[HVCB_UNIT_INSN] = "insn",					\
	[HVCB_UNIT_QEMU_NS] = "qemu-ns",				\
	[HVCB_UNIT_CYCLES] = "cycles",					\
}

#endif /* __ASSEMBLY__ */
#endif /* HVCB_FACTS_H */
