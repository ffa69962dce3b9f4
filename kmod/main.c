// SPDX-License-Identifier: GPL-2.0
/*
 * hvcbench: what does each hyp-stub ABI cost per HVC round trip? Loading
 * the module with its defaults measures every stub x op cell on one CPU
 * and logs a table of the smallest samples; debugfs (hvcbench/) drives
 * further runs and hands out every sample.
 */
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/utsname.h>
#include "hvcbench.h"

static char *stubs = "all";
module_param(stubs, charp, 0444);
MODULE_PARM_DESC(stubs, "stubs to measure at load: comma list or \"all\" (default all)");

static char *ops = "all";
module_param(ops, charp, 0444);
MODULE_PARM_DESC(ops, "operations to measure at load: comma list or \"all\" (default all)");

static uint samples = HVCB_DEFAULT_SAMPLES;
module_param(samples, uint, 0444);
MODULE_PARM_DESC(samples, "timed HVCs per cell at load, 1..1000000 (default "
		 __stringify(HVCB_DEFAULT_SAMPLES) ")");

static uint cpu;
module_param(cpu, uint, 0444);
MODULE_PARM_DESC(cpu, "CPU to measure on (default 0)");

static bool run_at_load = true;
module_param(run_at_load, bool, 0444);
MODULE_PARM_DESC(run_at_load, "measure and log a table when loaded (default Y)");

/*
 * The smallest overhead-corrected sample: "12", or "-" when the cell was
 * not measured. The module computes no other statistic (the CLI does,
 * from the samples).
 */
static void cell_text(const struct hvcb_result *res, unsigned int s,
		      unsigned int o, char *buf, size_t len)
{
	unsigned int i;
	u32 j, lo = U32_MAX;

	for (i = 0; i < res->nr_cells; i++) {
		const struct hvcb_cell *c = &res->cells[i];

		if (c->stub != s || c->op != o)
			continue;
		for (j = 0; j < c->n; j++)
			lo = min(lo, c->samples[j] - c->overhead);
		if (c->status || c->bad_r0 || !c->n)
			snprintf(buf, len, "ERR");
		else
			snprintf(buf, len, "%u", lo);
		return;
	}
	snprintf(buf, len, "-");
}

void hvcb_log_table(const struct hvcb_result *res)
{
	char line[160], cell[16];
	unsigned int s, o;
	int n;

	pr_info("hvcbench: %s, MIDR %#010x, cpu %u, %u samples/cell\n",
		init_utsname()->release, res->midr, res->spec.cpu,
		res->spec.samples);
	pr_info("hvcbench: unit %s (%s), window overhead %u subtracted\n",
		hvcb_unit(res), hvcb_counter(res), res->pair);
	pr_info("hvcbench: smallest sample per cell; every statistic: hvcbench run\n");
	n = scnprintf(line, sizeof(line), "%-15s", "min");
	for (o = 0; o < HVCB_NR_OPS; o++)
		n += scnprintf(line + n, sizeof(line) - n, " %11s",
			       hvcb_op_names[o]);
	pr_info("hvcbench: %s\n", line);
	for (s = 0; s < hvcb_nr_stubs; s++) {
		if (!(res->spec.stubs & BIT(s)))
			continue;
		n = scnprintf(line, sizeof(line), "%-15s", hvcb_stubs[s].name);
		for (o = 0; o < HVCB_NR_OPS; o++) {
			cell_text(res, s, o, cell, sizeof(cell));
			n += scnprintf(line + n, sizeof(line) - n, " %11s",
				       (res->spec.ops & BIT(o)) ? cell : "");
		}
		pr_info("hvcbench: %s\n", line);
	}
}

/*
 * Whether the kernel logged a line holding needle since boot (not a
 * warning): how the arch layers tell what the kernel found at HYP or EL2.
 */
bool hvcb_boot_log_has(const char *needle)
{
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

static int __init hvcbench_init(void)
{
	struct hvcb_result *res;
	struct hvcb_spec spec;
	const char *why;
	char buf[HVCB_SPEC_MAX_LEN];
	int ret;

	ret = hvcb_arch_hyp_available(&why);
	if (ret) {
		pr_err("hvcbench: no HYP mode to measure: %s\n", why);
		return ret;
	}
	hvcb_stubs_init(hvcb_arch_resident_abi());
	if (snprintf(buf, sizeof(buf), "stubs=%s ops=%s samples=%u cpu=%u",
		     stubs, ops, samples, cpu) >= sizeof(buf)) {
		pr_err("hvcbench: parameters too long\n");
		return -EINVAL;
	}
	ret = hvcb_spec_parse(buf, strlen(buf), HVCB_SPEC_RUN,
			      &hvcb_stub_names, &hvcb_op_name_list, &spec, &why);
	if (ret) {
		pr_err("hvcbench: bad parameters: %s\n", why);
		return ret;
	}

	if (run_at_load) {
		ret = hvcb_run(&spec, &res);
		if (ret) {
			pr_err("hvcbench: run failed (%d)%s%s\n", ret,
			       res && res->why ? ": " : "",
			       res && res->why ? res->why : "");
			hvcb_result_put(res);
			return ret;
		}
		hvcb_log_table(res);
		hvcb_last = res;
	}

	ret = hvcb_debugfs_init();
	if (ret) {
		hvcb_result_put(hvcb_last);
		hvcb_last = NULL;
	}
	return ret;
}

static void __exit hvcbench_exit(void)
{
	hvcb_debugfs_exit();
	hvcb_result_put(hvcb_last);
}

module_init(hvcbench_init);
module_exit(hvcbench_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("HVC round-trip micro-benchmark of the ARM hyp-stub ABIs");
MODULE_VERSION(HVCB_VERSION);
