/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Labels of the stub blobs (the files of ../stub/): where each starts
 * and ends, its vector tables and its call targets. The module copies a
 * blob into a page and turns these into physical addresses (hyp.c).
 */
#ifndef HVCB_BLOBS_H
#define HVCB_BLOBS_H

#include <linux/types.h>

#define HVCB_BLOB(s)							\
	extern const u8 hvcb_##s##_start[], hvcb_##s##_end[],		\
		hvcb_##s##_vectors[]

HVCB_BLOB(common);	/* stub/switch.S */
HVCB_BLOB(old);
HVCB_BLOB(kvm_old);
HVCB_BLOB(new);
HVCB_BLOB(mainline);
HVCB_BLOB(kvm);
HVCB_BLOB(floor);

extern const u8 hvcb_switch[], hvcb_eret[];
extern const u8 hvcb_floor_timed_vectors[];
extern const u8 hvcb_kvm_old_fn_null[], hvcb_kvm_old_fn_sum3[];
extern const u8 hvcb_kvm_fn_null[], hvcb_kvm_fn_sum3[];

#endif /* HVCB_BLOBS_H */
