/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hyp stub as merged, v4.12 .. v5.6
 * (arch/arm/kernel/hyp-stub.S, __hyp_stub_do_trap).
 *
 * ABI:
 *   Entry:	r0 = 0 HVC_SET_VECTORS	r1 = new HVBAR
 *		r0 = 1 HVC_SOFT_RESTART	branch to r1 in HYP mode (physical
 *					address; it does not come back)
 *		r0 = 2 HVC_RESET_VECTORS	nothing to reset in a stub
 *   Exit:	r0 = 0 for SET_VECTORS and RESET_VECTORS,
 *		r0 = HVC_STUB_ERR (0xbadca11) for any other number
 *   Clobbers:	nothing else; no stack, no memory. No get-vectors call.
 *
 * The handler is the kernel's instruction for instruction.
 * Path (hvc and the instruction after it both counted):
 *   set:	hvc, b, teq, bne, mcr, b, mov, eret		= 8
 *   restart:	hvc, b, teq, bne, teq, bne, bx, (target) eret	= 8
 *   bad:	hvc, b, teq, bne, teq, bne, teq, beq, ldr, eret	= 10
 *
 * Checked in the lab (tests/area/trees): the real file, assembled from a
 * Linux tree with this trap path (make TREES=), counts the same; so do
 * set and restart of the v5.7+ decompressor's copy (ZIMAGE) of 6.12.
 */
#include "hvcb-stub.h"

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1
#define HVC_RESET_VECTORS	2

	hvcb_blob_begin hvcb_mainline

	hvcb_vectors hvcb_mainline_vectors, hvcb_mainline_trap

hvcb_mainline_trap:
	teq	r0, #HVC_SET_VECTORS
	bne	1f
	mcr	p15, 4, r1, c12, c0, 0	@ set HVBAR
	b	3f

1:	teq	r0, #HVC_SOFT_RESTART
	bne	2f
	bx	r1			@ soft restart: does not come back

2:	teq	r0, #HVC_RESET_VECTORS
	beq	3f

	ldr	r0, =HVCB_STUB_ERR
	__ERET

3:	mov	r0, #0
	__ERET

	hvcb_blob_end hvcb_mainline
