// SPDX-License-Identifier: GPL-2.0
/*
 * Timing HVCs: the run engine.
 *
 * A run is a list of cells (stub x op). It executes on one CPU, in a
 * kworker bound to it (work_on_cpu), so it never migrates. Cells are
 * measured interleaved in chunks: chunk k of every cell, then chunk k+1,
 * so that any drift hits every cell alike. A chunk is one IRQs-off
 * stretch: claim the PMU, install the stub, a few untimed warm-up HVCs,
 * HVCB_CHUNK timed ones, take the stub out, give the PMU back. Between
 * chunks IRQs are on and the kworker may be preempted, so no sample count
 * makes an RCU stall or a soft lockup.
 *
 * Every sample is kept: at most HVCB_MAX_SAMPLES per cell and
 * HVCB_MAX_RUN_SAMPLES (4 bytes each) per run. The module hands out
 * samples only: every statistic is the CLI's (bench/results/stats.c).
 */
#include <linux/cpu.h>
#include <linux/irqflags.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "hvcbench.h"

#define HVCB_CHUNK		512
#define HVCB_WARMUP		8
#define HVCB_CALIBRATE		1000
#define HVCB_HYP_CHECK		32

/* One run or loop at a time; readers take it to grab hvcb_last. */
DEFINE_MUTEX(hvcb_lock);
struct hvcb_result *hvcb_last;

/*
 * What the counter counts. On QEMU's virt board PMCCNTR is derived from
 * the virtual clock at 1 GHz: one per instruction under -icount, else
 * nanoseconds of host-timed virtual time. Cycles only on real CPUs.
 */
const char *hvcb_unit(const struct hvcb_result *res)
{
	static const char *const names[HVCB_NR_UNITS] = HVCB_UNIT_NAMES;

	if (res->exact)
		return names[HVCB_UNIT_INSN];
	return names[res->qemu ? HVCB_UNIT_QEMU_NS : HVCB_UNIT_CYCLES];
}

const char *hvcb_counter(const struct hvcb_result *res)
{
	if (res->exact)
		return "instruction counts (QEMU -icount), not cycles";
	if (res->qemu)
		return "ns of QEMU virtual time (no -icount), not cycles";
	return "PMU cycle counter";
}

struct run_ctx {
	const struct hvcb_spec *spec;
	struct hvcb_result *res;
	struct task_struct *writer;	/* killable: the kworker is not */
};

static const struct hvcb_recipe *recipe(const struct hvcb_cell *c)
{
	return &hvcb_stubs[c->stub].op[c->op];
}

static bool r0_ok(const struct hvcb_page *hp, const struct hvcb_recipe *r,
		  hvcb_reg_t r0)
{
	switch (r->expect) {
	case HVCB_X_IMM:
		return r0 == r->expect_imm;
	case HVCB_X_VEC:
		return r0 == hvcb_pa(hp, hp->vectors);
	default:
		return true;
	}
}

/*
 * One chunk of one cell: IRQs off from install to removal. Returns 0 or
 * -errno; a failed removal leaves the page marked as still in use.
 */
static int measure_chunk(struct hvcb_page *hp, struct hvcb_cell *c,
			 struct hvcb_result *res, u32 count, bool count_hyp)
{
	const struct hvcb_stub *stub = &hvcb_stubs[c->stub];
	const struct hvcb_recipe *r = recipe(c);
	struct hvcb_pmu_state pmu;
	unsigned long flags;
	hvcb_reg_t regs[4], r0 = 0;
	u32 out[4], i;
	u64 t0;
	int ret = 0, err;

	local_irq_save(flags);
	t0 = ktime_get_ns();
	hvcb_pmu_claim(&pmu, count_hyp);
	ret = stub->start ? hvcb_install(hp, r->vectors ?: stub->vectors) :
			    hvcb_arch_resident_check();
	if (!ret) {
		hvcb_recipe_regs(hp, r, regs);
		for (i = 0; i < HVCB_WARMUP; i++)
			hvcb_hvc_timed(regs, &r0);
		for (i = 0; i < count; i++) {
			u32 *s = &c->samples[c->n + i];

			if (r->oneway) {
				hvcb_hvc_oneway(regs, out);
				/* entry: before -> hyp read; exit: hyp read -> after */
				*s = c->op == HVCB_OP_ENTRY ? out[0] - out[2] :
							     out[3] - out[1];
				continue;
			}
			*s = hvcb_hvc_timed(regs, &r0);
			if (!r0_ok(hp, r, r0))
				c->bad_r0++;
		}
		err = stub->start ? hvcb_remove(hp) : 0;
		ret = err;
	}
	hvcb_pmu_release(&pmu);
	res->longest_chunk_ns = max(res->longest_chunk_ns, ktime_get_ns() - t0);
	local_irq_restore(flags);
	if (!ret)
		c->n += count;
	return ret;
}

