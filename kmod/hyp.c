// SPDX-License-Identifier: GPL-2.0
/*
 * Putting a stub in HYP and taking it out again.
 *
 * The stub goes into one page, HYP runs it with its MMU off:
 *
 *   0x000  stub/switch.S (the door, a switching vector table, an ERET)
 *   0x100  the stub's blob (vector tables 32-byte aligned)
 *   ....   HYP stack, growing down from the end of the page
 *
 * In: v4.12+ kernels (Debian's 6.1 among them) refuse HVC_SET_VECTORS
 * from the kernel proper but honour HVC_SOFT_RESTART, "branch to r1 in
 * HYP": r1 = hvcb_switch, which saves HVBAR and SP_hyp and installs ours.
 * On <= v4.11 kernels (told apart at load time by hvcb_hyp_available())
 * the old stub's "set HVBAR = r0" points HVBAR at the switching table
 * first, and an HVC through it does the same.
 *
 * Out: the installed table's Hyp trap slot is re-pointed at hvcb_switch
 * (whatever the stub's ABI, the floor's included), and one HVC puts the
 * saved HVBAR and SP_hyp back. Then the kernel's stub is asked, through
 * the same door, which HVBAR it runs on: it must be the saved one. A page
 * that HVBAR may still point to is never freed.
 *
 * All of it runs on one CPU with IRQs off, from install to remove.
 */
#include <linux/errno.h>
#include <linux/cpu.h>
#include <linux/gfp.h>
#include <linux/kmsg_dump.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <asm/cacheflush.h>
#include <asm/cputype.h>
#include <asm/opcodes.h>
#include <asm/outercache.h>
#include "blobs.h"
#include "hvcbench.h"

#define STUB_OFF	0x100
#define PAGE_STACK_TOP	PAGE_SIZE
#define PAGE_STACK_ROOM	0x200
#define TRAP_SLOT	0x14
#define HVC_SOFT_RESTART 1

bool hvcb_inject_remove_fault;
module_param_named(inject_remove_fault, hvcb_inject_remove_fault, bool, 0600);
MODULE_PARM_DESC(inject_remove_fault,
		 "test only: make the check after taking a stub out fail once (default N)");

/* What the kernel's own stub speaks, found by hvcb_hyp_available(). */
static bool resident_old;

bool hvcb_resident_is_old(void)
{
	return resident_old;
}

const char *hvcb_install_method(void)
{
	if (!resident_old)
		return "HVC_SOFT_RESTART to a switch routine (v4.12+ stub)";
	return "old stub set-vectors to a switch table (<= v4.11 stub)";
}

/*
 * HYP is there when the CPU implements it (ID_PFR1.Virtualization) and the
 * kernel itself found every CPU entered in HYP mode. The kernel's verdict
 * (__boot_cpu_mode) is not exported to modules; the line hyp_mode_check()
 * logs at boot is. Nothing here executes an HVC: without HYP, it would be
 * an undefined instruction.
 */
static bool boot_log_says_hyp(void)
{
	static const char needle[] = "started in HYP mode";
	struct kmsg_dump_iter iter;
	char line[256];
	size_t len;

	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, sizeof(line) - 1, &len)) {
		line[len] = '\0';
		if (strstr(line, needle) && !strstr(line, "WARNING"))
			return true;
	}
	return false;
}

int hvcb_hyp_available(const char **why)
{
	u32 pfr1, regs[4] = { -1 };

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
	if (!boot_log_says_hyp()) {
		*why = "the kernel's log does not say it started in HYP mode";
		return -ENODEV;
	}
	/*
	 * Which ABI the kernel's stub speaks: r0 = -1 is "get vectors" to a
	 * <= v4.11 stub and an unknown call (HVC_STUB_ERR) to a v4.12+ one;
	 * harmless to both.
	 */
	hvcb_hvc(regs);
	resident_old = regs[0] != 0x0badca11;
	return 0;
}

static u32 thumb_bit(void)
{
	return IS_ENABLED(CONFIG_THUMB2_KERNEL) ? 1 : 0;
}

static bool in_blob(const u8 *sym, const u8 *start, const u8 *end)
{
	return start && sym >= start && sym < end;
}

static u32 page_offset_of(const struct hvcb_page *hp, const u8 *sym)
{
	if (in_blob(sym, hvcb_common_start, hvcb_common_end))
		return sym - hvcb_common_start;
	if (hp->stub && in_blob(sym, hp->stub->start, hp->stub->end))
		return STUB_OFF + (sym - hp->stub->start);
	WARN_ONCE(1, "hvcbench: symbol outside the loaded blobs\n");
	return 0;
}

