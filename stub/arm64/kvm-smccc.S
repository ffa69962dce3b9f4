/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM's nVHE host call once calls were SMCCC function IDs, v5.11+
 * (arch/arm64/kvm/hyp/nvhe/host.S: host_el1_sync_vect, __host_exit;
 * hyp-main.c: handle_trap, handle_host_hcall; kvm_call_hyp_nvhe(f, ...)
 * puts KVM_HOST_SMCCC_FUNC(f) in x0). The host's registers are saved to
 * its context, the C dispatcher looks the ID up in a table of handlers,
 * and the context is restored: the price of not trusting a pointer.
 *
 * ABI:
 *   Entry:	x0 = 0xc6000000 + n (SMCCC fast call, 64-bit, vendor
 *		hypervisor), x1..x3 = arguments in the host context
 *		x0 < HVC_STUB_HCALL_NR (3): a stub call, handed to
 *		__kvm_handle_stub_hvc (not re-created: answers HVC_STUB_ERR)
 *   Exit:	x0 = SMCCC_RET_SUCCESS (0), x1 = the handler's value;
 *		x0 = SMCCC_RET_NOT_SUPPORTED (-1) for an n with no handler
 *   Table:	n = 1 __kvm_get_mdcr_el2 (6.1's numbering; n = 0 is
 *		__kvm_hyp_init, which the init vectors take: no handler)
 *   Stack:	SP_EL2: the vector pushes x0, x1; handle_trap its frame.
 *
 * host.S's instructions are KVM's, with one stand-in that runs the same
 * number of instructions: get_host_ctxt (adrp, add, mrs tpidr_el2, add,
 * add #HOST_DATA_CONTEXT: the per-CPU kvm_host_data) is a sub from SP_EL2
 * and four nops; the context is in the stack's room. handle_trap and
 * handle_host_hcall are C: here they are written out as GCC lays out such
 * a function (frame record, unlikely paths out of line, the table of
 * handlers as 32-bit offsets: adr, ldrsw and add where the kernel has
 * adrp, add and ldr), without pointer authentication or BTI.
 *
 * Path (the hvc and everything EL2 runs, ERET included):
 *   vector:	hvc, stp, mrs, lsr, cmp, b.ne, ldp, cmp, b.hs		=  9
 *   __host_exit: get_host_ctxt (5), stp, ldp, stp x8,
 *		save_callee_saved_regs (7), mov, bl			= 24
 *   handle_trap: stp, mov, mrs, ubfx, cmp, b.ne, ldr, mov, sub, cmp,
 *		b.hs							= 11
 *   restore:	ldp x9, restore_callee_saved_regs (7), eret		= 17
 *   null:	the four above, then mov, str, b, ldp, ret		= 66
 *   call0:	the four above, then adr, ldrsw, cbz, add, str, blr,
 *		(handler) mrs, str, ret, ldp, ret			= 72
 */
#include "hvcb-stub.h"

#define HVC_STUB_HCALL_NR	3
#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_WIDTH	6
#define ESR_ELx_EC_HVC64	0x16
#define KVM_HOST_SMCCC_ID_0	0xc6000000
#define HOST_HCALL_NR		2
#define CPU_XREG_OFFSET(x)	(8 * (x))
#define HOST_CTXT_BELOW_SP	0x180	/* the context: 31 registers */

	.macro	save_callee_saved_regs, ctxt
	str	x18,      [\ctxt, #CPU_XREG_OFFSET(18)]
	stp	x19, x20, [\ctxt, #CPU_XREG_OFFSET(19)]
	stp	x21, x22, [\ctxt, #CPU_XREG_OFFSET(21)]
	stp	x23, x24, [\ctxt, #CPU_XREG_OFFSET(23)]
	stp	x25, x26, [\ctxt, #CPU_XREG_OFFSET(25)]
	stp	x27, x28, [\ctxt, #CPU_XREG_OFFSET(27)]
	stp	x29, lr,  [\ctxt, #CPU_XREG_OFFSET(29)]
	.endm

	.macro	restore_callee_saved_regs, ctxt
	ldr	x18,      [\ctxt, #CPU_XREG_OFFSET(18)]
	ldp	x19, x20, [\ctxt, #CPU_XREG_OFFSET(19)]
	ldp	x21, x22, [\ctxt, #CPU_XREG_OFFSET(21)]
	ldp	x23, x24, [\ctxt, #CPU_XREG_OFFSET(23)]
	ldp	x25, x26, [\ctxt, #CPU_XREG_OFFSET(25)]
	ldp	x27, x28, [\ctxt, #CPU_XREG_OFFSET(27)]
	ldp	x29, lr,  [\ctxt, #CPU_XREG_OFFSET(29)]	// ctxt (x29) last
	.endm

	/* get_host_ctxt as counted: the context below SP_EL2 (see above). */
	.macro	get_host_ctxt, reg, tmp
	sub	\reg, sp, #HOST_CTXT_BELOW_SP
	nop
	nop
	nop
	nop
	.endm

	hvcb_blob_begin hvcb_kvm_smccc

	/* __kvm_hyp_host_vector: host_el1_sync_vect in its slot. */
	hvcb_vectors_el2 hvcb_kvm_smccc_vectors, el2_sync_invalid

	.align	7				// Synchronous 64-bit EL1
	stp	x0, x1, [sp, #-16]!
	mrs	x0, esr_el2
	lsr	x0, x0, #ESR_ELx_EC_SHIFT
	cmp	x0, #ESR_ELx_EC_HVC64
	b.ne	__host_exit

	ldp	x0, x1, [sp]			// Don't fixup the stack yet

	/* Check for a stub HVC call */
	cmp	x0, #HVC_STUB_HCALL_NR
	b.hs	__host_exit

	/* Not re-created (see the header): answer HVC_STUB_ERR. */
	add	sp, sp, #16
	hvcb_mov_stub_err x0
	eret

	hvcb_vectors_el1_rest

__host_exit:
	get_host_ctxt	x0, x1

	/* Store the host regs x2 and x3 */
	stp	x2, x3,   [x0, #CPU_XREG_OFFSET(2)]

	/* Retrieve the host regs x0-x1 from the stack */
	ldp	x2, x3, [sp], #16		// x0, x1

	/* Store the host regs x0-x1 and x4-x17 */
	stp	x2, x3,   [x0, #CPU_XREG_OFFSET(0)]
	stp	x4, x5,   [x0, #CPU_XREG_OFFSET(4)]
	stp	x6, x7,   [x0, #CPU_XREG_OFFSET(6)]
	stp	x8, x9,   [x0, #CPU_XREG_OFFSET(8)]
	stp	x10, x11, [x0, #CPU_XREG_OFFSET(10)]
	stp	x12, x13, [x0, #CPU_XREG_OFFSET(12)]
	stp	x14, x15, [x0, #CPU_XREG_OFFSET(14)]
	stp	x16, x17, [x0, #CPU_XREG_OFFSET(16)]

	/* Store the host regs x18-x29, lr */
	save_callee_saved_regs x0

	/* Save the host context pointer in x29 across the function call */
	mov	x29, x0
	bl	handle_trap

	/* Restore host regs x0-x17 */
	ldp	x0, x1,   [x29, #CPU_XREG_OFFSET(0)]
	ldp	x2, x3,   [x29, #CPU_XREG_OFFSET(2)]
	ldp	x4, x5,   [x29, #CPU_XREG_OFFSET(4)]
	ldp	x6, x7,   [x29, #CPU_XREG_OFFSET(6)]
	ldp	x8, x9,   [x29, #CPU_XREG_OFFSET(8)]
	ldp	x10, x11, [x29, #CPU_XREG_OFFSET(10)]
	ldp	x12, x13, [x29, #CPU_XREG_OFFSET(12)]
	ldp	x14, x15, [x29, #CPU_XREG_OFFSET(14)]
	ldp	x16, x17, [x29, #CPU_XREG_OFFSET(16)]

	/* Restore host regs x18-x29, lr */
	restore_callee_saved_regs x29

	/* Do not touch any register after this! */
	eret

	/*
	 * void handle_trap(struct kvm_cpu_context *host_ctxt), with
	 * handle_host_hcall inlined: id = x0 - KVM_HOST_SMCCC_ID(0); an id
	 * past the table or without a handler is SMCCC_RET_NOT_SUPPORTED,
	 * else x0 = SMCCC_RET_SUCCESS and the handler runs on the context.
	 * An SMC or any other class (hyp_panic) is not re-created: it
	 * cannot come from an HVC.
	 */
handle_trap:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	mrs	x1, esr_el2
	ubfx	x1, x1, #ESR_ELx_EC_SHIFT, #ESR_ELx_EC_WIDTH
	cmp	x1, #ESR_ELx_EC_HVC64
	b.ne	1f
	ldr	x1, [x0, #CPU_XREG_OFFSET(0)]	// id
	mov	x2, #KVM_HOST_SMCCC_ID_0
	sub	x1, x1, x2
	cmp	x1, #HOST_HCALL_NR
	b.hs	2f				// unlikely: past the table
	adr	x3, host_hcall
	ldrsw	x2, [x3, x1, lsl #2]
	cbz	x2, 2f				// unlikely: no handler
	add	x2, x3, x2
	str	xzr, [x0, #CPU_XREG_OFFSET(0)]	// SMCCC_RET_SUCCESS
	blr	x2
1:	ldp	x29, x30, [sp], #16
	ret
2:	mov	x1, #-1				// SMCCC_RET_NOT_SUPPORTED
	str	x1, [x0, #CPU_XREG_OFFSET(0)]
	b	1b

	/* cpu_reg(host_ctxt, 1) = __kvm_get_mdcr_el2(); */
handle___kvm_get_mdcr_el2:
	mrs	x1, mdcr_el2
	str	x1, [x0, #CPU_XREG_OFFSET(1)]
	ret

	/* host_hcall[]: each handler's offset from the table, 0 for none. */
	.align	2
host_hcall:
	.word	0					// __kvm_hyp_init
	.word	handle___kvm_get_mdcr_el2 - host_hcall

	hvcb_invalid_vectors

	hvcb_blob_end hvcb_kvm_smccc
