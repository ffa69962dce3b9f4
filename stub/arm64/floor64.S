/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The architectural minimum of an arm64 HVC round trip.
 *
 * ABI (hvcb_floor_vectors):
 *   Entry:	anything
 *   Exit:	all registers as they were
 *   The synchronous lower-EL AArch64 slot (0x400) is the ERET itself: an
 *   HVC costs exactly the exception entry, one ERET and the return.
 *   Path: hvc, eret = 2 instructions.
 *
 * ABI (hvcb_floor_timed_vectors): the one-way latencies.
 *   Exit:	x0 = PMCCNTR_EL0 read by the first instruction at EL2
 *		x1 = PMCCNTR_EL0 read by the last instruction before ERET
 *   Nothing but the exception entry lies between the caller's HVC and the
 *   first read, and nothing but the ERET between the second read and the
 *   caller. Entry and exit are taken by the caller's counter reads before
 *   and after its HVC.
 */
#include "hvcb-stub.h"

	hvcb_blob_begin hvcb_floor

hvcb_label hvcb_floor_vectors
	.rept	8				// 0x000..0x380: EL2 itself, spin
	.align	7
	b	.
	.endr
	.align	7
	eret					// 0x400 HVC from EL1: straight back
	.rept	7				// 0x480..0x780: unused, spin
	.align	7
	b	.
	.endr

	.align	11
hvcb_label hvcb_floor_timed_vectors
	.rept	8				// 0x000..0x380: EL2 itself, spin
	.align	7
	b	.
	.endr
	.align	7
	mrs	x0, pmccntr_el0			// 0x400: x0 = PMCCNTR on entry
	mrs	x1, pmccntr_el0			// x1 = PMCCNTR before the ERET
	eret
	.rept	7				// 0x480..0x780: unused, spin
	.align	7
	b	.
	.endr

	hvcb_blob_end hvcb_floor
