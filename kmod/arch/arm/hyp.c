// SPDX-License-Identifier: GPL-2.0
/*
 * 32-bit ARM: the kernel's resident HYP stub, the door through it, and
 * what code in the page needs (cache maintenance, branches, Thumb bit).
 *
 * In: v4.12+ kernels (Debian's 6.1 among them) refuse HVC_SET_VECTORS
 * from the kernel proper but honour HVC_SOFT_RESTART, "branch to r1 in
 * HYP": r1 = hvcb_switch (stub/arm/switch.S), which saves HVBAR and
 * SP_hyp and installs ours. On <= v4.11 kernels (told apart at load time
 * by hvcb_arch_hyp_available()) the old stub's "set HVBAR = r0" points
 * HVBAR at the switching table first, and an HVC through it does the same.
 *
 * Out: an HVC through the installed table, whose trap slot now branches
 * to hvcb_switch, puts the saved HVBAR and SP_hyp back.
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/cputype.h>
#include <asm/opcodes.h>
#include <asm/outercache.h>
#include "../../blobs.h"
#include "../../facts.h"
#include "../../hvcbench.h"

/* What the kernel's own stub speaks, found by hvcb_arch_hyp_available(). */
static bool resident_old;

const char *hvcb_arch_resident_abi(void)
{
	return resident_old ? "old" : NULL;
}

/* KVM is refused at load (hvcb_arch_hyp_available): the stub holds HYP. */
const char *hvcb_arch_el2_holder(void)
{
	return "stub";
}

const char *hvcb_arch_install_method(void)
{
	if (!resident_old)
		return "HVC_SOFT_RESTART to a switch routine (v4.12+ stub)";
	return "old stub set-vectors to a switch table (<= v4.11 stub)";
}

u32 hvcb_arch_cpu_id(void)
{
	return read_cpuid_id();
}

/*
 * r0 = -1 is "get vectors" to a <= v4.11 stub and an unknown call
 * (HVC_STUB_ERR) to a v4.12+ one; harmless to both.
 */
static bool probe_resident_old(void)
{
	hvcb_reg_t regs[4] = { -1 };

	hvcb_hvc(regs);
	return regs[0] != HVCB_STUB_ERR;
}

/*
 * HYP is there when the CPU implements it (ID_PFR1.Virtualization) and the
 * kernel itself found every CPU entered in HYP mode. Nothing here executes
 * an HVC before that: without HYP, it would be an undefined instruction.
 */
int hvcb_arch_hyp_available(const char **why)
{
	u32 pfr1;

	asm("mrc p15, 0, %0, c0, c1, 1" : "=r" (pfr1));	/* ID_PFR1 */
	if (!((pfr1 >> 12) & 0xf)) {
		*why = "the CPU has no virtualization extensions (ID_PFR1)";
		return -ENODEV;
	}
	/* 32-bit KVM (gone in v5.7) may own HYP: its vectors, its rules. */
	if (IS_ENABLED(CONFIG_KVM)) {
		*why = "KVM may own HYP on this kernel";
		return -ENODEV;
	}
	/*
	 * The kernel's verdict on HYP (__boot_cpu_mode) is not exported to
	 * modules; the line hyp_mode_check() logs at boot is.
	 */
	if (!hvcb_boot_log_has("started in HYP mode")) {
		*why = "the kernel's log does not say it started in HYP mode";
		return -ENODEV;
	}
	resident_old = probe_resident_old();
	return 0;
}

/*
 * The resident stub must still speak the ABI found at load time: the way
 * in and the recipes of the resident stub were chosen by it. IRQs off.
 */
int hvcb_arch_resident_check(void)
{
	if (probe_resident_old() != resident_old) {
		pr_warn("hvcbench: the kernel's stub changed ABI since load; reload hvcbench\n");
		return -ESTALE;
	}
	return 0;
}

hvcb_reg_t hvcb_arch_fn_addr(phys_addr_t pa)
{
	return (u32)pa | (IS_ENABLED(CONFIG_THUMB2_KERNEL) ? 1 : 0);
}

/* Call hvcb_switch: r2 = new HVBAR, r3 = new SP_hyp; r0/r1 = old ones. */
static void door(struct hvcb_page *hp, bool via_restart, u32 hvbar, u32 sp,
		 hvcb_reg_t regs[4])
{
	regs[0] = via_restart ? HVCB_HVC_SOFT_RESTART : 0;
	regs[1] = via_restart ? hvcb_arch_fn_addr(hvcb_pa(hp, hvcb_switch)) : 0;
	regs[2] = hvbar;
	regs[3] = sp;
	hvcb_hvc(regs);
}

int hvcb_arch_install(struct hvcb_page *hp, hvcb_reg_t table, hvcb_reg_t sp,
		      hvcb_reg_t *old_vbar, hvcb_reg_t *old_sp)
{
	hvcb_reg_t regs[4], saved;

	if (!resident_old) {
		door(hp, true, table, sp, regs);
		if (regs[0] == HVCB_STUB_ERR)	/* no SOFT_RESTART here */
			return -EOPNOTSUPP;
	} else {
		regs[0] = -1;			/* old ABI: get vectors */
		hvcb_hvc(regs);
		saved = regs[0];
		regs[0] = hvcb_pa(hp, hvcb_common_vectors);
		hvcb_hvc(regs);			/* old ABI: set vectors */
		door(hp, false, table, sp, regs);
		regs[0] = saved;
	}
	*old_vbar = regs[0];
	*old_sp = regs[1];
	return 0;
}

hvcb_reg_t hvcb_arch_restore(struct hvcb_page *hp, hvcb_reg_t vbar,
			     hvcb_reg_t sp)
{
	hvcb_reg_t regs[4];

	door(hp, false, vbar, sp, regs);
	return regs[0];
}

hvcb_reg_t hvcb_arch_kernel_vbar(struct hvcb_page *hp)
{
	hvcb_reg_t regs[4];

	if (!resident_old) {
		/* Switch to the saved HVBAR and SP_hyp: no change, the old one back. */
		door(hp, true, hp->saved_vbar, hp->saved_sp, regs);
		return regs[0];
	}
	regs[0] = -1;
	hvcb_hvc(regs);
	return regs[0];
}

void hvcb_arch_put_branch(void *slot, phys_addr_t slot_pa,
			  phys_addr_t target_pa)
{
	s32 off;

	if (IS_ENABLED(CONFIG_THUMB2_KERNEL)) {
		u32 s, j1, j2;
		u16 *insn = slot;

		off = (s32)(target_pa - (slot_pa + 4));
		s = (off >> 24) & 1;
		j1 = (~((off >> 23) & 1) ^ s) & 1;
		j2 = (~((off >> 22) & 1) ^ s) & 1;
		insn[0] = __opcode_to_mem_thumb16(0xf000 | (s << 10) |
						  ((off >> 12) & 0x3ff));
		insn[1] = __opcode_to_mem_thumb16(0x9000 | (j1 << 13) |
						  (j2 << 11) | ((off >> 1) & 0x7ff));
	} else {
		off = (s32)(target_pa - (slot_pa + 8));
		*(u32 *)slot = __opcode_to_mem_arm(0xea000000 |
						   ((off >> 2) & 0x00ffffff));
	}
}

void hvcb_arch_sync_page(void *va, phys_addr_t pa, size_t size)
{
	unsigned long start = (unsigned long)va;

	__cpuc_flush_dcache_area(va, size);	/* to the PoC */
	outer_flush_range(pa, pa + size);
	flush_icache_range(start, start + size);
}
