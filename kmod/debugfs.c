// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/hvcbench/, root only:
 *
 *   run      w: a run spec ("stubs=old,new ops=all samples=1000 cpu=0");
 *               the write returns when the run is over; reading the same
 *               open file then gives that run's samples (format below),
 *               whatever other writers did meanwhile.
 *   status   r: how the last run ended.
 *   loop     w: "stub=old op=get_vectors n=1000000 [baseline=1]": n HVCs
 *               in the writer's own context, untimed (for perf stat).
 *   samples  r: every sample of the last run, overhead-corrected.
 *   info     r: kernel, CPU, install method, counter unit, overheads.
 *
 * Writes are parsed strictly (spec.c); a bad one is -EINVAL and changes
 * nothing. Runs and loops are serialized: a second writer waits for the
 * first. Readers of samples and info get the last result as it was when
 * they opened the file. The module hands out samples only: every
 * statistic is the CLI's.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include "hvcbench.h"

static struct dentry *dir;
static char last_status[128] = "no run yet\n";

static ssize_t get_spec(const char __user *ubuf, size_t count, char *buf)
{
	if (!count || count > HVCB_SPEC_MAX_LEN)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	return count;
}

static ssize_t loop_write(struct file *file, const char __user *ubuf,
			  size_t count, loff_t *ppos)
{
	char buf[HVCB_SPEC_MAX_LEN];
	struct hvcb_spec spec;
	ssize_t len = get_spec(ubuf, count, buf);
	int ret;

	if (len < 0)
		return len;
	ret = hvcb_spec_parse(buf, len, HVCB_SPEC_LOOP, &hvcb_stub_names,
			      &hvcb_op_name_list, &spec, NULL);
	if (ret)
		return ret;
	if (mutex_lock_interruptible(&hvcb_lock))
		return -EINTR;
	ret = hvcb_loop(&spec);
	mutex_unlock(&hvcb_lock);
	return ret ? ret : count;
}

static const struct file_operations loop_fops = {
	.owner = THIS_MODULE,
	.write = loop_write,
	.llseek = noop_llseek,
};

/* Readers hold a reference to the result they opened. */
static struct hvcb_result *get_last(void)
{
	struct hvcb_result *res;

	if (mutex_lock_interruptible(&hvcb_lock))
		return NULL;
	res = hvcb_last;
	if (res)
		kref_get(&res->ref);
	mutex_unlock(&hvcb_lock);
	return res;
}

static int last_release(struct inode *inode, struct file *file)
{
	hvcb_result_put(((struct seq_file *)file->private_data)->private);
	return single_release(inode, file);
}

/*
 * samples: for each cell a line "@ stub op n overhead", then n lines of
 * one overhead-corrected value each (raw = value + overhead). Position
 * pos is (cell, idx), idx 0 being the cell's header line.
 */
struct samples_iter {
	struct hvcb_result *res;
	unsigned int cell;
	u32 idx;
};

static void *samples_at(struct seq_file *m, loff_t pos)
{
	struct samples_iter *it = m->private;
	unsigned int i;

	for (i = 0; it->res && i < it->res->nr_cells; i++) {
		loff_t span = (loff_t)it->res->cells[i].n + 1;

		if (pos < span) {
			it->cell = i;
			it->idx = (u32)pos;
			return it;
		}
		pos -= span;
	}
	return NULL;
}

static void *samples_start(struct seq_file *m, loff_t *pos)
{
	return samples_at(m, *pos);
}

static void *samples_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return samples_at(m, *pos);
}

static void samples_stop(struct seq_file *m, void *v)
{
}

static int samples_show(struct seq_file *m, void *v)
{
	struct samples_iter *it = v;
	const struct hvcb_cell *c = &it->res->cells[it->cell];

	if (!it->idx)
		seq_printf(m, "@ %s %s %u %u\n", hvcb_stubs[c->stub].name,
			   hvcb_op_names[c->op], c->n, c->overhead);
	else
		seq_printf(m, "%d\n",
			   (int)(c->samples[it->idx - 1] - c->overhead));
	return 0;
}

