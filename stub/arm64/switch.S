/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The door in and out on arm64: not an ABI under test.
 *
 * In: hvcb_stack, through the kernel's resident stub (HVC_SOFT_RESTART,
 * x0 = 1, x1 = its physical address, x2 = the new SP_EL2: the stub moves
 * x2 into x0 and branches to it), sets SP_EL2 (the KVM-style stubs push
 * on it) and returns the VBAR_EL2 and SP_EL2 it found in x0 and x1: the
 * module learns the kernel's table from EL2 itself. Then the stub's own
 * HVC_SET_VECTORS (x0 = 0, x1 = the table) installs the table.
 *
 * Out: hvcb_switch is entered through the synchronous lower-EL slot
 * (0x400) of the installed table, which the module has re-pointed here.
 * Entry:	x0 = new VBAR_EL2 (physical, 2 KB aligned, not 0)
 *		x1 = new SP_EL2
 * Exit:	x0 = the VBAR_EL2 found on entry
 *		x1 = the SP_EL2 found on entry
 *		x2, x3 clobbered; returns with ERET to the instruction after
 *		the caller's HVC (ELR_EL2 and SPSR_EL2 are the HVC's own).
 * An x0 that is no table (0, or not 2 KB aligned: an HVC meant for the
 * kernel's stub that landed here) changes nothing.
 *
 * hvcb_peek returns the VBAR_EL2 and SP_EL2 it runs on in x0 and x1 and
 * changes nothing: reached through the kernel's SOFT_RESTART, it tells
 * which table EL2 runs on after a removal; landing on hvcb_switch instead
 * (x0 = 1), it changes nothing either and returns the table it found.
 * hvcb_eret is a call target that returns from EL2 at once (for the
 * SOFT_RESTART calls, which do not come back to the handler).
 * No routine touches memory, so none needs a stack.
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_common

hvcb_label hvcb_stack
	mrs	x2, vbar_el2			// the kernel's table
	mov	x3, sp				// SP_EL2 (EL2h) on entry
	mov	sp, x0
	mov	x0, x2
	mov	x1, x3
	eret

hvcb_label hvcb_switch
	mrs	x2, vbar_el2			// the table we came through
	mov	x3, sp				// SP_EL2 (EL2h) on entry
	cbz	x0, 1f				// no table: change nothing
	tst	x0, #0x7ff
	b.ne	1f
	msr	vbar_el2, x0
	mov	sp, x1
	isb					// the new VBAR for the next exception
1:	mov	x0, x2
	mov	x1, x3
	eret

hvcb_label hvcb_peek
	mrs	x0, vbar_el2
	mov	x1, sp
	eret

hvcb_label hvcb_eret
	eret

	hvcb_blob_end hvcb_common
