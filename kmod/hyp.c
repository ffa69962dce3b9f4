// SPDX-License-Identifier: GPL-2.0
/*
 * Putting a stub in HYP and taking it out again.
 *
 * The stub goes into one page, HYP runs it with its MMU off:
 *
 *   0x000            stub/ARCH/switch.S (the door, a switching vector
 *                    table, an ERET)
 *   ARCH_STUB_OFF    the stub's blob (vector tables aligned)
 *   ....             HYP stack, growing down from the end of the page
 *
 * In: the architecture's door (kmod/arch/ARCH/hyp.c) has the kernel's
 * resident stub run the switch routine, which saves VBAR and SP and
 * installs ours.
 *
 * Out: the installed table's trap slot is re-pointed at hvcb_switch
 * (whatever the stub's ABI, the floor's included), and one HVC puts the
 * saved VBAR and SP back. Then the kernel's stub is asked, through the
 * same door, which VBAR it runs on: it must be the saved one. A page that
 * VBAR may still point to is never freed.
 *
 * All of it runs on one CPU with IRQs off, from install to remove.
 */
#include <linux/errno.h>
#include <linux/cpu.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include "blobs.h"
#include "hvcbench.h"

#define STUB_OFF	HVCB_ARCH_STUB_OFF
#define HVCB_PAGE_BYTES	(PAGE_SIZE << HVCB_ARCH_PAGE_ORDER)
#define PAGE_STACK_TOP	HVCB_PAGE_BYTES
#define PAGE_STACK_ROOM	HVCB_ARCH_STACK_ROOM
#define TRAP_SLOT	HVCB_ARCH_TRAP_SLOT

bool hvcb_inject_remove_fault;
module_param_named(inject_remove_fault, hvcb_inject_remove_fault, bool, 0600);
MODULE_PARM_DESC(inject_remove_fault,
		 "test only: make the check after taking a stub out fail once (default N)");

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
hvcb_reg_t hvcb_pa(const struct hvcb_page *hp, const u8 *sym)
{
	return (hvcb_reg_t)hp->pa + page_offset_of(hp, sym);
}

void hvcb_recipe_regs(const struct hvcb_page *hp, const struct hvcb_recipe *r,
		      hvcb_reg_t regs[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		switch (r->reg[i]) {
		case HVCB_R_VEC:
			regs[i] = hvcb_pa(hp, hp->vectors);
			break;
		case HVCB_R_FN:
			regs[i] = hvcb_arch_fn_addr(hvcb_pa(hp, r->fn));
			break;
		default:
			regs[i] = r->imm[i];
		}
	}
}

static void sync_page(struct hvcb_page *hp)
{
	hvcb_arch_sync_page(hp->va, hp->pa, HVCB_PAGE_BYTES);
}

int hvcb_page_alloc(struct hvcb_page *hp)
{
	struct page *page = alloc_pages(GFP_KERNEL, HVCB_ARCH_PAGE_ORDER);

	memset(hp, 0, sizeof(*hp));
	if (!page)
		return -ENOMEM;
	if (page_to_phys(page) + HVCB_PAGE_BYTES > SZ_4G) {
		__free_pages(page, HVCB_ARCH_PAGE_ORDER);
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
	free_pages((unsigned long)hp->va, HVCB_ARCH_PAGE_ORDER);
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
	memset(hp->va, 0, HVCB_PAGE_BYTES);
	memcpy(hp->va, hvcb_common_start, common);
	if (blob)
		memcpy(hp->va + STUB_OFF, stub->start, blob);
	hp->stub = blob ? stub : NULL;
	sync_page(hp);
	return 0;
}

/* Install a table of the loaded page. IRQs must be off until removal. */
int hvcb_install(struct hvcb_page *hp, const u8 *vectors)
{
	hvcb_reg_t stack = (hvcb_reg_t)hp->pa + PAGE_STACK_TOP;
	int ret;

	lockdep_assert_irqs_disabled();
	if (hp->installed || hp->leaked)
		return -EBUSY;
	if (hvcb_arch_resident_check())
		return -ESTALE;
	hp->vectors = vectors;
	ret = hvcb_arch_install(hp, hvcb_pa(hp, vectors), stack,
				&hp->saved_vbar, &hp->saved_sp);
	if (ret)
		return ret;
	hp->installed = true;
	return 0;
}

/* Put the kernel's vectors back; check that they are. IRQs still off. */
int hvcb_remove(struct hvcb_page *hp)
{
	hvcb_reg_t was, now;
	phys_addr_t slot_pa;
	void *slot;

	lockdep_assert_irqs_disabled();
	if (!hp->installed)
		return 0;

	slot = hp->va + page_offset_of(hp, hp->vectors) + TRAP_SLOT;
	slot_pa = (phys_addr_t)hvcb_pa(hp, hp->vectors) + TRAP_SLOT;
	hvcb_arch_put_branch(slot, slot_pa, hvcb_pa(hp, hvcb_switch));
	sync_page(hp);

	was = hvcb_arch_restore(hp, hp->saved_vbar, hp->saved_sp);
	if (was != hvcb_pa(hp, hp->vectors))
		pr_warn("hvcbench: HVBAR was %#lx, not our %#lx, at removal\n",
			(unsigned long)was,
			(unsigned long)hvcb_pa(hp, hp->vectors));

	/*
	 * Check with the slot still pointing at the door: if HVBAR were still
	 * ours, this HVC would land there and put the saved one back too.
	 */
	now = hvcb_arch_kernel_vbar(hp);
	if (hvcb_inject_remove_fault) {
		hvcb_inject_remove_fault = false;
		now = ~hp->saved_vbar;
	}
	if (now != hp->saved_vbar) {
		/* Keep the page, door and all: HYP may still run from it. */
		hp->leaked = true;
		hp->cpu = smp_processor_id();
		hp->installed = false;
		pr_err("hvcbench: HVBAR is %#lx after removal, expected %#lx\n",
		       (unsigned long)now, (unsigned long)hp->saved_vbar);
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
	hvcb_reg_t now;

	local_irq_save(flags);
	now = hvcb_arch_kernel_vbar(&doubt);
	local_irq_restore(flags);
	return now == doubt.saved_vbar ? 0 : -EIO;
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
	free_pages((unsigned long)doubt.va, HVCB_ARCH_PAGE_ORDER);
	memset(&doubt, 0, sizeof(doubt));
	module_put(THIS_MODULE);
	return 0;
}
