/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hyp stub of Linux up to v4.11 (arch/arm/kernel/hyp-stub.S).
 *
 * ABI:
 *   Entry:	r0 == -1		get vectors
 *		r0 == anything else	set HVBAR = r0
 *   Exit:	r0 = HVBAR (after a set: the new one)
 *   Clobbers:	nothing else; no stack, no memory.
 *
 * The handler is the kernel's instruction for instruction: the vector
 * branch, then cmp, a conditional MRC, a conditional MCR and ERET. There is
 * no "call function" and no error return: every r0 but -1 is a set.
 *
 * Path (instructions from HVC to the instruction after it, both counted):
 *   get: hvc, b, cmp, mrceq, mcrne (not executed, still retired), eret = 6
 *   set: the same six.
 *
 * Checked in the lab (tests/area/trees): the real file, assembled from a
 * Linux tree with this trap path (make TREES=), counts the same.
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_old

	hvcb_vectors hvcb_old_vectors, hvcb_old_trap

hvcb_old_trap:
	cmp	r0, #-1
	mrceq	p15, 4, r0, c12, c0, 0	@ get HVBAR
	mcrne	p15, 4, r0, c12, c0, 0	@ set HVBAR
	__ERET

	hvcb_blob_end hvcb_old
