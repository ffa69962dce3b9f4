// SPDX-License-Identifier: GPL-2.0
/*
 * Run specs: "key=value" words separated by blanks, one line.
 *
 *   run:   stubs=old,new|all ops=get_vectors,null|all samples=N cpu=N
 *   loop:  stub=NAME op=NAME n=N [baseline=0|1]
 *
 * Strict: unknown or repeated keys, unknown names, empty lists, numbers
 * with signs, leading zeros, overflow or out of range, NUL bytes, other
 * control characters and over-long input are all -EINVAL, and *out is
 * left alone unless the whole spec is good.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <string.h>
#endif
#include "spec.h"

#define KEY_STUBS	0x01
#define KEY_OPS		0x02
#define KEY_SAMPLES	0x04
#define KEY_CPU		0x08
#define KEY_N		0x10
#define KEY_BASELINE	0x20

struct word {
	const char *p;
	size_t len;
};

static bool word_is(struct word w, const char *s)
{
	return strlen(s) == w.len && !memcmp(w.p, s, w.len);
}

static int parse_uint(struct word w, unsigned int min, unsigned int max,
		      unsigned int *val)
{
	unsigned long long v = 0;
	size_t i;

	if (!w.len || w.len > 10 || (w.len > 1 && w.p[0] == '0'))
		return -EINVAL;
	for (i = 0; i < w.len; i++) {
		if (w.p[i] < '0' || w.p[i] > '9')
			return -EINVAL;
		v = v * 10 + (unsigned long long)(w.p[i] - '0');
	}
	if (v < min || v > max)
		return -EINVAL;
	*val = (unsigned int)v;
	return 0;
}

static int name_index(struct word w, const struct hvcb_names *names)
{
	unsigned int i;

	for (i = 0; i < names->count; i++)
		if (word_is(w, names->name[i]))
			return (int)i;
	return -1;
}

/* "a,b,c" or "all" into a bit set; every name must be known. */
static int parse_list(struct word w, const struct hvcb_names *names, unsigned int *set)
{
	unsigned int bits = 0;
	struct word item;
	size_t i, start = 0;
	int idx;

	if (word_is(w, "all")) {
		*set = names->count >= 32 ? ~0u : (1u << names->count) - 1;
		return 0;
	}
	for (i = 0; i <= w.len; i++) {
		if (i < w.len && w.p[i] != ',')
			continue;
		item.p = w.p + start;
		item.len = i - start;
		idx = name_index(item, names);
		if (idx < 0)
			return -EINVAL;
		bits |= 1u << idx;
		start = i + 1;
	}
	*set = bits;
	return 0;
}

