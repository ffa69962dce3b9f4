// SPDX-License-Identifier: GPL-2.0
/*
 * Results: cells of samples plus metadata, and their file forms.
 *
 * summary.csv	stub,op,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad,
 *		overhead,status,note (values overhead-corrected; a cell the
 *		ABI has no operation for is "n/a" with empty values)
 * samples.csv	stub,op,value: every overhead-corrected sample
 * meta.json	one flat object of strings: date, kernel, midr, ...
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "results.h"

void results_init(struct results *r)
{
	memset(r, 0, sizeof(*r));
}

void results_free(struct results *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++)
		free(r->cells[i].v);
	free(r->cells);
	results_init(r);
}

static int valid_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= NAME_MAX_LEN)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

struct cell *results_cell(struct results *r, const char *stub, const char *op,
			  int create)
{
	struct cell *c;
	size_t i;

	for (i = 0; i < r->ncells; i++)
		if (!strcmp(r->cells[i].stub, stub) && !strcmp(r->cells[i].op, op))
			return &r->cells[i];
	if (!create || !valid_name(stub) || !valid_name(op))
		return NULL;
	if (r->ncells == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct cell *n = realloc(r->cells, cap * sizeof(*n));

		if (!n)
			return NULL;
		r->cells = n;
		r->cap = cap;
	}
	c = &r->cells[r->ncells++];
	memset(c, 0, sizeof(*c));
	strcpy(c->stub, stub);
	strcpy(c->op, op);
	c->applicable = 1;
	return c;
}

static int cell_push(struct cell *c, double v)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 1024;
		double *n = realloc(c->v, cap * sizeof(*n));

		if (!n)
			return -1;
		c->v = n;
		c->cap = cap;
	}
	c->v[c->n++] = v;
	return 0;
}

const char *meta_get(const struct meta *m, const char *key)
{
	int i;

	for (i = 0; i < m->count; i++)
		if (!strcmp(m->key[i], key))
			return m->val[i];
	return NULL;
}

int meta_set(struct meta *m, const char *key, const char *val)
{
	int i;

	if (strlen(key) >= sizeof(m->key[0]) || strlen(val) >= sizeof(m->val[0]))
		return -1;
	for (i = 0; i < m->count; i++)
		if (!strcmp(m->key[i], key))
			break;
	if (i == m->count) {
		if (m->count == (int)(sizeof(m->key) / sizeof(m->key[0])))
			return -1;
		m->count++;
	}
	strcpy(m->key[i], key);
	strcpy(m->val[i], val);
	return 0;
}

/* A whole decimal integer, optionally negative; 0 on success. */
static int parse_long(const char *s, long *out)
{
	char *end;

	if (!*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno || *end ? -1 : 0;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

/* "@ stub op n overhead" headers, each followed by n values. */
int parse_module_samples(struct results *r, FILE *f, char *err, size_t len)
{
	char line[256], stub[64], op[64], extra;
	struct cell *c = NULL;
	long v, left = 0;
	unsigned long n;
	long ovh;
	int lineno = 0;

	while (fgets(line, sizeof(line), f)) {
		lineno++;
		chomp(line);
		if (line[0] == '@') {
			if (left)
				goto short_cell;
			if (sscanf(line, "@ %63s %63s %lu %ld %c", stub, op, &n,
				   &ovh, &extra) != 4)
				goto bad;
			c = results_cell(r, stub, op, 1);
			if (!c)
				goto bad;
			c->overhead = ovh;
			left = (long)n;
			continue;
		}
		if (!c || !left || parse_long(line, &v))
			goto bad;
		if (cell_push(c, (double)v))
			goto nomem;
		left--;
	}
	if (left)
		goto short_cell;
	return 0;
short_cell:
	snprintf(err, len, "samples: cell %s/%s is short", c->stub, c->op);
	return -1;
bad:
	snprintf(err, len, "samples: line %d is not in the module's format",
		 lineno);
	return -1;
nomem:
	snprintf(err, len, "out of memory");
	return -1;
}

/* "key: value" lines; repeated keys keep the last value. */
int parse_module_info(struct meta *m, FILE *f)
{
	char line[512], *colon, *val;

	while (fgets(line, sizeof(line), f)) {
		chomp(line);
		colon = strstr(line, ": ");
		if (!colon)
			continue;
		*colon = '\0';
		val = colon + 2;
		if (meta_set(m, line, val))
			return -1;
	}
	return 0;
}

void results_stats(struct results *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++) {
		struct cell *c = &r->cells[i];

		if (c->n) {
			double *copy = malloc(c->n * sizeof(*copy));

			if (!copy)
				continue;
			memcpy(copy, c->v, c->n * sizeof(*copy));
			stats_compute(copy, c->n, &c->st);
			free(copy);
		}
	}
}

static const char *unit_of(const struct results *r)
{
	const char *u = meta_get(&r->meta, "unit");

	return u ? u : "cycles";
}

int write_summary_csv(const struct results *r, FILE *f)
{
	size_t i;

	fprintf(f, "stub,op,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad,overhead,status,note\n");
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		const struct stats *s = &c->st;

		if (!c->applicable || !c->n) {
			fprintf(f, "%s,%s,%s,,,,,,,,,,,,n/a,no such operation in this ABI\n",
				c->stub, c->op, unit_of(r));
			continue;
		}
		fprintf(f, "%s,%s,%s,%zu,%g,%g,%g,%.2f,%g,%g,%g,%.2f,%g,%ld,ok,\n",
			c->stub, c->op, unit_of(r), s->n, s->min, s->p1,
			s->median, s->mean, s->p90, s->p99, s->max, s->stddev,
			s->mad, c->overhead);
	}
	return ferror(f) ? -1 : 0;
}

