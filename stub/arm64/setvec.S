/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 hyp stub as reworked in v4.12, to v5.11
 * (arch/arm64/kernel/hyp-stub.S, el1_sync; as in v5.10).
 *
 * ABI (arch/arm64/include/asm/virt.h, Documentation/virt/kvm/arm/hyp-abi.rst):
 *   Entry:	x0 = 0 HVC_SET_VECTORS	x1 = new VBAR_EL2 (physical)
 *		x0 = 1 HVC_SOFT_RESTART	x1 = address to branch to at EL2,
 *					x2..x4 moved to x0..x2 (no return)
 *		x0 = 2 HVC_RESET_VECTORS	nothing to reset in a stub
 *   Exit:	x0 = 0 for SET and RESET; x0 = HVC_STUB_ERR (0xbadca11) for
 *		any other number (HVC_STUB_HCALL_NR is 3)
 *   Clobbers:	nothing else; no stack, no memory. No get-vectors call.
 *
 * The handler is the kernel's instruction for instruction.
 * Path (the hvc and everything EL2 runs, ERET included):
 *   set:	hvc, b, cmp, b.ne, msr, b, mov, eret			= 8
 *   restart:	hvc, b, cmp, b.ne, cmp, b.ne, mov, mov, mov, mov, br,
 *		(target) eret						= 12
 *   bad:	hvc, b, cmp, b.ne, cmp, b.ne, cmp, b.eq, movz, movk, eret = 11
 */
#include "hvcb-stub.h"

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1
#define HVC_RESET_VECTORS	2

	hvcb_blob_begin hvcb_setvec

	hvcb_vectors hvcb_setvec_vectors, el2_sync_invalid, el1_sync

	.align	11
el1_sync:
	cmp	x0, #HVC_SET_VECTORS
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

3:	cmp	x0, #HVC_RESET_VECTORS
	b.eq	9f				// Nothing to reset!

	/* Someone called kvm_call_hyp() against the hyp-stub... */
	hvcb_mov_stub_err x0
	eret

9:	mov	x0, xzr
	eret

	hvcb_invalid_vectors

	hvcb_blob_end hvcb_setvec
