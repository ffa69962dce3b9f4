/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64, EL2: the types and constants kmod/arch.h names.
 */
#ifndef HVCB_ARCH_DEFS_H
#define HVCB_ARCH_DEFS_H

#include <linux/types.h>

typedef u64 hvcb_reg_t;

#define HVCB_ARCH_NAME		"arm64"
#define HVCB_ARCH_VEC_ALIGN	2048	/* VBAR_EL2 bits [10:0] are RES0 */
#define HVCB_ARCH_TRAP_SLOT	0x400	/* synchronous, lower EL, AArch64 */
#define HVCB_ARCH_STUB_OFF	0x800	/* after stub/arm64/switch.S */
#define HVCB_ARCH_STACK_ROOM	0x400
/*
 * The page holds the door, a blob of up to two 2 KB tables with their
 * code after them, and the EL2 stack: 16 KB (order 2) with 4 KB pages.
 */
#define HVCB_ARCH_PAGE_ORDER	2

/* What hvcb_pmu_claim() changes: PMCR_EL0, PMCNTENSET_EL0, PMCCFILTR_EL0. */
struct hvcb_pmu_state {
	u64 pmcr, cntenset, ccfilter;
};

#endif /* HVCB_ARCH_DEFS_H */