/* Minimum of many: the cost of the timing window itself. */
static void calibrate(struct hvcb_result *res)
{
	struct hvcb_pmu_state pmu;
	unsigned long flags;
	u32 i, p, b, pmax = 0;

	res->pair = U32_MAX;
	res->bare = U32_MAX;
	local_irq_save(flags);
	hvcb_pmu_claim(&pmu, true);
	for (i = 0; i < HVCB_CALIBRATE; i++) {
		p = hvcb_read_pair();
		b = hvcb_read_bare();
		res->pair = min(res->pair, p);
		res->bare = min(res->bare, b);
		pmax = max(pmax, p);
	}
	hvcb_pmu_release(&pmu);
	local_irq_restore(flags);
	/*
	 * QEMU's virt board under -icount: the counter is one per
	 * instruction, exactly, so the window never varies and costs its
	 * two instructions. Anywhere else these are cycles.
	 */
	res->qemu = of_machine_is_compatible("linux,dummy-virt");
	res->exact = res->qemu && res->pair == 2 && pmax == 2;
}

/* The floor round trip with Hyp mode left out of the count, then in. */
static int check_hyp_counted(struct hvcb_page *hp, struct hvcb_result *res)
{
	struct hvcb_cell c = { .op = HVCB_OP_NULL };
	u32 samples[HVCB_HYP_CHECK], i, lo[2];
	int ret, pass, floor = hvcb_stub_by_role(HVCB_ROLE_FLOOR);

	if (floor < 0) {
		res->why = "the stub registry has no floor stub";
		return -ENOENT;
	}
	c.stub = floor;
	ret = hvcb_page_load(hp, &hvcb_stubs[c.stub]);
	if (ret)
		return ret;
	for (pass = 0; pass < 2; pass++) {
		c.n = 0;
		c.samples = samples;
		ret = measure_chunk(hp, &c, res, HVCB_HYP_CHECK, pass);
		if (ret == -EOPNOTSUPP && c.stub == floor) {
			/*
			 * Nothing can be installed (KVM holds EL2): the
			 * resident's cheapest call, as found, instead.
			 */
			int resident = hvcb_stub_by_role(HVCB_ROLE_RESIDENT);

			if (resident < 0 ||
			    !hvcb_stubs[resident].op[HVCB_OP_NULL].ok)
				return ret;
			c.stub = resident;
			pass = -1;
			continue;
		}
		if (ret)
			return ret;
		lo[pass] = U32_MAX;
		for (i = 0; i < HVCB_HYP_CHECK; i++)
			lo[pass] = min(lo[pass], samples[i]);
	}
	res->hyp_off = lo[0] - res->pair;
	res->hyp_on = lo[1] - res->pair;
	if (lo[1] <= lo[0]) {
		res->why = "the cycle counter does not count Hyp mode (PMCCFILTR.NSH)";
		return -EOPNOTSUPP;
	}
	return 0;
}

static long run_on_cpu(void *arg)
{
	struct run_ctx *ctx = arg;
	struct hvcb_result *res = ctx->res;
	u32 total = ctx->spec->samples, done, count;
	struct hvcb_page hp;
	unsigned int i;
	int ret;

	ret = hvcb_page_alloc(&hp);
	if (ret)
		return ret;
	res->midr = hvcb_arch_cpu_id();
	calibrate(res);
	ret = check_hyp_counted(&hp, res);
	if (ret)
		goto out;

	for (i = 0; i < res->nr_cells; i++) {
		struct hvcb_cell *c = &res->cells[i];

		c->overhead = c->op == HVCB_OP_ENTRY ? res->bare : res->pair;
	}
	for (done = 0; done < total; done += count) {
		count = min_t(u32, HVCB_CHUNK, total - done);
		for (i = 0; i < res->nr_cells; i++) {
			struct hvcb_cell *c = &res->cells[i];

			if (c->status)
				continue;
			ret = hvcb_page_load(&hp, &hvcb_stubs[c->stub]);
			if (!ret)
				ret = measure_chunk(&hp, c, res, count, true);
			if (ret) {
				c->status = ret;
				if (hp.leaked)
					goto out;
			}
		}
		cond_resched();
		if (__fatal_signal_pending(ctx->writer)) {
			ret = -EINTR;
			goto out;
		}
	}
	ret = 0;
out:
	if (hp.leaked)
		res->why = "HVBAR could not be verified after removal: page kept";
	hvcb_page_free(&hp);
	return ret;
}

