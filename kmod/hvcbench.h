/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hvcbench: HVC round trips of the 32-bit ARM hyp-stub ABIs, timed with
 * the PMU cycle counter.
 *
 * Data flows one way: stubs.c names the stubs and how each operation is
 * called (never from user input), hyp.c installs one in HYP and takes it
 * out again, run.c times HVCs into sample arrays, debugfs.c and main.c
 * hand the samples to user space and the kernel log.
 */
#ifndef HVCBENCH_H
#define HVCBENCH_H

#include <linux/kref.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include "spec.h"

#define HVCB_VERSION		"0.1"

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
	u32 imm[4];
	const u8 *fn;		/* call target, inside the blob */
	const u8 *vectors;	/* table for this op; NULL: the stub's */
	u8 expect;
	u32 expect_imm;
	const char *note;
};

struct hvcb_stub {
	const char *name;
	const char *abi;	/* one line, for info and the log */
	const u8 *start, *end;	/* the blob; NULL for the resident stub */
	const u8 *vectors;
	struct hvcb_recipe op[HVCB_NR_OPS];
};

extern struct hvcb_stub hvcb_stubs[];
extern const unsigned int hvcb_nr_stubs;
extern const char *const hvcb_op_names[HVCB_NR_OPS];
extern const struct hvcb_names hvcb_stub_names, hvcb_op_name_list;
/* Stubs built from Linux trees (make TREES=...): the table's last ones. */
extern const unsigned int hvcb_nr_trees;
extern const char *const hvcb_tree_sources[];
void hvcb_stubs_init(bool old_resident_abi);

/* hvc.S */
u32 hvcb_hvc_timed(const u32 regs[4], u32 *r0);
void hvcb_hvc_oneway(const u32 regs[4], u32 out[4]);
void hvcb_hvc(u32 regs[4]);
void hvcb_hvc_loop(const u32 regs[4], u32 n);
void hvcb_hvc_loop_baseline(const u32 regs[4], u32 n);
u32 hvcb_read_pair(void);
u32 hvcb_read_bare(void);

/* hyp.c: one page in HYP, one CPU, IRQs off between install and remove. */
struct hvcb_page {
	void *va;
	phys_addr_t pa;
	const struct hvcb_stub *stub;	/* copied in, or NULL */
	const u8 *vectors;		/* installed table, or NULL */
	u32 saved_hvbar, saved_sp;
	bool installed;
	bool leaked;			/* HVBAR may still point here */
	int cpu;			/* whose HVBAR, when leaked */
};

int hvcb_hyp_available(const char **why);
bool hvcb_resident_is_old(void);
int hvcb_page_alloc(struct hvcb_page *hp);
void hvcb_page_free(struct hvcb_page *hp);
int hvcb_doubt_resolve(void);
int hvcb_page_load(struct hvcb_page *hp, const struct hvcb_stub *stub);
int hvcb_resident_check(void);
int hvcb_install(struct hvcb_page *hp, const u8 *vectors);
int hvcb_remove(struct hvcb_page *hp);
u32 hvcb_pa(const struct hvcb_page *hp, const u8 *sym);
void hvcb_recipe_regs(const struct hvcb_page *hp, const struct hvcb_recipe *r,
		      u32 regs[4]);
const char *hvcb_install_method(void);
extern bool hvcb_inject_remove_fault;

/* pmu.c */
struct hvcb_pmu_state {
	u32 pmcr, cntenset, selr, ccfilter;
};

void hvcb_pmu_claim(struct hvcb_pmu_state *s, bool count_hyp);
void hvcb_pmu_release(const struct hvcb_pmu_state *s);

/* run.c */
struct hvcb_cell {
	u8 stub, op;
	u32 n;			/* samples taken */
	u32 *samples;		/* raw counter deltas */
	u32 overhead;		/* subtracted for the headline figures */
	u32 min, median, max;	/* overhead-corrected */
	u64 sum;		/* overhead-corrected */
	u32 bad_r0;		/* HVCs whose r0 was not what the ABI says */
	u32 r0;			/* r0 seen after the last HVC */
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

/* debugfs.c */
int hvcb_debugfs_init(void);
void hvcb_debugfs_exit(void);

#endif /* HVCBENCH_H */
