/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 32-bit ARM, HYP mode: the types and constants kmod/arch.h names.
 */
#ifndef HVCB_ARCH_DEFS_H
#define HVCB_ARCH_DEFS_H

#include <linux/types.h>

typedef u32 hvcb_reg_t;

#define HVCB_ARCH_NAME		"arm"
#define HVCB_ARCH_VEC_ALIGN	32	/* HVBAR bits [4:0] are RES0 */
#define HVCB_ARCH_TRAP_SLOT	0x14	/* Hyp trap: the kernel's HVC */
#define HVCB_ARCH_STUB_OFF	0x100	/* after stub/arm/switch.S */
#define HVCB_ARCH_STACK_ROOM	0x200
#define HVCB_ARCH_PAGE_ORDER	0	/* one page holds door, blob, stack */

/* What hvcb_pmu_claim() changes: PMCR, PMCNTENSET, PMSELR, PMCCFILTR. */
struct hvcb_pmu_state {
	u32 pmcr, cntenset, selr, ccfilter;
};

#endif /* HVCB_ARCH_DEFS_H */