static void result_free(struct hvcb_result *res)
{
	unsigned int i;

	for (i = 0; i < res->nr_cells; i++)
		kvfree(res->cells[i].samples);
	kfree(res->cells);
	kfree(res);
}

static void result_release(struct kref *ref)
{
	result_free(container_of(ref, struct hvcb_result, ref));
}

void hvcb_result_put(struct hvcb_result *res)
{
	if (res)
		kref_put(&res->ref, result_release);
}

static struct hvcb_result *result_alloc(const struct hvcb_spec *spec)
{
	struct hvcb_result *res;
	unsigned int s, o, n = 0;

	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		return NULL;
	kref_init(&res->ref);
	res->spec = *spec;
	res->cells = kcalloc(hvcb_nr_stubs * HVCB_NR_OPS, sizeof(*res->cells),
			     GFP_KERNEL);
	if (!res->cells)
		goto fail;
	for (s = 0; s < hvcb_nr_stubs; s++) {
		if (!(spec->stubs & BIT(s)))
			continue;
		for (o = 0; o < HVCB_NR_OPS; o++) {
			struct hvcb_cell *c = &res->cells[n];

			if (!(spec->ops & BIT(o)) || !hvcb_stubs[s].op[o].ok)
				continue;
			c->stub = s;
			c->op = o;
			c->samples = kvmalloc_array(spec->samples, sizeof(u32),
						    GFP_KERNEL);
			res->nr_cells = ++n;
			if (!c->samples)
				goto fail;
		}
	}
	return res;
fail:
	result_free(res);
	return NULL;
}

/* Count the cells a spec asks for (applicable ones only). */
static unsigned int spec_cells(const struct hvcb_spec *spec)
{
	unsigned int s, o, n = 0;

	for (s = 0; s < hvcb_nr_stubs; s++)
		for (o = 0; o < HVCB_NR_OPS; o++)
			n += (spec->stubs & BIT(s)) && (spec->ops & BIT(o)) &&
			     hvcb_stubs[s].op[o].ok;
	return n;
}

/* Caller holds hvcb_lock. On success *out is the new result. */
int hvcb_run(const struct hvcb_spec *spec, struct hvcb_result **out)
{
	struct run_ctx ctx = { .spec = spec, .writer = current };
	unsigned int cells = spec_cells(spec);
	int ret;

	*out = NULL;
	if (!cells || (u64)cells * spec->samples > HVCB_MAX_RUN_SAMPLES)
		return -EINVAL;
	ctx.res = result_alloc(spec);
	if (!ctx.res)
		return -ENOMEM;

	cpus_read_lock();
	ret = hvcb_doubt_resolve();
	if (ret)
		ctx.res->why = "a stub could not be verified as removed: runs refused";
	else if (spec->cpu >= nr_cpu_ids || !cpu_online(spec->cpu))
		ret = -EINVAL;
	else
		ret = work_on_cpu(spec->cpu, run_on_cpu, &ctx);
	cpus_read_unlock();

	*out = ctx.res;
	return ret;
}

/*
 * N calls of one cell, no timing, in the caller's own context so that
 * perf stat counts them. Chunked like a run; the baseline does the very
 * same work with the HVCs left out.
 */
int hvcb_loop(const struct hvcb_spec *spec)
{
	unsigned int s = __ffs(spec->stubs), o = __ffs(spec->ops);
	const struct hvcb_stub *stub = &hvcb_stubs[s];
	const struct hvcb_recipe *r = &stub->op[o];
	struct hvcb_page hp;
	unsigned long flags;
	hvcb_reg_t regs[4];
	u32 done, count;
	int ret;

	if (!r->ok)		/* the ABI has no such operation */
		return -EINVAL;
	cpus_read_lock();
	ret = hvcb_doubt_resolve();
	cpus_read_unlock();
	if (ret)
		return ret;
	ret = hvcb_page_alloc(&hp);
	if (ret)
		return ret;
	ret = hvcb_page_load(&hp, stub);
	for (done = 0; !ret && done < spec->n; done += count) {
		count = min_t(u32, HVCB_CHUNK, spec->n - done);
		count = round_up(count, 8);
		local_irq_save(flags);
		ret = stub->start ? hvcb_install(&hp, r->vectors ?: stub->vectors) :
				    hvcb_arch_resident_check();
		if (!ret) {
			hvcb_recipe_regs(&hp, r, regs);
			if (spec->baseline)
				hvcb_hvc_loop_baseline(regs, count);
			else
				hvcb_hvc_loop(regs, count);
			if (stub->start)
				ret = hvcb_remove(&hp);
		}
		local_irq_restore(flags);
		cond_resched();
		if (!ret && fatal_signal_pending(current))
			ret = -EINTR;
	}
	hvcb_page_free(&hp);
	return ret;
}
