/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The unified hyp-stub ABI proposed in January 2017
 * ("ARM: hyp-stub: improve ABI").
 *
 * ABI:
 *   Entry:	r0 = 0	get vectors
 *		r0 = 1	set vectors, r1 = new HVBAR
 *		r0 = 2	call function, r3 = its physical address (bit 0 set
 *			for Thumb); it runs in HYP mode and is not expected
 *			to return here: it returns from HYP itself (ERET)
 *   Exit:	r0 = HVBAR after a get; r0 = -1 for an invalid call;
 *		r0 unchanged after a set
 *   Clobbers:	nothing else; no stack, no memory.
 *
 * Path (hvc and the instruction after it both counted):
 *   get:  hvc, b, cmp, bne, mrc, b, eret		= 7
 *   set:  hvc, b, cmp, bne, cmp, bne, mcr, b, eret	= 9
 *   call: hvc, b, cmp, bne, cmp, bne, cmp, bxeq, eret	= 9
 *	   (call target hvcb_eret: one ERET)
 *   bad:  hvc, b, cmp, bne, cmp, bne, cmp, bxeq, mov, eret = 10
 */
#include "hvcb-stub.h"

#define HVC_GET_VECTORS	0
#define HVC_SET_VECTORS	1
#define HVC_CALL_FUNC	2

	hvcb_blob_begin hvcb_new

	hvcb_vectors hvcb_new_vectors, hvcb_new_trap

hvcb_new_trap:
	cmp	r0, #HVC_GET_VECTORS
	bne	1f
	mrc	p15, 4, r0, c12, c0, 0	@ get HVBAR
	b	3f

1:	cmp	r0, #HVC_SET_VECTORS
	bne	2f
	mcr	p15, 4, r1, c12, c0, 0	@ set HVBAR
	b	3f

2:	cmp	r0, #HVC_CALL_FUNC
	bxeq	r3			@ call function: does not come back
	mov	r0, #-1			@ invalid call
3:	__ERET

	hvcb_blob_end hvcb_new
