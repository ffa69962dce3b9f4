// SPDX-License-Identifier: GPL-2.0
/*
 * arm64: what holds EL2, the door through the kernel's resident hyp stub,
 * and what code in the page needs (cache maintenance, branches).
 *
 * What holds EL2 is found at load time, from the kernel's own boot log
 * and one harmless HVC (x0 = 0xffff, a number no ABI gives a meaning):
 *   - the kernel itself (VHE: CurrentEL is EL2): no HVC to measure;
 *   - the hyp stub (kvm-arm.mode=none, or nVHE KVM while no VM exists):
 *     it answers HVC_STUB_ERR; stubs can be installed;
 *   - nVHE KVM's host vectors (while a VM exists) or pKVM's: they answer
 *     SMCCC_RET_NOT_SUPPORTED (-1); only the resident cells are measured,
 *     nothing is installed (KVM owns EL2).
 *
 * In: hvcb_stack (stub/arm64/switch.S), reached through the stub's
 * HVC_SOFT_RESTART, sets SP_EL2 and returns the VBAR_EL2 and SP_EL2 it
 * found: the kernel's table comes from EL2 itself, never from a symbol or
 * from user space. Then the stub's own HVC_SET_VECTORS installs the table.
 *
 * Out: an HVC through the installed table, whose trap slot now branches to
 * hvcb_switch, puts the saved VBAR_EL2 and SP_EL2 back; hvcb_peek, through
 * the stub's SOFT_RESTART, says which table EL2 runs on afterwards.
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/cputype.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include "../../blobs.h"
#include "../../facts.h"
#include "../../hvcbench.h"

/* stub/arm64/switch.S, besides hvcb_switch and hvcb_eret */
extern const u8 hvcb_stack[], hvcb_peek[];

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1
#define PROBE_CALL		0xffff		/* no ABI's number */
#define SMCCC_NOT_SUPPORTED	((hvcb_reg_t)-1)

enum el2_holder { EL2_STUB, EL2_NVHE, EL2_PROTECTED };

static enum el2_holder holder;

static const char *const holder_abi[] = {
	[EL2_STUB] = NULL,
	[EL2_NVHE] = "nvhe",
	[EL2_PROTECTED] = "protected",
};

const char *hvcb_arch_resident_abi(void)
{
	return holder_abi[holder];
}

/* What holds EL2, for the results: stub, nvhe or protected. */
const char *hvcb_arch_el2_holder(void)
{
	return holder_abi[holder] ?: "stub";
}

const char *hvcb_arch_install_method(void)
{
	switch (holder) {
	case EL2_STUB:
		return "HVC_SOFT_RESTART to a stack routine, then the stub's HVC_SET_VECTORS";
	case EL2_NVHE:
		return "none: nVHE KVM holds EL2 (a VM exists); resident cells only";
	default:
		return "none: protected KVM holds EL2; resident cells only";
	}
}

u32 hvcb_arch_cpu_id(void)
{
	return read_cpuid_id();
}

/* Who answers an HVC now: the stub, or KVM (-1). */
static int probe(enum el2_holder *h)
{
	hvcb_reg_t regs[4] = { PROBE_CALL };

	hvcb_hvc(regs);
	if (regs[0] == HVCB_STUB_ERR) {
		*h = EL2_STUB;
		return 0;
	}
	if (regs[0] != SMCCC_NOT_SUPPORTED)
		return -ENODEV;
	*h = hvcb_boot_log_has("Protected nVHE mode initialized") ?
		EL2_PROTECTED : EL2_NVHE;
	return 0;
}

/*
 * EL2 is there to measure when the CPU implements it, the kernel found
 * every CPU entered at EL2 (its verdict, __boot_cpu_mode, is not exported
 * to modules; the line it logs is), and the kernel does not run at EL2
 * itself. Nothing here executes an HVC before that: without EL2 it would
 * be an undefined instruction.
 */