static int parse_one(struct word key, struct word val, enum hvcb_spec_kind kind,
		     const struct hvcb_names *stubs,
		     const struct hvcb_names *ops, struct hvcb_spec *s,
		     unsigned int *seen, const char **why)
{
	unsigned int k;
	unsigned int v;
	int idx;

	if (kind == HVCB_SPEC_RUN && word_is(key, "stubs"))
		k = KEY_STUBS;
	else if (kind == HVCB_SPEC_RUN && word_is(key, "ops"))
		k = KEY_OPS;
	else if (kind == HVCB_SPEC_RUN && word_is(key, "samples"))
		k = KEY_SAMPLES;
	else if (kind == HVCB_SPEC_RUN && word_is(key, "cpu"))
		k = KEY_CPU;
	else if (kind == HVCB_SPEC_LOOP && word_is(key, "stub"))
		k = KEY_STUBS;
	else if (kind == HVCB_SPEC_LOOP && word_is(key, "op"))
		k = KEY_OPS;
	else if (kind == HVCB_SPEC_LOOP && word_is(key, "n"))
		k = KEY_N;
	else if (kind == HVCB_SPEC_LOOP && word_is(key, "baseline"))
		k = KEY_BASELINE;
	else
		return *why = "unknown key", -EINVAL;
	if (*seen & k)
		return *why = "repeated key", -EINVAL;
	*seen |= k;

	switch (k) {
	case KEY_STUBS:
	case KEY_OPS:
		if (kind == HVCB_SPEC_LOOP) {
			idx = name_index(val, k == KEY_STUBS ? stubs : ops);
			if (idx < 0)
				return *why = k == KEY_STUBS ?
					"unknown stub" : "unknown op", -EINVAL;
			v = 1u << idx;
		} else if (parse_list(val, k == KEY_STUBS ? stubs : ops, &v)) {
			return *why = k == KEY_STUBS ?
				"unknown stub in list" : "unknown op in list",
				-EINVAL;
		}
		if (k == KEY_STUBS)
			s->stubs = v;
		else
			s->ops = v;
		return 0;
	case KEY_SAMPLES:
		if (parse_uint(val, 1, HVCB_MAX_SAMPLES, &s->samples))
			return *why = "samples out of range", -EINVAL;
		return 0;
	case KEY_CPU:
		if (parse_uint(val, 0, HVCB_MAX_CPU, &s->cpu))
			return *why = "bad cpu number", -EINVAL;
		return 0;
	case KEY_N:
		if (parse_uint(val, 1, HVCB_MAX_LOOP, &s->n))
			return *why = "n out of range", -EINVAL;
		return 0;
	default: /* KEY_BASELINE */
		if (parse_uint(val, 0, 1, &v))
			return *why = "baseline is 0 or 1", -EINVAL;
		s->baseline = v;
		return 0;
	}
}

int hvcb_spec_parse(const char *buf, size_t len, enum hvcb_spec_kind kind,
		    const struct hvcb_names *stubs,
		    const struct hvcb_names *ops, struct hvcb_spec *out,
		    const char **why)
{
	struct hvcb_spec s = { .samples = HVCB_DEFAULT_SAMPLES, .n = 0 };
	unsigned int seen = 0;
	struct word key, val;
	size_t i = 0, eq;
	const char *dummy;
	int ret;

	if (!why)
		why = &dummy;
	*why = NULL;
	if (len > HVCB_SPEC_MAX_LEN)
		return *why = "spec too long", -EINVAL;
	if (len && buf[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++)
		if ((unsigned char)buf[i] < 0x20 && buf[i] != ' ' && buf[i] != '\t')
			return *why = "control character in spec", -EINVAL;
		else if ((unsigned char)buf[i] > 0x7e)
			return *why = "non-ASCII byte in spec", -EINVAL;

	i = 0;
	for (;;) {
		while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
			i++;
		if (i == len)
			break;
		key.p = buf + i;
		while (i < len && buf[i] != ' ' && buf[i] != '\t')
			i++;
		key.len = (size_t)(buf + i - key.p);
		for (eq = 0; eq < key.len && key.p[eq] != '='; eq++)
			;
		if (eq == key.len)
			return *why = "expected key=value", -EINVAL;
		val.p = key.p + eq + 1;
		val.len = key.len - eq - 1;
		key.len = eq;
		ret = parse_one(key, val, kind, stubs, ops, &s, &seen, why);
		if (ret)
			return ret;
	}

	if (!seen)
		return *why = "empty spec", -EINVAL;
	if (kind == HVCB_SPEC_LOOP) {
		if ((seen & (KEY_STUBS | KEY_OPS | KEY_N)) !=
		    (KEY_STUBS | KEY_OPS | KEY_N))
			return *why = "loop needs stub=, op= and n=", -EINVAL;
	} else {
		if (!(seen & KEY_STUBS))
			s.stubs = stubs->count >= 32 ? ~0u :
				  (1u << stubs->count) - 1;
		if (!(seen & KEY_OPS))
			s.ops = ops->count >= 32 ? ~0u : (1u << ops->count) - 1;
	}
	*out = s;
	return 0;
}
