/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The door in and out on arm64: not an ABI under test.
 *
 * hvcb_switch is entered at EL2, either through the kernel's resident
 * stub (HVC_SOFT_RESTART, x0 = 1, x1 = its physical address: the stub
 * moves x2, x3 into x0, x1 and branches to it) or through the synchronous
 * lower-EL slot (0x400) of an installed table that the module has
 * re-pointed here to take it out again.
 *
 * Entry:	x0 = new VBAR_EL2 (physical, 2 KB aligned)
 *		x1 = new SP_EL2 (physical; the KVM-style stubs push on it)
 * Exit:	x0 = the VBAR_EL2 found on entry
 *		x1 = the SP_EL2 found on entry
 *		x2, x3 clobbered; returns with ERET to the instruction after
 *		the caller's HVC (ELR_EL2 and SPSR_EL2 are the HVC's own).
 *
 * hvcb_peek returns the VBAR_EL2 and SP_EL2 it runs on in x0 and x1 and
 * changes nothing: the module learns the kernel's table from EL2 itself.
 * hvcb_eret is a call target that returns from EL2 at once (for the
 * SOFT_RESTART calls, which do not come back to the handler).
 * No routine touches memory, so none needs a stack.
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_common

hvcb_label hvcb_switch
	mrs	x2, vbar_el2			// the table we came through
	mov	x3, sp				// SP_EL2 (EL2h) on entry
	msr	vbar_el2, x0
	mov	sp, x1
	isb					// the new VBAR for the next exception
	mov	x0, x2
	mov	x1, x3
	eret

hvcb_label hvcb_peek
	mrs	x0, vbar_el2
	mov	x1, sp
	eret

hvcb_label hvcb_eret
	eret

	hvcb_blob_end hvcb_common
