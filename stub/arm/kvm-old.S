/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM's host call convention, v4.6 .. v4.11
 * (arch/arm/kvm/hyp/hyp-entry.S, hyp_hvc; kvm_call_hyp is "hvc #0; bx lr").
 *
 * ABI:
 *   Entry:	r0 == -1	get vectors
 *		r0 = anything else: a HYP function pointer, called with
 *		r1, r2, r3 shifted down to r0, r1, r2 (three 32-bit
 *		arguments; a 64-bit argument no longer sits in an even
 *		register pair, which breaks EABI alignment)
 *   Exit:	r0 = HVBAR for a get, the function's r0 otherwise
 *   Clobbers:	r1-r3, ip (AAPCS caller-saved); uses the HYP stack
 *		(the module gives it one), saving LR_usr around the call.
 *
 * The handler is KVM's: it first checks that the trap is an HVC (HSR.EC)
 * from the host (VTTBR.VMID == 0), as KVM must tell host calls from guest
 * traps; a guest trap is not taken here, so that branch spins.
 * Path (hvc and the instruction after it both counted):
 *   get:   hvc, b, push, mrc, lsr, cmp, bne, mrrc, lsr, and, cmp, bne,
 *	    pop, cmp, mrceq, beq, eret				= 17
 *   call0: as get to the pop (13), cmp, mrceq, beq, push, 4 x mov, blx,
 *	    (null function) bx lr, pop, eret			= 25
 *   call3: call0 + 2 (the function adds its three arguments)	= 27
 */
#include "hvcb-stub.h"


	hvcb_blob_begin hvcb_kvm_old

	hvcb_vectors hvcb_kvm_old_vectors, hvcb_kvm_old_hvc

hvcb_kvm_old_hvc:
	hvcb_kvm_host_check		@ a host call, not a guest trap

	cmp	r0, #-1			@ __hyp_get_vectors?
	mrceq	p15, 4, r0, c12, c0, 0	@ get HVBAR
	beq	1f

	push	{lr}			@ LR_usr: Hyp mode has no LR of its own
	mov	lr, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
THUMB(	orr	lr, #1)
	blx	lr			@ call the HYP function
	pop	{lr}
1:	__ERET

	/* HYP functions for the call benchmarks (AAPCS, run in HYP). */
hvcb_label hvcb_kvm_old_fn_null
	bx	lr

hvcb_label hvcb_kvm_old_fn_sum3
	add	r0, r0, r1
	add	r0, r0, r2
	bx	lr

	hvcb_blob_end hvcb_kvm_old
