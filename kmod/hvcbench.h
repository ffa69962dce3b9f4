/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hvcbench: HVC round trips of the hyp-stub ABIs, timed with the PMU
 * cycle counter.
 *
 * Data flows one way: stubs.c holds the stubs and how each operation is
 * called (the table scripts/stub-registry writes from stub/registry, never
 * from user input), hyp.c installs one in HYP and takes it out again
 * through the architecture's door (arch.h, arch/ARCH/), run.c times HVCs
 * into sample arrays, debugfs.c and main.c hand the samples to user space
 * and the kernel log.
 */
#ifndef HVCBENCH_H
#define HVCBENCH_H

#include <linux/kref.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include "arch.h"
#include "facts.h"
#include "spec.h"

/* How one register is loaded for an operation. */
enum hvcb_reg {
	HVCB_R_IMM,		/* the constant .imm */
	HVCB_R_VEC,		/* physical address of the installed vectors */
	HVCB_R_FN,		/* physical address of .fn, Thumb bit if any */
};

/* What r0 must hold after the HVC. */
enum hvcb_expect {
	HVCB_X_ANY,
	HVCB_X_IMM,		/* .expect_imm */
	HVCB_X_VEC,		/* the installed vectors */
};

struct hvcb_recipe {
	bool ok;		/* false: the ABI has no such operation */
	bool oneway;		/* entry/exit: timed vectors read PMCCNTR */
	u8 reg[4];		/* enum hvcb_reg for r0..r3 */
	hvcb_reg_t imm[4];
	const u8 *fn;		/* call target, inside the blob */
	const u8 *vectors;	/* table for this op; NULL: the stub's */
	u8 expect;
	hvcb_reg_t expect_imm;
	const char *note;
};

/* One row of stub/registry, as scripts/stub-registry writes it. */
struct hvcb_stub {
	const char *name;
	enum hvcb_role role;
	const char *abi;	/* one line, for info and the log */
	const char *source;	/* a tree stub's tree, file and version */
	const u8 *start, *end;	/* the blob; NULL for the resident stub */
	const u8 *vectors;
	struct hvcb_recipe op[HVCB_NR_OPS];
};

/* A stub's recipes when the resident stub speaks .on (registry "on="). */
struct hvcb_stub_alt {
	unsigned int stub;
	const char *on;
	struct hvcb_recipe op[HVCB_NR_OPS];
};

extern struct hvcb_stub hvcb_stubs[];
extern const unsigned int hvcb_nr_stubs;
extern const char *const hvcb_op_names[HVCB_NR_OPS];
extern const char *const hvcb_role_names[HVCB_NR_ROLES];
extern const struct hvcb_names hvcb_stub_names, hvcb_op_name_list;
void hvcb_stubs_init(const char *resident_abi);
int hvcb_stub_by_role(enum hvcb_role role);

/* hyp.c: one page in HYP, one CPU, IRQs off between install and remove. */
struct hvcb_page {
	void *va;
	phys_addr_t pa;
	const struct hvcb_stub *stub;	/* copied in, or NULL */
	const u8 *vectors;		/* installed table, or NULL */
	hvcb_reg_t saved_vbar, saved_sp;
	bool installed;
	bool leaked;			/* HVBAR may still point here */
	int cpu;			/* whose VBAR, when leaked */
};

int hvcb_page_alloc(struct hvcb_page *hp);
void hvcb_page_free(struct hvcb_page *hp);
int hvcb_doubt_resolve(void);
int hvcb_page_load(struct hvcb_page *hp, const struct hvcb_stub *stub);
int hvcb_resident_check(void);
int hvcb_install(struct hvcb_page *hp, const u8 *vectors);
int hvcb_remove(struct hvcb_page *hp);
hvcb_reg_t hvcb_pa(const struct hvcb_page *hp, const u8 *sym);
void hvcb_recipe_regs(const struct hvcb_page *hp, const struct hvcb_recipe *r,
		      hvcb_reg_t regs[4]);
extern bool hvcb_inject_remove_fault;

/* run.c */
struct hvcb_cell {
	u8 stub, op;
	u32 n;			/* samples taken */
	u32 *samples;		/* raw counter deltas */
	u32 overhead;		/* subtracted from every sample handed out */
	u32 bad_r0;		/* HVCs whose r0 was not what the ABI says */
	int status;		/* 0, or -errno: this cell failed */
};

struct hvcb_result {
	struct kref ref;
	struct hvcb_spec spec;
	unsigned int nr_cells;
	struct hvcb_cell *cells;
	u32 pair, bare;		/* calibrated counter-read overheads */
	u32 hyp_off, hyp_on;	/* floor round trip without/with NSH */
	bool exact;		/* QEMU icount: instruction counts */
	bool qemu;		/* QEMU's virt board: never cycles */
	u32 midr;
	u64 longest_chunk_ns;	/* longest IRQs-off stretch */
	const char *why;
};

extern struct mutex hvcb_lock;
extern struct hvcb_result *hvcb_last;

int hvcb_run(const struct hvcb_spec *spec, struct hvcb_result **out);
void hvcb_result_put(struct hvcb_result *res);
int hvcb_loop(const struct hvcb_spec *spec);
const char *hvcb_unit(const struct hvcb_result *res);
const char *hvcb_counter(const struct hvcb_result *res);
void hvcb_log_table(const struct hvcb_result *res);

/* main.c */
bool hvcb_boot_log_has(const char *needle);

/* debugfs.c */
int hvcb_debugfs_init(void);
void hvcb_debugfs_exit(void);

#endif /* HVCBENCH_H */
