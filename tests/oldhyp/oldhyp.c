// SPDX-License-Identifier: GPL-2.0
/*
 * hvcb_oldhyp: test only, never installed.
 *
 * No Debian armhf kernel is old enough (<= v4.11) for its hyp stub to
 * speak the old ABI ("r0 == -1 gets HVBAR, any other r0 sets it"), so this
 * module makes one resident on a v4.12+ kernel, through that kernel's
 * HVC_SOFT_RESTART, and puts the kernel's stub back when it is unloaded.
 * While it is loaded, hvcbench finds an old stub and installs through it.
 *
 * debugfs hvcb_oldhyp/resident says whether HVBAR is the old stub's.
 * One CPU only (HVBAR is per CPU); ARM kernels only.
 */
#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/opcodes-virt.h>
#include <asm/outercache.h>
#include "oldhyp.h"

#define HVC_SOFT_RESTART	1
#define HVC_STUB_ERR		0x0badca11

static void *page_va;
static phys_addr_t page_pa;
static u32 kernel_hvbar;
static struct dentry *dir;

static void hvc(u32 regs[4])
{
	register u32 r0 asm("r0") = regs[0];
	register u32 r1 asm("r1") = regs[1];
	register u32 r2 asm("r2") = regs[2];
	register u32 r3 asm("r3") = regs[3];

	asm volatile(__HVC(0)
		     : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3) : : "memory");
	regs[0] = r0;
	regs[1] = r1;
	regs[2] = r2;
	regs[3] = r3;
}

static u32 pa_of(const u8 *sym)
{
	return (u32)page_pa + (sym - oldhyp_start);
}

/* r0 = -1: the old stub's "get vectors"; a v4.12+ stub's HVC_STUB_ERR. */
static u32 ask_hvbar(void)
{
	u32 regs[4] = { -1 };
	unsigned long flags;

	local_irq_save(flags);
	hvc(regs);
	local_irq_restore(flags);
	return regs[0];
}

static int resident_show(struct seq_file *m, void *v)
{
	u32 now = ask_hvbar();

	seq_printf(m, "%s: HVBAR %#x, old stub at %#x\n",
		   now == pa_of(oldhyp_vectors) ? "old stub" : "not the old stub",
		   now, pa_of(oldhyp_vectors));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(resident);

static int __init oldhyp_init(void)
{
	u32 regs[4];
	unsigned long flags, va;
	struct page *page;

	if (IS_ENABLED(CONFIG_THUMB2_KERNEL) || num_online_cpus() != 1) {
		pr_err("hvcb_oldhyp: needs an ARM kernel on one CPU\n");
		return -ENODEV;
	}
	if (ask_hvbar() != HVC_STUB_ERR) {
		pr_err("hvcb_oldhyp: the resident stub is not a v4.12+ one\n");
		return -ENODEV;
	}
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	if (page_to_phys(page) + PAGE_SIZE > SZ_4G) {
		__free_page(page);
		return -ENOMEM;
	}
	page_va = page_address(page);
	page_pa = page_to_phys(page);
	memcpy(page_va, oldhyp_start, oldhyp_end - oldhyp_start);
	va = (unsigned long)page_va;
	__cpuc_flush_dcache_area(page_va, PAGE_SIZE);
	outer_flush_range(page_pa, page_pa + PAGE_SIZE);
	flush_icache_range(va, va + PAGE_SIZE);

	regs[0] = HVC_SOFT_RESTART;
	regs[1] = pa_of(oldhyp_enter);
	regs[2] = pa_of(oldhyp_vectors);
	regs[3] = 0;
	local_irq_save(flags);
	hvc(regs);
	local_irq_restore(flags);
	kernel_hvbar = regs[0];

	if (ask_hvbar() != pa_of(oldhyp_vectors)) {
		/* HVBAR is not the page's: nothing of it runs, free it. */
		pr_err("hvcb_oldhyp: the old stub did not become resident\n");
		free_page(va);
		return -EIO;
	}
	dir = debugfs_create_dir("hvcb_oldhyp", NULL);
	debugfs_create_file("resident", 0400, dir, NULL, &resident_fops);
	pr_info("hvcb_oldhyp: old stub resident at %#x (the kernel's: %#x)\n",
		pa_of(oldhyp_vectors), kernel_hvbar);
	return 0;
}

static void __exit oldhyp_exit(void)
{
	u32 regs[4] = { kernel_hvbar };
	unsigned long flags;

	debugfs_remove_recursive(dir);
	local_irq_save(flags);
	hvc(regs);			/* the old ABI: set HVBAR = r0 */
	local_irq_restore(flags);
	if (ask_hvbar() != HVC_STUB_ERR) {
		pr_err("hvcb_oldhyp: the kernel's stub does not answer: page kept\n");
		return;
	}
	free_page((unsigned long)page_va);
	pr_info("hvcb_oldhyp: the kernel's stub is back at %#x\n", kernel_hvbar);
}

module_init(oldhyp_init);
module_exit(oldhyp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("test only: an old (<= v4.11) hyp stub made resident");