static const struct seq_operations samples_seq = {
	.start = samples_start,
	.next = samples_next,
	.stop = samples_stop,
	.show = samples_show,
};

static int samples_open(struct inode *inode, struct file *file)
{
	struct samples_iter *it;

	it = __seq_open_private(file, &samples_seq, sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->res = get_last();
	return 0;
}

static int samples_release(struct inode *inode, struct file *file)
{
	struct samples_iter *it = ((struct seq_file *)file->private_data)->private;

	hvcb_result_put(it->res);
	return seq_release_private(inode, file);
}

static const struct file_operations samples_fops = {
	.owner = THIS_MODULE,
	.open = samples_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = samples_release,
};

/* run: write a spec, then read that run's samples from the same file. */
static int run_open(struct inode *inode, struct file *file)
{
	struct samples_iter *it;

	it = __seq_open_private(file, &samples_seq, sizeof(*it));
	return it ? 0 : -ENOMEM;
}

static ssize_t run_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	struct samples_iter *it = ((struct seq_file *)file->private_data)->private;
	char buf[HVCB_SPEC_MAX_LEN];
	struct hvcb_result *res;
	struct hvcb_spec spec;
	const char *why;
	ssize_t len = get_spec(ubuf, count, buf);
	int ret;

	if (len < 0)
		return len;
	ret = hvcb_spec_parse(buf, len, HVCB_SPEC_RUN, &hvcb_stub_names,
			      &hvcb_op_name_list, &spec, &why);
	if (ret)
		return ret;
	if (mutex_lock_interruptible(&hvcb_lock))
		return -EINTR;
	ret = hvcb_run(&spec, &res);
	if (ret) {
		snprintf(last_status, sizeof(last_status), "error %d%s%s\n",
			 ret, res && res->why ? ": " : "",
			 res && res->why ? res->why : "");
		hvcb_result_put(res);
	} else {
		snprintf(last_status, sizeof(last_status), "ok\n");
		struct seq_file *m = file->private_data;
		struct hvcb_result *old;

		hvcb_result_put(hvcb_last);
		hvcb_last = res;
		kref_get(&res->ref);
		/* A reader of this very file may be walking the old one. */
		mutex_lock(&m->lock);
		old = it->res;
		it->res = res;
		mutex_unlock(&m->lock);
		hvcb_result_put(old);
	}
	mutex_unlock(&hvcb_lock);
	return ret ? ret : count;
}

static const struct file_operations run_fops = {
	.owner = THIS_MODULE,
	.open = run_open,
	.write = run_write,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = samples_release,
};

static ssize_t status_read(struct file *file, char __user *ubuf, size_t count,
			   loff_t *ppos)
{
	char buf[sizeof(last_status)];

	if (mutex_lock_interruptible(&hvcb_lock))
		return -EINTR;
	strscpy(buf, last_status, sizeof(buf));
	mutex_unlock(&hvcb_lock);
	return simple_read_from_buffer(ubuf, count, ppos, buf, strlen(buf));
}

static const struct file_operations status_fops = {
	.owner = THIS_MODULE,
	.read = status_read,
	.llseek = default_llseek,
};

static const char *cpu_name(u32 midr)
{
	/* QEMU's "max" on arm64 (implementer 0, part 0x051) */
	if (midr >> 24 == 0 && ((midr >> 4) & 0xfff) == 0x051)
		return "QEMU max";
	if ((midr >> 24) != 0x41)
		return "unknown";
	switch ((midr >> 4) & 0xfff) {
	case 0xc07: return "Cortex-A7";
	case 0xc09: return "Cortex-A9";
	case 0xc0d: return "Cortex-A12";
	case 0xc0e: return "Cortex-A17";
	case 0xc0f: return "Cortex-A15";
	case 0xd01: return "Cortex-A32";
	case 0xd03: return "Cortex-A53";
	case 0xd04: return "Cortex-A35";
	case 0xd07: return "Cortex-A57";	/* also QEMU's "max" */
	case 0xd08: return "Cortex-A72";
	default: return "unknown";
	}
}

