/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 hyp stub of the GET_VECTORS era, up to v4.11
 * (arch/arm64/kernel/hyp-stub.S, el1_sync; as in v4.9).
 *
 * ABI (arch/arm64/include/asm/virt.h of that era):
 *   Entry:	x0 = 0 HVC_GET_VECTORS
 *		x0 = 1 HVC_SET_VECTORS	x1 = new VBAR_EL2 (physical)
 *		x0 = 2 HVC_SOFT_RESTART	x1 = address to branch to at EL2,
 *					x2..x4 moved to x0..x2 (no return)
 *   Exit:	GET: x0 = VBAR_EL2; SET: x0 as it came in;
 *		any other x0: ARM_EXCEPTION_HYP_GONE (3 in that era)
 *   Clobbers:	x30 (the handler keeps the ESR class in it; the kernel's
 *		callers save lr around the hvc). No stack, no memory.
 *   The handler first checks ESR_EL2.EC: only an HVC64 is served.
 *
 * The handler is the kernel's instruction for instruction.
 * Path (the hvc and everything EL2 runs, ERET included):
 *   get:	hvc, b, mrs, lsr, cmp, b.ne, cmp, b.ne, mrs, b, eret	= 11
 *   set:	hvc, b, mrs, lsr, cmp, b.ne, cmp, b.ne, cmp, b.ne,
 *		msr, b, eret						= 13
 *   restart:	hvc, b, mrs, lsr, cmp, b.ne, cmp, b.ne, cmp, b.ne,
 *		cmp, b.ne, mov, mov, mov, mov, br, (target) eret	= 18
 */
#include "hvcb-stub.h"

#define HVC_GET_VECTORS		0
#define HVC_SET_VECTORS		1
#define HVC_SOFT_RESTART	2
#define ARM_EXCEPTION_HYP_GONE	3
#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_HVC64	0x16

	hvcb_blob_begin hvcb_getvec

	hvcb_vectors hvcb_getvec_vectors, el2_sync_invalid, el1_sync

	.align	11
el1_sync:
	mrs	x30, esr_el2
	lsr	x30, x30, #ESR_ELx_EC_SHIFT

	cmp	x30, #ESR_ELx_EC_HVC64
	b.ne	9f				// Not an HVC trap

	cmp	x0, #HVC_GET_VECTORS
	b.ne	1f
	mrs	x0, vbar_el2
	b	9f

1:	cmp	x0, #HVC_SET_VECTORS
	b.ne	2f
	msr	vbar_el2, x1
	b	9f

2:	cmp	x0, #HVC_SOFT_RESTART
	b.ne	3f
	mov	x0, x2
	mov	x2, x4
	mov	x4, x1
	mov	x1, x3
	br	x4				// no return

3:	mov	x0, #ARM_EXCEPTION_HYP_GONE	// kvm_call_hyp() on the stub

9:	eret

	hvcb_invalid_vectors

	hvcb_blob_end hvcb_getvec
