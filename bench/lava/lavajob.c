// SPDX-License-Identifier: GPL-2.0
/*
 * What is read from LAVA's results of a job, kept: its test cases, and
 * the device script's hvcbench-meta and hvcbench-summary console lines.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lava.h"

#define META_TAG "hvcbench-meta:"
#define SUMMARY_TAG "hvcbench-summary:"

void lava_job_init(struct lava_job *j)
{
	memset(j, 0, sizeof(*j));
}

void lava_job_free(struct lava_job *j)
{
	size_t i;

	for (i = 0; i < j->nrows; i++)
		free(j->rows[i]);
	free(j->rows);
	free(j->cases);
	lava_job_init(j);
}

int lava_add_case(struct lava_job *j, const struct lava_case *c)
{
	if (j->ncases == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 64;
		struct lava_case *n = realloc(j->cases, cap * sizeof(*n));

		if (!n)
			return -1;
		j->cases = n;
		j->cap = cap;
	}
	j->cases[j->ncases++] = *c;
	return 0;
}

const char *lava_skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/*
 * "hvcbench-meta: key=value": keys of a-z, 0-9 and _; values printable
 * ASCII or any byte of a UTF-8 sequence (a board named in any script),
 * never a control character.
 */
static void meta_line(struct lava_job *j, const char *s)
{
	const char *eq = strchr(s, '='), *p;
	char key[32];
	size_t n;

	if (!eq || eq == s || (size_t)(eq - s) >= sizeof(key))
		return;
	for (p = s; p < eq; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_')
			return;
	for (p = eq + 1; *p; p++)
		if ((unsigned char)*p < 0x80 && !isprint((unsigned char)*p))
			return;
	n = (size_t)(eq - s);
	memcpy(key, s, n);
	key[n] = '\0';
	meta_set(&j->meta, key, eq + 1);	/* too long: not kept */
}

int lava_console_line(struct lava_job *j, const char *line)
{
	const char *s = lava_skip_blanks(line);
	size_t n;

	if (!strncmp(s, META_TAG, strlen(META_TAG))) {
		meta_line(j, lava_skip_blanks(s + strlen(META_TAG)));
		return 0;
	}
	if (strncmp(s, SUMMARY_TAG, strlen(SUMMARY_TAG)))
		return 0;
	s = lava_skip_blanks(s + strlen(SUMMARY_TAG));
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (j->nrows == j->rows_cap) {
		size_t cap = j->rows_cap ? j->rows_cap * 2 : 64;
		char **r = realloc(j->rows, cap * sizeof(*r));

		if (!r)
			return -1;
		j->rows = r;
		j->rows_cap = cap;
	}
	j->rows[j->nrows] = strndup(s, n);
	if (!j->rows[j->nrows])
		return -1;
	j->nrows++;
	return 0;
}

/* src into dst[n], cut short when it is longer (LAVA's messages may be). */
static void cut_field(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

#define ENV_JOB "- LAVA_JOB_ID="
#define ENV_DEVICE "- LAVA_DEVICE="

void lava_env_line(struct lava_job *j, const char *line)
{
	const char *v;
	size_t n;

	if (!strncmp(line, ENV_JOB, strlen(ENV_JOB))) {
		v = line + strlen(ENV_JOB);
		n = strspn(v, "0123456789");
		if (n && !v[n] && n < sizeof(j->job))
			memcpy(j->job, v, n + 1);
	} else if (!strncmp(line, ENV_DEVICE, strlen(ENV_DEVICE))) {
		v = line + strlen(ENV_DEVICE);
		n = strlen(v);
		if (n && n < sizeof(j->device) && !strpbrk(v, " \t\"'\\"))
			memcpy(j->device, v, n + 1);
	}
}

/*
 * The value at p of a metadata mapping into out[n] (cut short when
 * longer): a quoted string ('..' or ".."; a backslash escapes the next
 * character in Python's repr and in YAML's double quotes, '' is a quote
 * in YAML's single quotes), else plain text up to ',' or '}'.
 */
static void meta_value(const char *p, char *out, size_t n)
{
	size_t k = 0;
	char q = *p == '\'' || *p == '"' ? *p++ : 0;

	for (; *p; p++) {
		char ch = *p;

		if (q && ch == q) {
			if (q == '\'' && p[1] == '\'')
				p++;	/* YAML's '' inside '..' */
			else
				break;
		} else if (q && ch == '\\' && p[1]) {
			ch = *++p;
			ch = ch == 'n' || ch == 't' ? ' ' : ch;
		} else if (!q && (ch == ',' || ch == '}')) {
			break;
		}
		if (k + 1 < n)
			out[k++] = ch;
	}
	while (!q && k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* The value of KEY in a one-line mapping {k: v, ...}, or NULL. */
static const char *meta_key(const char *meta, const char *key)
{
	size_t len = strlen(key);
	const char *p;

	for (p = strstr(meta, key); p; p = strstr(p + 1, key)) {
		const char *b = p, *a = p + len;
		int quoted = b > meta && (b[-1] == '\'' || b[-1] == '"');

		if (quoted) {
			if (*a != b[-1])
				continue;
			b--;
			a++;
		}
		/* A key: after '{' or ", ", before ": ". */
		if (!(b > meta && b[-1] == '{') && !(b - meta >= 2 && b[-1] == ' ' && b[-2] == ','))
			continue;
		if (a[0] == ':' && a[1] == ' ')
			return a + 2;
	}
	return NULL;
}

void lava_case_metadata(struct lava_case *c, const char *meta)
{
	const char *v = meta_key(meta, "error_msg");

	if (v)
		meta_value(v, c->error_msg, sizeof(c->error_msg));
	v = meta_key(meta, "error_type");
	if (v)
		meta_value(v, c->error_type, sizeof(c->error_type));
}

/* Copy src into a field of size n; 0, or -1 when it does not fit. */
static int field(char *dst, size_t n, const char *src)
{
	if (strlen(src) >= n)
		return -1;
	strcpy(dst, src);
	return 0;
}

int lava_case_field(struct lava_case *c, const char *key, const char *val)
{
	if (!strcmp(key, "case") || !strcmp(key, "name"))
		return field(c->name, sizeof(c->name), val);
	if (!strcmp(key, "definition") || !strcmp(key, "suite"))
		return field(c->suite, sizeof(c->suite), val);
	if (!strcmp(key, "result"))
		return field(c->result, sizeof(c->result), val);
	if (!strcmp(key, "measurement"))
		return field(c->measurement, sizeof(c->measurement),
			     strcmp(val, "None") ? val : "");
	if (!strcmp(key, "units") || !strcmp(key, "unit"))
		return field(c->units, sizeof(c->units), val);
	/* LAVA's reason for a failure: kept, cut short if need be. */
	if (!strcmp(key, "error_msg"))
		cut_field(c->error_msg, sizeof(c->error_msg), val);
	if (!strcmp(key, "error_type"))
		cut_field(c->error_type, sizeof(c->error_type), val);
	return 0;
}