/* The physical address HYP sees for a label of a loaded blob. */
u32 hvcb_pa(const struct hvcb_page *hp, const u8 *sym)
{
	return (u32)hp->pa + page_offset_of(hp, sym);
}

void hvcb_recipe_regs(const struct hvcb_page *hp, const struct hvcb_recipe *r,
		      u32 regs[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		switch (r->reg[i]) {
		case HVCB_R_VEC:
			regs[i] = hvcb_pa(hp, hp->vectors);
			break;
		case HVCB_R_FN:
			regs[i] = hvcb_pa(hp, r->fn) | thumb_bit();
			break;
		default:
			regs[i] = r->imm[i];
		}
	}
}

/* Make what the kernel wrote to the page what HYP, MMU off, will fetch. */
static void sync_page(struct hvcb_page *hp)
{
	unsigned long va = (unsigned long)hp->va;

	__cpuc_flush_dcache_area(hp->va, PAGE_SIZE);	/* to the PoC */
	outer_flush_range(hp->pa, hp->pa + PAGE_SIZE);
	flush_icache_range(va, va + PAGE_SIZE);
}

int hvcb_page_alloc(struct hvcb_page *hp)
{
	struct page *page = alloc_page(GFP_KERNEL);

	memset(hp, 0, sizeof(*hp));
	if (!page)
		return -ENOMEM;
	if (page_to_phys(page) + PAGE_SIZE > SZ_4G) {
		__free_page(page);
		return -ENOMEM;
	}
	hp->va = page_address(page);
	hp->pa = page_to_phys(page);
	return 0;
}

/*
 * A page that HVBAR may still point to, after a removal that could not be
 * verified: kept, with its trap slot still at the door, and the module
 * pinned, until the kernel's stub answers for that CPU again.
 */
static struct hvcb_page doubt;

void hvcb_page_free(struct hvcb_page *hp)
{
	if (!hp->va)
		return;
	if (hp->installed || hp->leaked) {
		pr_err("hvcbench: HVBAR of cpu %d may still point at %pa: page kept, module pinned\n",
		       hp->cpu, &hp->pa);
		if (!doubt.va) {
			doubt = *hp;
			__module_get(THIS_MODULE);
		}
		hp->va = NULL;
		return;
	}
	free_page((unsigned long)hp->va);
	hp->va = NULL;
}

/* Copy the door and a stub (or only the door, stub == NULL) in. */
int hvcb_page_load(struct hvcb_page *hp, const struct hvcb_stub *stub)
{
	size_t common = hvcb_common_end - hvcb_common_start;
	size_t blob = stub && stub->start ? stub->end - stub->start : 0;

	if (hp->installed)
		return -EBUSY;
	if (common > STUB_OFF || STUB_OFF + blob > PAGE_STACK_TOP - PAGE_STACK_ROOM)
		return -E2BIG;
	memset(hp->va, 0, PAGE_SIZE);
	memcpy(hp->va, hvcb_common_start, common);
	if (blob)
		memcpy(hp->va + STUB_OFF, stub->start, blob);
	hp->stub = blob ? stub : NULL;
	sync_page(hp);
	return 0;
}

/* A "b target" at slot, in the kernel's instruction set. */
static void put_branch(void *slot, u32 slot_pa, u32 target_pa)
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

/* Call hvcb_switch: r2 = new HVBAR, r3 = new SP_hyp; r0/r1 = old ones. */
static void door(struct hvcb_page *hp, u32 via_restart, u32 hvbar, u32 sp,
		 u32 regs[4])
{
	regs[0] = via_restart ? HVC_SOFT_RESTART : 0;
	regs[1] = via_restart ? hvcb_pa(hp, hvcb_switch) | thumb_bit() : 0;
	regs[2] = hvbar;
	regs[3] = sp;
	hvcb_hvc(regs);
}

/*
 * The resident stub must still speak the ABI found at load time: the way
 * in and the recipes of `resident` were chosen by it. r0 = -1 is harmless
 * to both kinds. IRQs off.
 */
int hvcb_resident_check(void)
{
	u32 regs[4] = { -1 };
	bool old_now;

	hvcb_hvc(regs);
	old_now = regs[0] != 0x0badca11;
	if (old_now != resident_old) {
		pr_warn("hvcbench: the kernel's stub changed ABI since load; reload hvcbench\n");
		return -ESTALE;
	}
	return 0;
}

