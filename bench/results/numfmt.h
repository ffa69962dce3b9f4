/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Numbers as hvcbench prints them: never in exponent notation, integers
 * as integers. Files get every digit a value needs to read back the same;
 * tables for people get at most two decimals.
 */
#ifndef HVCB_NUMFMT_H
#define HVCB_NUMFMT_H

#include <stddef.h>

#define NUM_LEN 48

/* The shortest fixed-point text that reads back as v (files). */
const char *num_exact(char buf[NUM_LEN], double v);
/* An integer as an integer, else at most two decimals (tables). */
const char *num_short(char buf[NUM_LEN], double v);
/* num_short with a sign: +3, -0.5, +0. */
const char *num_signed(char buf[NUM_LEN], double v);

#endif
