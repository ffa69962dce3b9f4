/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the architectures hvcbench measures, behind one
 * interface: issuing the HVC, the door through the kernel's resident stub,
 * the cycle counter and its filter, the CPU id and the vector table layout.
 *
 *   kmod/arch/arm/     32-bit ARM, HYP mode (HVBAR, PMCCNTR, PMCCFILTR)
 *   kmod/arch/arm64/   arm64, EL2 (VBAR_EL2, PMCCNTR_EL0, PMCCFILTR_EL0)
 *
 * Kbuild links kmod/arch/$(SRCARCH)/ and adds it to the include path:
 * each holds hvcb_arch_defs.h (the types and constants below) and the
 * code of the hooks. Everything else in kmod/ is the same for both.
 *
 * "HYP" below means HYP mode on arm and EL2 on arm64; "r0..r3" the first
 * four argument registers (x0..x3 on arm64).
 */
#ifndef HVCB_ARCH_H
#define HVCB_ARCH_H

#include <linux/types.h>
#include "hvcb_arch_defs.h"

/*
 * From hvcb_arch_defs.h:
 *
 * hvcb_reg_t			one register as an HVC passes it (u32, u64)
 * HVCB_ARCH_NAME		"arm" or "arm64", as in the stub registry
 * HVCB_ARCH_VEC_ALIGN		alignment a vector table needs (32, 2048)
 * HVCB_ARCH_TRAP_SLOT		offset in a vector table of the slot the
 *				kernel's HVC lands in (0x14; 0x400 on arm64,
 *				synchronous from a lower EL using AArch64)
 * HVCB_ARCH_STUB_OFF		where a stub's blob starts in the page, after
 *				the door (stub/ARCH/switch.S)
 * HVCB_ARCH_STACK_ROOM		bytes kept free for the HYP stack at the top
 *				of the page
 * HVCB_ARCH_PAGE_ORDER		the page's size: PAGE_SIZE << order (arm64's
 *				2 KB-aligned tables need 16 KB)
 * struct hvcb_pmu_state	what hvcb_pmu_claim() saves
 */

struct hvcb_page;

/* ---- the HVC itself (kmod/arch/ARCH/hvc.S) ------------------------- */

/* One HVC: regs[0..3] into r0..r3, and r0..r3 back into regs. */
void hvcb_hvc(hvcb_reg_t regs[4]);
/* The counter's delta around one HVC (barriers on both sides); *r0 as it came back. */
u32 hvcb_hvc_timed(const hvcb_reg_t regs[4], hvcb_reg_t *r0);
/*
 * One HVC to a timed floor table, which returns its own counter reads:
 * out = { read on HYP entry, read before the return, before, after }.
 */
void hvcb_hvc_oneway(const hvcb_reg_t regs[4], u32 out[4]);
/*
 * n (a multiple of 8) HVCs, untimed, for perf stat; the baseline is the
 * same loop without the HVCs.
 */
void hvcb_hvc_loop(const hvcb_reg_t regs[4], u32 n);
void hvcb_hvc_loop_baseline(const hvcb_reg_t regs[4], u32 n);
/* The timed window with nothing in it (the overhead subtracted). */
u32 hvcb_read_pair(void);
/* One counter read after another, no barrier between (entry's overhead). */
u32 hvcb_read_bare(void);

/* ---- the cycle counter (kmod/arch/ARCH/pmu.c) ---------------------- */

/*
 * Borrow the cycle counter for one IRQs-off stretch: enable it, filter so
 * that HYP is counted only when count_hyp, save everything touched in s.
 */
void hvcb_pmu_claim(struct hvcb_pmu_state *s, bool count_hyp);
/* Put back everything hvcb_pmu_claim() changed. */
void hvcb_pmu_release(const struct hvcb_pmu_state *s);

/* ---- the CPU and the kernel's stub (kmod/arch/ARCH/hyp.c) ---------- */

/* The CPU's id register (MIDR, MIDR_EL1), for the results. */
u32 hvcb_arch_cpu_id(void);

/*
 * Is there a HYP to measure: the CPU has it, the kernel booted in it and
 * nothing else (KVM) owns it. Also learns which ABI the resident stub
 * speaks, for hvcb_arch_resident_abi(). No HVC runs unless HYP is there.
 * 0, or -ENODEV with *why set.
 */
int hvcb_arch_hyp_available(const char **why);
/*
 * The resident stub's ABI as found at load: a registry "on=" value ("old"
 * for a <= v4.11 arm stub), or NULL for the usual one.
 */
const char *hvcb_arch_resident_abi(void);
/*
 * What holds HYP/EL2, for the results: "stub" (the kernel's hyp stub),
 * "nvhe" or "protected" (KVM's host vectors, arm64).
 */
const char *hvcb_arch_el2_holder(void);
/* One line for the results: how stubs get installed on this kernel. */
const char *hvcb_arch_install_method(void);
/* The resident stub still speaks the ABI found at load (IRQs off); 0 or -ESTALE. */
int hvcb_arch_resident_check(void);

/*
 * The door in: have the resident stub run stub/ARCH/switch.S in HYP so
 * that HYP takes the page's vector table at physical address table and
 * the stack top sp. The kernel's own VBAR and SP come back in *old_vbar,
 * *old_sp. IRQs off. 0, or -EOPNOTSUPP when the stub has no way in.
 */
int hvcb_arch_install(struct hvcb_page *hp, hvcb_reg_t table, hvcb_reg_t sp,
		      hvcb_reg_t *old_vbar, hvcb_reg_t *old_sp);
/*
 * The door out: one HVC into the installed table, whose trap slot the
 * caller has re-pointed at the switch routine, puts vbar and sp back.
 * Returns the VBAR HYP ran on until then.
 */
hvcb_reg_t hvcb_arch_restore(struct hvcb_page *hp, hvcb_reg_t vbar,
			     hvcb_reg_t sp);
/* Ask the kernel's stub which VBAR it runs on, leaving it in place. */
hvcb_reg_t hvcb_arch_kernel_vbar(struct hvcb_page *hp);

/* ---- code in the page ---------------------------------------------- */

/*
 * The address HYP calls for a call target at physical address pa (arm:
 * the Thumb bit of a Thumb-2 kernel).
 */
hvcb_reg_t hvcb_arch_fn_addr(phys_addr_t pa);
/*
 * Write "branch to target_pa" at slot (physical slot_pa), in the
 * instruction set HYP runs.
 */
void hvcb_arch_put_branch(void *slot, phys_addr_t slot_pa,
			  phys_addr_t target_pa);
/* Make what the kernel wrote to the page what HYP, MMU off, fetches. */
void hvcb_arch_sync_page(void *va, phys_addr_t pa, size_t size);

#endif /* HVCB_ARCH_H */