int hvcb_arch_hyp_available(const char **why)
{
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1);

	if (is_kernel_in_hyp_mode()) {
		*why = "the kernel runs at EL2 (VHE): there is no HVC to measure; "
		       "boot it nVHE (kvm-arm.mode=nvhe, or id_aa64mmfr1.vh=0)";
		return -ENODEV;
	}
	if (!((pfr0 >> 8) & 0xf)) {
		*why = "the CPU has no EL2 (ID_AA64PFR0_EL1.EL2)";
		return -ENODEV;
	}
	if (!hvcb_boot_log_has("started at EL2")) {
		*why = "the kernel's log does not say every CPU started at EL2";
		return -ENODEV;
	}
	if (probe(&holder)) {
		*why = "EL2 answers neither as the hyp stub nor as KVM";
		return -ENODEV;
	}
	return 0;
}

/* The same holder as at load time (a VM came or went: reload). IRQs off. */
int hvcb_arch_resident_check(void)
{
	enum el2_holder now;

	if (probe(&now) || now != holder) {
		pr_warn("hvcbench: what holds EL2 changed since load (a VM came or went?); reload hvcbench\n");
		return -ESTALE;
	}
	return 0;
}

hvcb_reg_t hvcb_arch_fn_addr(phys_addr_t pa)
{
	return pa;
}

int hvcb_arch_install(struct hvcb_page *hp, hvcb_reg_t table, hvcb_reg_t sp,
		      hvcb_reg_t *old_vbar, hvcb_reg_t *old_sp)
{
	hvcb_reg_t regs[4];

	if (holder != EL2_STUB)
		return -EOPNOTSUPP;
	regs[0] = HVC_SOFT_RESTART;
	regs[1] = hvcb_pa(hp, hvcb_stack);
	regs[2] = sp;
	regs[3] = 0;
	hvcb_hvc(regs);
	if (regs[0] == HVCB_STUB_ERR)		/* no SOFT_RESTART here */
		return -EOPNOTSUPP;
	*old_vbar = regs[0];
	*old_sp = regs[1];

	regs[0] = HVC_SET_VECTORS;
	regs[1] = table;
	regs[2] = 0;
	regs[3] = 0;
	hvcb_hvc(regs);
	if (regs[0] != 0) {
		/* Refused: SP_EL2 back as it was; VBAR_EL2 never changed. */
		regs[0] = HVC_SOFT_RESTART;
		regs[1] = hvcb_pa(hp, hvcb_stack);
		regs[2] = *old_sp;
		hvcb_hvc(regs);
		return -EOPNOTSUPP;
	}
	return 0;
}

hvcb_reg_t hvcb_arch_restore(struct hvcb_page *hp, hvcb_reg_t vbar,
			     hvcb_reg_t sp)
{
	hvcb_reg_t regs[4] = { vbar, sp };

	hvcb_hvc(regs);
	return regs[0];
}

hvcb_reg_t hvcb_arch_kernel_vbar(struct hvcb_page *hp)
{
	hvcb_reg_t regs[4] = { HVC_SOFT_RESTART, hvcb_pa(hp, hvcb_peek) };

	hvcb_hvc(regs);
	return regs[0];
}

void hvcb_arch_put_branch(void *slot, phys_addr_t slot_pa,
			  phys_addr_t target_pa)
{
	s64 off = (s64)target_pa - (s64)slot_pa;

	*(__le32 *)slot = cpu_to_le32(0x14000000 | ((off >> 2) & 0x03ffffff));
}

/*
 * EL2 runs with its MMU off: it fetches and reads what is in memory, not
 * in the kernel's caches. Clean and invalidate the page to the point of
 * coherency (the kernel's dcache_clean_inval_poc is not exported to
 * modules), then the instruction caches.
 */
void hvcb_arch_sync_page(void *va, phys_addr_t pa, size_t size)
{
	unsigned long line = 4UL << (read_sysreg(ctr_el0) >> 16 & 0xf);
	unsigned long start = (unsigned long)va, end = start + size, p;

	for (p = start & ~(line - 1); p < end; p += line)
		asm volatile("dc civac, %0" : : "r" (p) : "memory");
	dsb(sy);
	caches_clean_inval_pou(start, end);
}
