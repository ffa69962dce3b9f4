/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel side of an HVC: load r0-r3, trap, and for the timed forms
 * read the PMU cycle counter (PMCCNTR) around it.
 *
 * A timed window is "isb; mrc PMCCNTR; hvc ...; isb; mrc PMCCNTR": the
 * ISBs keep the reads from moving across the HVC, and the same window with
 * no HVC in it (hvcb_read_pair) is the overhead that the headline figures
 * subtract. The stubs preserve r4-r11 and SVC's own banked LR and SP.
 */
#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/opcodes-virt.h>

	.text

	.macro	rd_ccnt, reg
	mrc	p15, 0, \reg, c9, c13, 0	@ PMCCNTR
	.endm

	/* The timed window: r0-r3 from [r0], r4 = before, r5 = after. */
	.macro	timed_hvc
	ldm	r0, {r0 - r3}
	isb
	rd_ccnt	r4
	__HVC(0)
	isb
	rd_ccnt	r5
	.endm

/* u32 hvcb_hvc_timed(const u32 regs[4], u32 *r0): counts for one HVC. */
ENTRY(hvcb_hvc_timed)
	push	{r4, r5, r6, lr}
	mov	r6, r1
	timed_hvc
	str	r0, [r6]
	sub	r0, r5, r4
	pop	{r4, r5, r6, pc}
ENDPROC(hvcb_hvc_timed)

/*
 * void hvcb_hvc_oneway(const u32 regs[4], u32 out[4]): for the timed floor
 * vectors, which return their own reads in r0 (on entry) and r1 (before
 * ERET). out = { hyp entry, hyp exit, before, after }.
 */
ENTRY(hvcb_hvc_oneway)
	push	{r4, r5, r6, lr}
	mov	r6, r1
	timed_hvc
	stm	r6, {r0, r1, r4, r5}
	pop	{r4, r5, r6, pc}
ENDPROC(hvcb_hvc_oneway)

/* void hvcb_hvc(u32 regs[4]): regs in, regs out; no timing. */
ENTRY(hvcb_hvc)
	push	{r4, lr}
	mov	r4, r0
	ldm	r4, {r0 - r3}
	__HVC(0)
	stm	r4, {r0 - r3}
	pop	{r4, pc}
ENDPROC(hvcb_hvc)

/*
 * void hvcb_hvc_loop(const u32 regs[4], u32 n): n HVCs, no timing, for
 * perf stat. Unrolled by 8; n is a multiple of 8. The baseline loop is the
 * same loop with each HVC taken out, so that the difference of the two is
 * the HVC path alone.
 */
	.macro	hvc_loop, name, hvc
ENTRY(\name)
	push	{r4, r5, lr}
	mov	r4, r0
	mov	r5, r1
1:	.rept	8
	ldm	r4, {r0 - r3}
	.if	\hvc
	__HVC(0)
	.endif
	.endr
	subs	r5, r5, #8
	bhi	1b
	pop	{r4, r5, pc}
ENDPROC(\name)
	.endm

	hvc_loop hvcb_hvc_loop, 1
	hvc_loop hvcb_hvc_loop_baseline, 0

/* u32 hvcb_read_pair(void): the timed window with nothing in it. */
ENTRY(hvcb_read_pair)
	isb
	rd_ccnt	r1
	isb
	rd_ccnt	r2
	sub	r0, r2, r1
	ret	lr
ENDPROC(hvcb_read_pair)

/* u32 hvcb_read_bare(void): one counter read, no barrier before it. */
ENTRY(hvcb_read_bare)
	isb
	rd_ccnt	r1
	rd_ccnt	r2
	sub	r0, r2, r1
	ret	lr
ENDPROC(hvcb_read_bare)
