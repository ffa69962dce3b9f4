/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the arm64 stub blobs.
 *
 * Each stub is a position-independent blob that the module copies into
 * physically contiguous pages and runs at EL2 with the EL2 MMU off
 * (SCTLR_EL2.M = 0: addresses are physical). A blob starts 2 KB aligned
 * (VBAR_EL2 bits [10:0] are RES0) with its vector table, branches only
 * inside itself, and names what the module needs with global labels:
 * <stub>_start, <stub>_end, <stub>_vectors and the call targets.
 *
 * An HVC from the kernel (EL1, AArch64) lands in the table's slot at
 * 0x400, "Synchronous, lower EL using AArch64".
 */
#ifndef HVCB_STUB_ARM64_H
#define HVCB_STUB_ARM64_H

#include "../../kmod/facts.h"	/* HVCB_STUB_ERR (HVC_STUB_ERR, v4.12+) */

	.macro	hvcb_label, name
	.globl	\name
	.set	\name, .
	.endm

	.macro	hvcb_blob_begin, name
	.pushsection .rodata.hvcb, "a"
	.align	11
	hvcb_label \name\()_start
	.endm

	.macro	hvcb_blob_end, name
	hvcb_label \name\()_end
	.popsection
	.endm

	/*
	 * One 128-byte vector slot that branches to label: the kernel's
	 * ventry macro (arch/arm64/include/asm/assembler.h).
	 */
	.macro	hvcb_ventry, label
	.align	7
	b	\label
	.endm

	/* An invalid vector: spins, as the kernel's stub does. */
	.macro	hvcb_invalid, label
	.set	\label, .
	b	\label
	.endm

	/*
	 * The hyp stub's vector table NAME, laid out as in every kernel's
	 * arch/arm64/kernel/hyp-stub.S: sixteen slots, each to its invalid
	 * spinner but the synchronous ones from EL2h (el2h) and from 64-bit
	 * EL1 (el1), which go to the era's handler.
	 */
	.macro	hvcb_vectors, name, el2h, el1
	hvcb_vectors_el2 \name, \el2h
	hvcb_ventry	\el1			// Synchronous 64-bit EL1
	hvcb_vectors_el1_rest
	.endm

	/*
	 * hvcb_vectors in two parts, for a table whose synchronous 64-bit
	 * EL1 slot holds its handler's first instructions (KVM's host
	 * vector): the eight EL2 slots after the label NAME, then that
	 * slot's code (.align 7 first), then hvcb_vectors_el1_rest.
	 */
	.macro	hvcb_vectors_el2, name, el2h
hvcb_label \name
	hvcb_ventry	el2_sync_invalid	// Synchronous EL2t
	hvcb_ventry	el2_irq_invalid		// IRQ EL2t
	hvcb_ventry	el2_fiq_invalid		// FIQ EL2t
	hvcb_ventry	el2_error_invalid	// Error EL2t

	hvcb_ventry	\el2h			// Synchronous EL2h
	hvcb_ventry	el2_irq_invalid		// IRQ EL2h
	hvcb_ventry	el2_fiq_invalid		// FIQ EL2h
	hvcb_ventry	el2_error_invalid	// Error EL2h
	.endm

	/* The seven slots after the synchronous 64-bit EL1 one. */
	.macro	hvcb_vectors_el1_rest
	hvcb_ventry	el1_irq_invalid		// IRQ 64-bit EL1
	hvcb_ventry	el1_fiq_invalid		// FIQ 64-bit EL1
	hvcb_ventry	el1_error_invalid	// Error 64-bit EL1

	hvcb_ventry	el1_sync_invalid	// Synchronous 32-bit EL1
	hvcb_ventry	el1_irq_invalid		// IRQ 32-bit EL1
	hvcb_ventry	el1_fiq_invalid		// FIQ 32-bit EL1
	hvcb_ventry	el1_error_invalid	// Error 32-bit EL1
	.endm

	/* The spinners hvcb_vectors' invalid slots branch to. */
	.macro	hvcb_invalid_vectors
	hvcb_invalid	el2_sync_invalid
	hvcb_invalid	el2_irq_invalid
	hvcb_invalid	el2_fiq_invalid
	hvcb_invalid	el2_error_invalid
	hvcb_invalid	el1_sync_invalid
	hvcb_invalid	el1_irq_invalid
	hvcb_invalid	el1_fiq_invalid
	hvcb_invalid	el1_error_invalid
	.endm

	/*
	 * The kernel's mov_q of HVC_STUB_ERR (the value needs two 16-bit
	 * chunks): movz of the top half, movk of the bottom, 2 instructions.
	 */
	.macro	hvcb_mov_stub_err, reg
	movz	\reg, #(HVCB_STUB_ERR >> 16), lsl #16
	movk	\reg, #(HVCB_STUB_ERR & 0xffff)
	.endm

#endif /* HVCB_STUB_ARM64_H */
