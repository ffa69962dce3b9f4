/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The physical minimum of an HVC round trip.
 *
 * ABI (hvcb_floor_vectors):
 *   Entry:	anything
 *   Exit:	all registers as they were
 *   The Hyp trap slot is the ERET itself: an HVC costs exactly the
 *   exception entry, one ERET and the exception return.
 *   Path: hvc, eret = 2 instructions.
 *
 * ABI (hvcb_floor_timed_vectors): the one-way latencies.
 *   Exit:	r0 = PMCCNTR read by the first instruction in HYP
 *		r1 = PMCCNTR read by the last instruction before ERET
 *   The two reads sit in the trap slot and the (unused, HCR.IMO clear)
 *   IRQ slot after it, with the ERET in the FIQ slot (HCR.FMO clear), so
 *   nothing but the exception entry lies between the caller's HVC and the
 *   first read, and nothing but the ERET between the second read and the
 *   caller. Entry and exit are taken by the caller's counter reads before
 *   and after its HVC.
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_floor

	.align	5
hvcb_label hvcb_floor_vectors
	.rept	5			@ 0x00..0x10: unused, spin
	W(b)	.
	.endr
	__ERET				@ 0x14 Hyp trap: straight back
	W(b)	.			@ 0x18 IRQ (HCR.IMO is clear)
	W(b)	.			@ 0x1c FIQ (HCR.FMO is clear)

	.align	5
hvcb_label hvcb_floor_timed_vectors
	.rept	5			@ 0x00..0x10: unused, spin
	W(b)	.
	.endr
	mrc	p15, 0, r0, c9, c13, 0	@ 0x14 Hyp trap: r0 = PMCCNTR on entry
	mrc	p15, 0, r1, c9, c13, 0	@ 0x18 r1 = PMCCNTR before the ERET
	__ERET				@ 0x1c

	hvcb_blob_end hvcb_floor
