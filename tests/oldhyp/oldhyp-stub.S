/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test only: the hyp stub of a <= v4.11 kernel, to be made resident on a
 * newer one (oldhyp.c). Copied into a page and run in HYP, MMU off.
 *
 * ABI of the resident stub (arch/arm/kernel/hyp-stub.S up to v4.11):
 *   Entry:	r0 == -1		get vectors
 *		r0 == anything else	set HVBAR = r0
 *   Exit:	r0 = HVBAR (after a set: the new one); nothing else touched.
 *
 * oldhyp_enter is where the v4.12+ kernel's HVC_SOFT_RESTART ("branch to
 * r1 in HYP") lands to put it in:
 *   Entry:	r2 = new HVBAR
 *   Exit:	r0 = the HVBAR found; ERET to after the caller's HVC.
 *
 * ARM state only: a Thumb-2 kernel's stub has HYP take exceptions in
 * Thumb state (HSCTLR.TE), and oldhyp.c refuses to load there.
 */
#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/opcodes-virt.h>

	.pushsection .rodata.oldhyp, "a"
	.arm
	.align	5
	.globl	oldhyp_start, oldhyp_vectors, oldhyp_enter, oldhyp_end
oldhyp_start:
oldhyp_vectors:
	.rept	5
	b	.			@ reset, undef, HVC in HYP, aborts
	.endr
	b	oldhyp_trap		@ 0x14 Hyp trap: the kernel's HVC
	b	.			@ IRQ
	b	.			@ FIQ

oldhyp_trap:
	cmp	r0, #-1
	mrceq	p15, 4, r0, c12, c0, 0	@ get HVBAR
	mcrne	p15, 4, r0, c12, c0, 0	@ set HVBAR
	__ERET

oldhyp_enter:
	mrc	p15, 4, r0, c12, c0, 0	@ r0 = the kernel's HVBAR
	mcr	p15, 4, r2, c12, c0, 0	@ HVBAR = r2
	isb
	__ERET
oldhyp_end:
	.popsection
