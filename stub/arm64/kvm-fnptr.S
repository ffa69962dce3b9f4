/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM's nVHE host-call path when a call was a function pointer, v4.18 ..
 * v5.9 (arch/arm64/kvm/hyp/hyp-entry.S: valid_vect, el1_sync, do_el2_call;
 * kvm_call_hyp(f, ...) puts f's kernel address in x0).
 *
 * ABI:
 *   Entry:	x0 = address of an EL2 function (kern_hyp_va applied at EL2),
 *		x1..x3 = its arguments, shifted down into x0..x2
 *		x0 < HVC_STUB_HCALL_NR (3): a stub call, handed to
 *		__kvm_handle_stub_hvc (not re-created here: answers
 *		HVC_STUB_ERR)
 *   Exit:	x0 = the function's return value
 *   Stack:	SP_EL2: the vector pushes x0, x1; do_el2_call pushes lr.
 *   A guest's HVC (VTTBR_EL2 non-zero) takes el1_hvc_guest, which is not
 *   re-created: it answers HVC_STUB_ERR, so a sample would show it.
 *
 * The instructions are KVM's, with two stand-ins that run the same number
 * of instructions: kern_hyp_va is the and of the patched sequence and its
 * four nops (a kernel without a random hyp VA tag; the physical addresses
 * used here pass the mask unchanged), and ldr_l of kimage_voffset sits on
 * the stub-call path, which is not measured.
 *
 * Path (the hvc and everything EL2 runs, ERET included):
 *   call0:	hvc, stp, b, mrs, lsr, cmp, ccmp, b.ne, mrs, cbnz, ldp, cmp,
 *		b.hs, and, nop x4, str, mov x4, blr, (fn) ret, ldr, eret  = 27
 *   call3:	as call0, the function adds x1, x2 to x0 first		  = 29
 */
#include "hvcb-stub.h"

#define HVC_STUB_HCALL_NR	3
#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_HVC64	0x16
#define ESR_ELx_EC_HVC32	0x12

	.macro	valid_vect, target
	.align	7
	stp	x0, x1, [sp, #-16]!
	b	\target
	.endm

	.macro	invalid_vect, target
	.align	7
	b	\target
	ldp	x0, x1, [sp], #16
	b	\target
	.endm

	.macro	do_el2_call
	/*
	 * Shuffle the parameters before calling the function
	 * pointed to in x0. Assumes parameters in x[1,2,3].
	 */
	str	lr, [sp, #-16]!
	mov	lr, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	blr	lr
	ldr	lr, [sp], #16
	.endm

	hvcb_blob_begin hvcb_kvm_fnptr

hvcb_label hvcb_kvm_fnptr_vectors
	invalid_vect	el2_invalid		// Synchronous EL2t
	invalid_vect	el2_invalid		// IRQ EL2t
	invalid_vect	el2_invalid		// FIQ EL2t
	invalid_vect	el2_invalid		// Error EL2t

	invalid_vect	el2_invalid		// Synchronous EL2h
	invalid_vect	el2_invalid		// IRQ EL2h
	invalid_vect	el2_invalid		// FIQ EL2h
	invalid_vect	el2_invalid		// Error EL2h

	valid_vect	el1_sync		// Synchronous 64-bit EL1
	invalid_vect	el2_invalid		// IRQ 64-bit EL1 (no guests)
	invalid_vect	el2_invalid		// FIQ 64-bit EL1
	invalid_vect	el2_invalid		// Error 64-bit EL1

	valid_vect	el1_sync		// Synchronous 32-bit EL1
	invalid_vect	el2_invalid		// IRQ 32-bit EL1
	invalid_vect	el2_invalid		// FIQ 32-bit EL1
	invalid_vect	el2_invalid		// Error 32-bit EL1

	.align	11
el1_sync:				// Guest trapped into EL2
	mrs	x0, esr_el2
	lsr	x0, x0, #ESR_ELx_EC_SHIFT
	cmp	x0, #ESR_ELx_EC_HVC64
	ccmp	x0, #ESR_ELx_EC_HVC32, #4, ne	// HVC64 or HVC32: Z set
	b.ne	el1_trap

	mrs	x1, vttbr_el2		// If vttbr is valid, the guest
	cbnz	x1, el1_hvc_guest	// called HVC

	/* Here, we're pretty sure the host called HVC. */
	ldp	x0, x1, [sp], #16

	/* Check for a stub HVC call */
	cmp	x0, #HVC_STUB_HCALL_NR
	b.hs	1f
	b	stub_call_not_recreated

1:
	/* kern_hyp_va x0, as patched: the mask, then four nops */
	and	x0, x0, #0x0000ffffffffffff
	nop
	nop
	nop
	nop
	do_el2_call

	eret

	/* Not re-created (see the header): answer HVC_STUB_ERR. */
el1_hvc_guest:
	ldp	x0, x1, [sp], #16
stub_call_not_recreated:
el1_trap:
	hvcb_mov_stub_err x0
	eret

el2_invalid:
	b	el2_invalid

	/* EL2 functions for the calls: a null one, and one of three arguments. */
	.align	2
hvcb_label hvcb_kvm_fnptr_fn_null
	ret
hvcb_label hvcb_kvm_fnptr_fn_sum3
	add	x0, x0, x1
	add	x0, x0, x2
	ret

	hvcb_blob_end hvcb_kvm_fnptr
