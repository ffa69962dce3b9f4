/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM's host call dispatch, v4.12 .. v5.6
 * (arch/arm/kvm/hyp/hyp-entry.S, hyp_hvc, and the stub calls it hands to
 * __kvm_handle_stub_hvc in arch/arm/kvm/init.S).
 *
 * ABI:
 *   Entry:	r0 < HVC_STUB_HCALL_NR (3): a hyp-stub call, handled as the
 *		stub would: 1 HVC_SOFT_RESTART, 2 HVC_RESET_VECTORS;
 *		0 (HVC_SET_VECTORS) is refused once KVM owns HYP
 *		r0 >= 3: a HYP function pointer, r1..r3 shifted down to
 *		r0..r2 as in kvm-old
 *   Exit:	r0 = HVC_STUB_ERR (0xbadca11) for a refused stub call, the
 *		function's r0 for a function call
 *   Clobbers:	r1-r3, ip; uses the HYP stack, saving LR_usr.
 *
 * KVM runs this with the HYP MMU on and finds __kvm_handle_stub_hvc by
 * subtracting kimage_voffset from its link address; here the MMU is off,
 * the offset word holds 0 and the address is taken PC-relative, with the
 * same number and kind of instructions (two loads, a subtract); badr
 * gives the Thumb bit on a Thumb-2 kernel, as KVM's link address has it.
 * Path (hvc and the instruction after it both counted):
 *   bad:   hvc, b, push, mrc, lsr, cmp, bne, mrrc, lsr, and, cmp, bne,
 *	    pop, cmp, bhs, push, adr, ldr, adr, sub, pop, bx,
 *	    cmp, bne, cmp, bne, ldr, eret			= 28
 *   call0: to the pop (13), cmp, bhs, push, 4 x mov, blx, (null) bx lr,
 *	    pop, eret						= 24
 *   call3: call0 + 2						= 26
 */
#include "hvcb-stub.h"

#define HVC_SOFT_RESTART	1
#define HVC_RESET_VECTORS	2

	hvcb_blob_begin hvcb_kvm

	hvcb_vectors hvcb_kvm_vectors, hvcb_kvm_hvc

hvcb_kvm_hvc:
	hvcb_kvm_host_check		@ a host call, not a guest trap

	cmp	r0, #HVCB_STUB_HCALL_NR	@ a function, not a stub call?
	bhs	1f

	push	{r1}			@ find the stub-call handler
	adr	r1, 2f			@ KVM: ldr r1, =kimage_voffset
	ldr	r1, [r1]
	badr	ip, hvcb_kvm_stub_hvc	@ KVM: ldr ip, =__kvm_handle_stub_hvc
	sub	ip, ip, r1		@ virtual to physical (offset 0 here)
	pop	{r1}
	bx	ip

1:	push	{r2, lr}		@ keeps the HYP stack 8-byte aligned
	mov	lr, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
THUMB(	orr	lr, #1)
	blx	lr			@ call the HYP function
	pop	{r2, lr}
	__ERET

	.align	2
2:	.long	0			@ kimage_voffset: the MMU is off

hvcb_kvm_stub_hvc:			@ __kvm_handle_stub_hvc
	cmp	r0, #HVC_SOFT_RESTART
	bne	1f
	bx	r1			@ (KVM also tears down its MMU here)

1:	cmp	r0, #HVC_RESET_VECTORS
	bne	1f
	mov	r0, #0			@ (KVM reinstalls the stub vectors)
	__ERET

1:	ldr	r0, =HVCB_STUB_ERR
	__ERET

hvcb_label hvcb_kvm_fn_null
	bx	lr

hvcb_label hvcb_kvm_fn_sum3
	add	r0, r0, r1
	add	r0, r0, r2
	bx	lr

	hvcb_blob_end hvcb_kvm
