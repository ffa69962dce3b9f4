/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Today's arm64 hyp stub: the FINALISE_EL2 stub with HVC_GET_ICH_VTR_EL2
 * (the 2025 kvmarm change that lets the host read ICH_VTR_EL2 for
 * ICV_DIR_EL1 trapping; arch/arm64/kernel/hyp-stub.S, elx_sync).
 *
 * ABI (arch/arm64/include/asm/virt.h, Documentation/virt/kvm/arm/hyp-abi.rst):
 *   Entry:	x0 = 0 HVC_SET_VECTORS	x1 = new VBAR_EL2 (physical)
 *		x0 = 1 HVC_SOFT_RESTART	x1 = address to branch to at EL2,
 *					x2..x4 moved to x0..x2 (no return)
 *		x0 = 2 HVC_RESET_VECTORS	nothing to reset in a stub
 *		x0 = 3 HVC_FINALISE_EL2	SVE/SME set-up, then VHE if it can
 *		x0 = 4 HVC_GET_ICH_VTR_EL2	x1 = ICH_VTR_EL2, x0 = 0
 *   Exit:	x0 = 0 for SET and RESET; x0 = HVC_STUB_ERR (0xbadca11) for
 *		any other number
 *   Clobbers:	nothing else; no stack, no memory.
 *
 * The handler is the kernel's instruction for instruction, but for the
 * target of x0 = 3: the kernel's turns this CPU into a VHE host, which
 * nothing here may call; the copy answers HVC_STUB_ERR there instead.
 * Path (the hvc and everything EL2 runs, ERET included):
 *   set:	hvc, b, cmp, b.ne, msr, b, mov, eret			= 8
 *   restart:	hvc, b, cmp, b.ne, cmp, b.eq, cmp, b.ne, cmp, b.ne, mov,
 *		mov, mov, mov, br, (target) eret			= 16
 *   bad:	hvc, b, cmp, b.ne, cmp, b.eq, cmp, b.ne, cmp, b.ne, cmp,
 *		b.eq, movz, movk, eret					= 15
 */
#include "hvcb-stub.h"

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1
#define HVC_RESET_VECTORS	2
#define HVC_FINALISE_EL2	3
#define HVC_GET_ICH_VTR_EL2	4

	hvcb_blob_begin hvcb_ichvtr

	hvcb_vectors hvcb_ichvtr_vectors, elx_sync, elx_sync

	.align	11
elx_sync:
	cmp	x0, #HVC_SET_VECTORS
	b.ne	1f
	msr	vbar_el2, x1
	b	9f

1:	cmp	x0, #HVC_FINALISE_EL2
	b.eq	el2_switch_not_recreated

	cmp	x0, #HVC_GET_ICH_VTR_EL2
	b.ne	2f
	mrs	x1, S3_4_C12_C11_1		// ICH_VTR_EL2 (mrs_s)
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

	/* Not the kernel's (see the header): refuse instead. */
el2_switch_not_recreated:
	hvcb_mov_stub_err x0
	eret

	hvcb_invalid_vectors

	hvcb_blob_end hvcb_ichvtr