/* Install a table of the loaded page. IRQs must be off until removal. */
int hvcb_install(struct hvcb_page *hp, const u8 *vectors)
{
	u32 regs[4];
	u32 table, stack = (u32)hp->pa + PAGE_STACK_TOP;

	lockdep_assert_irqs_disabled();
	if (hp->installed || hp->leaked)
		return -EBUSY;
	if (hvcb_resident_check())
		return -ESTALE;
	hp->vectors = vectors;
	table = hvcb_pa(hp, vectors);

	if (!resident_old) {
		door(hp, 1, table, stack, regs);
		if (regs[0] == 0x0badca11)	/* no SOFT_RESTART here */
			return -EOPNOTSUPP;
	} else {
		regs[0] = -1;			/* old ABI: get vectors */
		hvcb_hvc(regs);
		hp->saved_hvbar = regs[0];
		regs[0] = hvcb_pa(hp, hvcb_common_vectors);
		hvcb_hvc(regs);			/* old ABI: set vectors */
		door(hp, 0, table, stack, regs);
		regs[0] = hp->saved_hvbar;
	}
	hp->saved_hvbar = regs[0];
	hp->saved_sp = regs[1];
	hp->installed = true;
	return 0;
}

/* Ask the kernel's stub which HVBAR it runs on, leaving it in place. */
static u32 kernel_hvbar(struct hvcb_page *hp)
{
	u32 regs[4];

	if (!resident_old) {
		door(hp, 1, hp->saved_hvbar, hp->saved_sp, regs);
		return regs[0];
	}
	regs[0] = -1;
	hvcb_hvc(regs);
	return regs[0];
}

/* Put the kernel's vectors back; check that they are. IRQs still off. */
int hvcb_remove(struct hvcb_page *hp)
{
	u32 regs[4], slot_pa, now;
	void *slot;

	lockdep_assert_irqs_disabled();
	if (!hp->installed)
		return 0;

	slot = hp->va + page_offset_of(hp, hp->vectors) + TRAP_SLOT;
	slot_pa = hvcb_pa(hp, hp->vectors) + TRAP_SLOT;
	put_branch(slot, slot_pa, hvcb_pa(hp, hvcb_switch));
	sync_page(hp);

	door(hp, 0, hp->saved_hvbar, hp->saved_sp, regs);
	if (regs[0] != hvcb_pa(hp, hp->vectors))
		pr_warn("hvcbench: HVBAR was %#x, not our %#x, at removal\n",
			regs[0], hvcb_pa(hp, hp->vectors));

	/*
	 * Check with the slot still pointing at the door: if HVBAR were still
	 * ours, this HVC would land there and put the saved one back too.
	 */
	now = kernel_hvbar(hp);
	if (hvcb_inject_remove_fault) {
		hvcb_inject_remove_fault = false;
		now = ~hp->saved_hvbar;
	}
	if (now != hp->saved_hvbar) {
		/* Keep the page, door and all: HYP may still run from it. */
		hp->leaked = true;
		hp->cpu = smp_processor_id();
		hp->installed = false;
		pr_err("hvcbench: HVBAR is %#x after removal, expected %#x\n",
		       now, hp->saved_hvbar);
		return -EIO;
	}
	/* The page is as loaded again, ready for the next install. */
	memcpy(slot, hp->vectors + TRAP_SLOT, 4);
	sync_page(hp);
	hp->installed = false;
	return 0;
}

static long recheck_on_cpu(void *arg)
{
	unsigned long flags;
	u32 now;

	local_irq_save(flags);
	now = kernel_hvbar(&doubt);
	local_irq_restore(flags);
	return now == doubt.saved_hvbar ? 0 : -EIO;
}

/*
 * Before anything else runs: if a page is kept in doubt, ask its CPU's
 * kernel stub again; only a verified answer frees it. Caller holds
 * hvcb_lock and the CPU hotplug lock.
 */
int hvcb_doubt_resolve(void)
{
	long ret;

	if (!doubt.va)
		return 0;
	if (!cpu_online(doubt.cpu))
		return -EIO;
	ret = work_on_cpu(doubt.cpu, recheck_on_cpu, NULL);
	if (ret)
		return ret;
	pr_info("hvcbench: cpu %d runs on the kernel's vectors again: page freed\n",
		doubt.cpu);
	free_page((unsigned long)doubt.va);
	memset(&doubt, 0, sizeof(doubt));
	module_put(THIS_MODULE);
	return 0;
}
