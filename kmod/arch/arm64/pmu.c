// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 PMU cycle counter, borrowed for one IRQs-off stretch at a time.
 *
 * perf may own the PMU: nothing is reset (no PMCR_EL0.P or .C), no event
 * counter is touched, and everything changed here (PMCR_EL0.E and .D, the
 * cycle counter's enable bit and its filter PMCCFILTR_EL0) is put back by
 * hvcb_pmu_release() before IRQs come on again.
 *
 * The cycle counter counts at EL2 only with PMCCFILTR_EL0.NSH set; its
 * reset value leaves EL2 out, and perf sets it only for events without
 * exclude_hv. With NSH clear an HVC counts 1: the hvc at EL1.
 */
#include <linux/bits.h>
#include <asm/barrier.h>
#include <asm/sysreg.h>
#include "../../hvcbench.h"

#define PMCR_E		BIT(0)		/* enable all counters */
#define PMCR_D		BIT(3)		/* cycle counter counts every 64th */
#define PMCNT_CCNT	BIT(31)		/* the cycle counter's enable bit */
#define PMCCFILTR_NSH	BIT(27)		/* count at (non-secure) EL2 */

void hvcb_pmu_claim(struct hvcb_pmu_state *s, bool count_hyp)
{
	s->pmcr = read_sysreg(pmcr_el0);
	s->cntenset = read_sysreg(pmcntenset_el0);
	s->ccfilter = read_sysreg(pmccfiltr_el0);
	/* EL1 and EL0 always; EL2 only when asked. */
	write_sysreg(count_hyp ? PMCCFILTR_NSH : 0, pmccfiltr_el0);
	write_sysreg(PMCNT_CCNT, pmcntenset_el0);
	write_sysreg((s->pmcr | PMCR_E) & ~PMCR_D, pmcr_el0);
	isb();
}

void hvcb_pmu_release(const struct hvcb_pmu_state *s)
{
	write_sysreg(s->ccfilter, pmccfiltr_el0);
	if (!(s->cntenset & PMCNT_CCNT))
		write_sysreg(PMCNT_CCNT, pmcntenclr_el0);
	write_sysreg(s->pmcr, pmcr_el0);
	isb();
}
