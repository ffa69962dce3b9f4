/* SPDX-License-Identifier: GPL-2.0 */
/* The labels of oldhyp-stub.S, a blob copied into a page as a whole. */
#ifndef HVCB_OLDHYP_H
#define HVCB_OLDHYP_H

#include <linux/types.h>

extern const u8 oldhyp_start[], oldhyp_vectors[], oldhyp_enter[], oldhyp_end[];

#endif /* HVCB_OLDHYP_H */
