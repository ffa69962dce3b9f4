/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the stub blobs.
 *
 * Each stub is a position-independent blob that the module copies into a
 * physically contiguous page and runs in HYP mode with the HYP MMU off.
 * A blob starts 32-byte aligned with its vector table (HVBAR needs that),
 * branches only inside itself, and names what the module needs with
 * global labels: <stub>_start, <stub>_end, <stub>_vectors and the call
 * targets. Labels are plain (no %function type), so their values carry no
 * Thumb bit: the module adds it where an ABI wants one.
 */
#ifndef HVCB_STUB_H
#define HVCB_STUB_H

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/opcodes-virt.h>

#include "../../kmod/facts.h"	/* HVCB_STUB_ERR, HVCB_STUB_HCALL_NR */

	.macro	hvcb_label, name
	.globl	\name
	.set	\name, .
	.endm

	.macro	hvcb_blob_begin, name
	.pushsection .rodata.hvcb, "a"
	.align	5
	hvcb_label \name\()_start
	.endm

	.macro	hvcb_blob_end, name
	.ltorg
	hvcb_label \name\()_end
	.popsection
	.endm

	/*
	 * A HYP vector table whose only live slot is the Hyp trap (0x14),
	 * where an HVC from the kernel lands; the other slots spin, as in
	 * the kernel's own stub.
	 */
	.macro	hvcb_vectors, name, trap
	.align	5
	hvcb_label \name
	/* 0x00 reset, 0x04 undefined, 0x08 HVC in HYP, 0x0c/0x10 aborts */
	.rept	5
	W(b)	.
	.endr
	W(b)	\trap		/* 0x14 Hyp trap: the kernel's HVC */
	W(b)	.		/* 0x18 IRQ (HCR.IMO is clear) */
	W(b)	.		/* 0x1c FIQ (HCR.FMO is clear) */
	.endm

	/*
	 * KVM's first question on an HVC (hyp_hvc, v4.6..v5.6): is this an
	 * HVC (HSR.EC) from the host (VTTBR.VMID == 0)? There are no guests
	 * here, and nothing set VTTBR (KVM zeroed it; the kernel's stub does
	 * not, and its reset value is UNKNOWN), so both tests branch to the
	 * next instruction, the host path, either way: the same instructions,
	 * no spin. Saves r0-r2 and restores them. 12 instructions.
	 */
	.macro	hvcb_kvm_host_check
	push	{r0, r1, r2}
	mrc	p15, 4, r1, c5, c2, 0	/* HSR */
	lsr	r0, r1, #26		/* HSR.EC */
	cmp	r0, #0x12		/* EC_HVC */

	W(bne)	. + 4			/* KVM: not an HVC, a guest trap */
	mrrc	p15, 6, r0, r2, c2	/* VTTBR */
	lsr	r2, r2, #16
	and	r2, r2, #0xff		/* VMID */
	cmp	r2, #0

	W(bne)	. + 4			/* KVM: a guest's HVC */
	pop	{r0, r1, r2}
	.endm

#endif /* HVCB_STUB_H */
