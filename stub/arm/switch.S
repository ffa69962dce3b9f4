/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The door in and out: not an ABI under test.
 *
 * hvcb_switch is entered in HYP mode, either through the kernel's resident
 * stub (HVC_SOFT_RESTART: "branch to r1 in HYP") or through the Hyp trap
 * slot of an installed table that the module has re-pointed here to take
 * it out again.
 *
 * Entry:	r2 = new HVBAR (physical, 32-byte aligned)
 *		r3 = new SP_hyp (physical; the KVM-style stubs push on it)
 * Exit:	r0 = the HVBAR found on entry
 *		r1 = the SP_hyp found on entry
 *		r2, r3 and all other registers preserved; returns with ERET
 *		to the instruction after the caller's HVC.
 *
 * It touches no memory, so it needs no HYP stack of its own.
 *
 * hvcb_eret is a call target that returns from HYP at once (for the ABIs
 * whose "call function" does not return to the handler).
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_common

	/* A table that only switches: on kernels whose stub can set HVBAR. */
	hvcb_vectors hvcb_common_vectors, hvcb_switch

hvcb_label hvcb_switch
	mrc	p15, 4, r0, c12, c0, 0	@ r0 = HVBAR we came through
	mov	r1, sp			@ r1 = SP_hyp on entry
	mcr	p15, 4, r2, c12, c0, 0	@ HVBAR = r2
	mov	sp, r3			@ SP_hyp = r3
	isb				@ the new HVBAR for the next exception
	__ERET

hvcb_label hvcb_eret
	__ERET

	hvcb_blob_end hvcb_common
