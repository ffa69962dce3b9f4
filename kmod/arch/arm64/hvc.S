/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel side of an arm64 HVC: load x0-x3, trap to EL2, and for the
 * timed forms read the PMU cycle counter (PMCCNTR_EL0) around it.
 *
 * A timed window is "isb; mrs PMCCNTR_EL0; hvc #0; isb; mrs PMCCNTR_EL0":
 * the ISBs keep the reads from moving across the HVC, and the same window
 * with no HVC in it (hvcb_read_pair) is the overhead that the headline
 * figures subtract. The stubs may clobber x0-x17 and x30 (the v4.11 stub
 * keeps ESR_EL2's class in x30, as the kernel's callers allowed for); the
 * values kept across an HVC live in x19-x22, and x29/x30 are saved here.
 */
#include <linux/linkage.h>
#include <asm/assembler.h>

	.text

	/* The timed window: x0-x3 from [x19], x20 = before, x21 = after. */
	.macro	timed_hvc
	ldp	x0, x1, [x19]
	ldp	x2, x3, [x19, #16]
	isb
	mrs	x20, pmccntr_el0
	hvc	#0
	isb
	mrs	x21, pmccntr_el0
	.endm

	.macro	hvcb_frame_push
	stp	x29, x30, [sp, #-48]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	.endm

	.macro	hvcb_frame_pop
	ldp	x21, x22, [sp, #32]
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #48
	.endm

/* u32 hvcb_hvc_timed(const u64 regs[4], u64 *x0): counts for one HVC. */
SYM_FUNC_START(hvcb_hvc_timed)
	hvcb_frame_push
	mov	x19, x0
	mov	x22, x1
	timed_hvc
	str	x0, [x22]
	sub	x0, x21, x20
	hvcb_frame_pop
	ret
SYM_FUNC_END(hvcb_hvc_timed)

/*
 * void hvcb_hvc_oneway(const u64 regs[4], u32 out[4]): for the timed floor
 * vectors, which return their own reads in x0 (on entry) and x1 (before
 * ERET). out = { EL2 entry, EL2 exit, before, after }.
 */
SYM_FUNC_START(hvcb_hvc_oneway)
	hvcb_frame_push
	mov	x19, x0
	mov	x22, x1
	timed_hvc
	stp	w0, w1, [x22]
	stp	w20, w21, [x22, #8]
	hvcb_frame_pop
	ret
SYM_FUNC_END(hvcb_hvc_oneway)

/* void hvcb_hvc(u64 regs[4]): regs in, regs out; no timing. */
SYM_FUNC_START(hvcb_hvc)
	hvcb_frame_push
	mov	x19, x0
	ldp	x0, x1, [x19]
	ldp	x2, x3, [x19, #16]
	hvc	#0
	stp	x0, x1, [x19]
	stp	x2, x3, [x19, #16]
	hvcb_frame_pop
	ret
SYM_FUNC_END(hvcb_hvc)

/*
 * void hvcb_hvc_loop(const u64 regs[4], u32 n): n HVCs, no timing, for
 * perf stat. Unrolled by 8; n is a multiple of 8. The baseline loop is the
 * same loop with each HVC taken out, so that the difference of the two is
 * the HVC path alone.
 */
	.macro	hvc_loop, name, hvc
SYM_FUNC_START(\name)
	hvcb_frame_push
	mov	x19, x0
	mov	w20, w1
1:	.rept	8
	ldp	x0, x1, [x19]
	ldp	x2, x3, [x19, #16]
	.if	\hvc
	hvc	#0
	.endif
	.endr
	subs	w20, w20, #8
	b.hi	1b
	hvcb_frame_pop
	ret
SYM_FUNC_END(\name)
	.endm

	hvc_loop hvcb_hvc_loop, 1
	hvc_loop hvcb_hvc_loop_baseline, 0

/* u32 hvcb_read_pair(void): the timed window with nothing in it. */
SYM_FUNC_START(hvcb_read_pair)
	isb
	mrs	x1, pmccntr_el0
	isb
	mrs	x2, pmccntr_el0
	sub	x0, x2, x1
	ret
SYM_FUNC_END(hvcb_read_pair)

/* u32 hvcb_read_bare(void): one counter read, no barrier before it. */
SYM_FUNC_START(hvcb_read_bare)
	isb
	mrs	x1, pmccntr_el0
	mrs	x2, pmccntr_el0
	sub	x0, x2, x1
	ret
SYM_FUNC_END(hvcb_read_bare)
