// SPDX-License-Identifier: GPL-2.0
/*
 * The PMU cycle counter, borrowed for one IRQs-off stretch at a time.
 *
 * perf may own the PMU: nothing is reset (no PMCR.P or PMCR.C), no event
 * counter is touched, and everything changed here (PMCR.E and .D, the
 * cycle counter's enable bit, its filter and PMSELR) is put back by
 * hvcb_pmu_release() before IRQs come on again.
 *
 * The cycle counter counts in Hyp mode only with PMCCFILTR.NSH set
 * (reached as PMXEVTYPER with PMSELR = 31); its reset value leaves HYP
 * out, and perf sets it only for events without exclude_hv.
 */
#include <linux/bits.h>
#include <asm/barrier.h>
#include "../../arch.h"

#define PMCR_E		BIT(0)		/* enable all counters */
#define PMCR_D		BIT(3)		/* cycle counter counts every 64th */
#define PMCNT_CCNT	BIT(31)		/* the cycle counter's enable bit */
#define PMSEL_CCNT	31		/* PMSELR value for PMCCFILTR */
#define PMCCFILTR_NSH	BIT(27)		/* count in Hyp mode */

#define PMU_RW(name, crn, crm, op2)					\
static inline u32 read_##name(void)					\
{									\
	u32 v;								\
	asm volatile("mrc p15, 0, %0, " #crn ", " #crm ", " #op2	\
		     : "=r" (v));					\
	return v;							\
}									\
static inline void write_##name(u32 v)					\
{									\
	asm volatile("mcr p15, 0, %0, " #crn ", " #crm ", " #op2	\
		     : : "r" (v));					\
}

PMU_RW(pmcr, c9, c12, 0)
PMU_RW(pmcntenset, c9, c12, 1)
PMU_RW(pmcntenclr, c9, c12, 2)
PMU_RW(pmselr, c9, c12, 5)
PMU_RW(pmxevtyper, c9, c13, 1)

void hvcb_pmu_claim(struct hvcb_pmu_state *s, bool count_hyp)
{
	s->pmcr = read_pmcr();
	s->cntenset = read_pmcntenset();
	s->selr = read_pmselr();
	write_pmselr(PMSEL_CCNT);
	isb();
	s->ccfilter = read_pmxevtyper();
	/* PL1 and PL0 always; Hyp mode only when asked. */
	write_pmxevtyper(count_hyp ? PMCCFILTR_NSH : 0);
	write_pmcntenset(PMCNT_CCNT);
	write_pmcr((s->pmcr | PMCR_E) & ~PMCR_D);
	isb();
}

void hvcb_pmu_release(const struct hvcb_pmu_state *s)
{
	write_pmselr(PMSEL_CCNT);
	isb();
	write_pmxevtyper(s->ccfilter);
	write_pmselr(s->selr);
	if (!(s->cntenset & PMCNT_CCNT))
		write_pmcntenclr(PMCNT_CCNT);
	write_pmcr(s->pmcr);
	isb();
}
