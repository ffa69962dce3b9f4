/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Labels of the door, stub/ARCH/switch.S, which every page holds: where
 * it starts and ends, its switching table, the switch routine and a call
 * target that returns from HYP at once. The stubs' own labels are
 * declared by the generated stub-table.h. The module copies blobs into a
 * page and turns labels into physical addresses (hyp.c).
 */
#ifndef HVCB_BLOBS_H
#define HVCB_BLOBS_H

#include <linux/types.h>

extern const u8 hvcb_common_start[], hvcb_common_end[], hvcb_common_vectors[];
extern const u8 hvcb_switch[], hvcb_eret[];

#endif /* HVCB_BLOBS_H */