static int info_show(struct seq_file *m, void *v)
{
	struct hvcb_result *res = m->private;
	u32 midr = hvcb_arch_cpu_id();
	unsigned int i;

	seq_printf(m, "version: %s\n", HVCB_VERSION);
	seq_printf(m, "kernel: %s\n", init_utsname()->release);
	seq_printf(m, "midr: %#010x\n", res ? res->midr : midr);
	seq_printf(m, "cpu_name: %s\n", cpu_name(res ? res->midr : midr));
	seq_printf(m, "arch: %s\n", HVCB_ARCH_NAME);
	seq_printf(m, "el2: %s\n", hvcb_arch_el2_holder());
	seq_printf(m, "install: %s\n", hvcb_arch_install_method());
	if (of_machine_is_compatible("linux,dummy-virt"))
		seq_puts(m, "platform: qemu-virt\n");
	seq_printf(m, "max_samples_per_cell: %u\n", HVCB_MAX_SAMPLES);
	seq_printf(m, "max_samples_per_run: %u\n", HVCB_MAX_RUN_SAMPLES);
	if (res) {
		seq_printf(m, "cpu: %u\n", res->spec.cpu);
		seq_printf(m, "samples: %u\n", res->spec.samples);
		seq_printf(m, "unit: %s\n", hvcb_unit(res));
		seq_printf(m, "counter: %s\n", hvcb_counter(res));
		seq_printf(m, "overhead: %u\n", res->pair);
		seq_printf(m, "overhead_read: %u\n", res->bare);
		seq_printf(m, "hyp_counted: %u without NSH, %u with\n",
			   res->hyp_off, res->hyp_on);
		seq_printf(m, "longest_irqs_off_ns: %llu\n",
			   res->longest_chunk_ns);
	} else {
		seq_puts(m, "unit: unknown (no run yet)\n");
	}
	seq_puts(m, "ops:");
	for (i = 0; i < HVCB_NR_OPS; i++)
		seq_printf(m, " %s", hvcb_op_names[i]);
	seq_puts(m, "\nstubs:");
	for (i = 0; i < hvcb_nr_stubs; i++)
		seq_printf(m, " %s", hvcb_stubs[i].name);
	seq_puts(m, "\nroles:");
	for (i = 0; i < hvcb_nr_stubs; i++)
		seq_printf(m, " %s", hvcb_role_names[hvcb_stubs[i].role]);
	seq_puts(m, "\n");
	for (i = 0; i < hvcb_nr_stubs; i++)
		seq_printf(m, "abi %s: %s\n", hvcb_stubs[i].name,
			   hvcb_stubs[i].abi);
	if (hvcb_stub_by_role(HVCB_ROLE_TREE) >= 0) {
		seq_puts(m, "trees:");
		for (i = 0; i < hvcb_nr_stubs; i++)
			if (hvcb_stubs[i].role == HVCB_ROLE_TREE)
				seq_printf(m, " %s", hvcb_stubs[i].name);
		seq_puts(m, "\n");
	}
	for (i = 0; i < hvcb_nr_stubs; i++)
		if (hvcb_stubs[i].role == HVCB_ROLE_TREE)
			seq_printf(m, "tree %s: %s\n", hvcb_stubs[i].name,
				   hvcb_stubs[i].source ?: "");
	return 0;
}

static int info_open(struct inode *inode, struct file *file)
{
	struct hvcb_result *res = get_last();
	int ret = single_open(file, info_show, res);

	if (ret)
		hvcb_result_put(res);
	return ret;
}

static const struct file_operations info_fops = {
	.owner = THIS_MODULE,
	.open = info_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = last_release,
};

int hvcb_debugfs_init(void)
{
	dir = debugfs_create_dir("hvcbench", NULL);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_file("run", 0600, dir, NULL, &run_fops);
	debugfs_create_file("status", 0400, dir, NULL, &status_fops);
	debugfs_create_file("loop", 0200, dir, NULL, &loop_fops);
	debugfs_create_file("samples", 0400, dir, NULL, &samples_fops);
	debugfs_create_file("info", 0400, dir, NULL, &info_fops);
	return 0;
}

void hvcb_debugfs_exit(void)
{
	debugfs_remove(dir);
}