int write_samples_csv(const struct results *r, FILE *f)
{
	size_t i, j;

	fprintf(f, "stub,op,value\n");
	for (i = 0; i < r->ncells; i++)
		for (j = 0; j < r->cells[i].n; j++)
			fprintf(f, "%s,%s,%.0f\n", r->cells[i].stub,
				r->cells[i].op, r->cells[i].v[j]);
	return ferror(f) ? -1 : 0;
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

int write_meta_json(const struct meta *m, FILE *f)
{
	int i;

	fputs("{\n", f);
	for (i = 0; i < m->count; i++) {
		fputs("  ", f);
		json_string(f, m->key[i]);
		fputs(": ", f);
		json_string(f, m->val[i]);
		fputs(i + 1 < m->count ? ",\n" : "\n", f);
	}
	fputs("}\n", f);
	return ferror(f) ? -1 : 0;
}

int write_results_json(const struct results *r, FILE *f)
{
	size_t i;
	unsigned int b;

	fputs("{\n\"meta\": ", f);
	write_meta_json(&r->meta, f);
	fputs(",\n\"cells\": [\n", f);
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		const struct stats *s = &c->st;

		fputs("  {\"stub\": ", f);
		json_string(f, c->stub);
		fputs(", \"op\": ", f);
		json_string(f, c->op);
		if (!c->applicable || !c->n) {
			fputs(", \"status\": \"n/a\"}", f);
		} else {
			fprintf(f, ", \"status\": \"ok\", \"unit\": \"%s\", \"n\": %zu, \"min\": %g, \"p1\": %g, \"median\": %g, \"mean\": %.4f, \"p90\": %g, \"p99\": %g, \"max\": %g, \"stddev\": %.4f, \"mad\": %g, \"overhead\": %ld, \"histogram\": {\"lo\": %g, \"width\": %g, \"counts\": [",
				unit_of(r), s->n, s->min, s->p1, s->median,
				s->mean, s->p90, s->p99, s->max, s->stddev,
				s->mad, c->overhead, s->hist_lo, s->hist_width);
			for (b = 0; b < s->hist_bins; b++)
				fprintf(f, "%s%zu", b ? ", " : "", s->hist[b]);
			fputs("]}}", f);
		}
		fputs(i + 1 < r->ncells ? ",\n" : "\n", f);
	}
	fputs("]\n}\n", f);
	return ferror(f) ? -1 : 0;
}

int read_samples_csv(struct results *r, FILE *f, char *err, size_t len)
{
	char line[256], *stub, *op, *val, *save;
	struct cell *c;
	long v;
	int lineno = 0;

	if (!fgets(line, sizeof(line), f) || strcmp(line, "stub,op,value\n")) {
		snprintf(err, len, "samples.csv: bad header");
		return -1;
	}
	lineno = 1;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f))
			goto bad;
		chomp(line);
		stub = strtok_r(line, ",", &save);
		op = strtok_r(NULL, ",", &save);
		val = strtok_r(NULL, ",", &save);
		if (!stub || !op || !val || strtok_r(NULL, ",", &save) ||
		    parse_long(val, &v))
			goto bad;
		c = results_cell(r, stub, op, 1);
		if (!c || cell_push(c, (double)v))
			goto bad;
	}
	return 0;
bad:
	snprintf(err, len, "samples.csv: line %d is malformed", lineno);
	return -1;
}

/* A flat JSON object whose values are all strings (what we write). */
int read_meta_json(struct meta *m, FILE *f, char *err, size_t len)
{
	char buf[16384], key[256], val[256];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f), i = 0, k;
	int want_key = 1, first = 1;
	char *dst;

	buf[n] = '\0';
	if (n == sizeof(buf) - 1)
		goto bad;
#define SKIP_WS() while (i < n && isspace((unsigned char)buf[i])) i++
	SKIP_WS();
	if (buf[i++] != '{')
		goto bad;
	for (;;) {
		SKIP_WS();
		if (buf[i] == '}' && (first || !want_key)) {
			i++;
			break;
		}
		if (!first) {
			if (buf[i++] != ',')
				goto bad;
			SKIP_WS();
		}
		for (want_key = 1; want_key >= 0; want_key--) {
			dst = want_key ? key : val;
			if (buf[i++] != '"')
				goto bad;
			for (k = 0; i < n && buf[i] != '"'; i++) {
				if (k + 1 >= sizeof(key))
					goto bad;
				if (buf[i] == '\\') {
					if (++i >= n)
						goto bad;
					if (buf[i] == 'u') {
						/* only what we write: \u00XX */
						unsigned int cp;

						if (i + 4 >= n ||
						    sscanf(buf + i + 1, "%4x", &cp) != 1 ||
						    cp > 0x7f)
							goto bad;
						dst[k++] = (char)cp;
						i += 4;
						continue;
					}
					if (buf[i] != '"' && buf[i] != '\\' && buf[i] != '/')
						goto bad;
				} else if ((unsigned char)buf[i] < 0x20) {
					goto bad;
				}
				dst[k++] = buf[i];
			}
			if (i >= n)
				goto bad;
			dst[k] = '\0';
			i++;
			SKIP_WS();
			if (want_key && buf[i++] != ':')
				goto bad;
			SKIP_WS();
		}
		want_key = 0;
		first = 0;
		if (meta_set(m, key, val))
			goto bad;
	}
	SKIP_WS();
#undef SKIP_WS
	if (i != n)
		goto bad;
	return 0;
bad:
	snprintf(err, len, "meta.json: not a flat object of strings");
	return -1;
}

int meta_list_index(const struct meta *m, const char *key, const char *name)
{
	const char *list = meta_get(m, key), *p;
	size_t n = strlen(name);
	int k = 0;

	for (p = list; p && *p; k++) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, name, n) && (p[n] == ' ' || !p[n]))
			return k;
		p = strchr(p, ' ');
	}
	return INT_MAX;
}

static const struct meta *order_meta;

static int cell_order(const void *pa, const void *pb)
{
	const struct cell *a = pa, *b = pb;
	int sa = meta_list_index(order_meta, "stubs", a->stub);
	int sb = meta_list_index(order_meta, "stubs", b->stub);
	int oa = meta_list_index(order_meta, "ops", a->op);
	int ob = meta_list_index(order_meta, "ops", b->op);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (oa != ob)
		return oa < ob ? -1 : 1;
	return strcmp(a->stub, b->stub) ? strcmp(a->stub, b->stub) :
					  strcmp(a->op, b->op);
}

void results_sort(struct results *r)
{
	order_meta = &r->meta;
	qsort(r->cells, r->ncells, sizeof(*r->cells), cell_order);
}

static FILE *open_in(const char *dir, const char *name, char *err, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		snprintf(err, len, "%s: %s", path, strerror(errno));
	return f;
}

int read_results_dir(struct results *r, const char *dir, char *err, size_t len)
{
	FILE *f = open_in(dir, "samples.csv", err, len);
	int ret;

	if (!f)
		return -1;
	ret = read_samples_csv(r, f, err, len);
	fclose(f);
	if (ret)
		return ret;
	f = open_in(dir, "meta.json", err, len);
	if (!f)
		return -1;
	ret = read_meta_json(&r->meta, f, err, len);
	fclose(f);
	if (!ret) {
		results_sort(r);
		results_stats(r);
	}
	return ret;
}

int split_list(const char *list, char names[][NAME_MAX_LEN], int max)
{
	int count = 0;
	const char *p = list, *comma;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (!n || n >= NAME_MAX_LEN || count == max)
			return -1;
		memcpy(names[count], p, n);
		names[count][n] = '\0';
		count++;
		if (!comma)
			return count;
		p = comma + 1;
	}
}
