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
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "../../kmod/facts.h"
#include "numfmt.h"
#include "registry-roles.h"
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

int valid_name(const char *s)
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
	c = &r->cells[r->ncells];
	memset(c, 0, sizeof(*c));
	c->seq = (unsigned int)r->ncells++;
	strcpy(c->stub, stub);
	strcpy(c->op, op);
	c->applicable = 1;
	return c;
}

int cell_push(struct cell *c, double v)
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
		double *copy;

		if (!c->n)
			continue;
		copy = malloc(c->n * sizeof(*copy));
		if (!copy)
			continue;
		memcpy(copy, c->v, c->n * sizeof(*copy));
		c->have_stats = !stats_compute(copy, c->n, &c->st);
		free(copy);
	}
}

int cell_usable(const struct cell *c)
{
	return c && c->applicable && c->have_stats && (c->st.n || c->median_only);
}

const char *results_unit(const struct results *r)
{
	const char *u = meta_get(&r->meta, "unit");

	return u && *u ? u : "unknown";
}

int write_summary_csv(const struct results *r, FILE *f)
{
	char b[11][NUM_LEN];
	size_t i;

	fprintf(f, "stub,op,unit,n,min,p1,median,mean,p90,p99,max,stddev,mad,overhead,status,note\n");
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];
		const struct stats *s = &c->st;

		if (!cell_usable(c)) {
			fprintf(f, "%s,%s,%s,,,,,,,,,,,,n/a,no such operation in this ABI\n",
				c->stub, c->op, results_unit(r));
			continue;
		}
		if (c->median_only) {	/* the rest is not known: left empty */
			fprintf(f, "%s,%s,%s,,,,%s,,,,,,,,ok,median only\n", c->stub,
				c->op, results_unit(r), num_exact(b[2], s->median));
			continue;
		}
		fprintf(f, "%s,%s,%s,%zu,%s,%s,%s,%s,%s,%s,%s,%s,%s,%ld,ok,\n",
			c->stub, c->op, results_unit(r), s->n,
			num_exact(b[0], s->min), num_exact(b[1], s->p1),
			num_exact(b[2], s->median), num_exact(b[3], s->mean),
			num_exact(b[4], s->p90), num_exact(b[5], s->p99),
			num_exact(b[6], s->max), num_exact(b[7], s->stddev),
			num_exact(b[8], s->mad), c->overhead);
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
	char b[12][NUM_LEN];
	size_t i;
	unsigned int k;

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
		if (!cell_usable(c)) {
			fputs(", \"status\": \"n/a\"}", f);
		} else if (c->median_only) {
			fprintf(f, ", \"status\": \"ok\", \"median_only\": true, \"median\": %s}",
				num_exact(b[2], s->median));
		} else {
			fputs(", \"status\": \"ok\", \"unit\": ", f);
			json_string(f, results_unit(r));
			fprintf(f, ", \"n\": %zu, \"min\": %s, \"p1\": %s, \"median\": %s, \"mean\": %s, \"p90\": %s, \"p99\": %s, \"max\": %s, \"stddev\": %s, \"mad\": %s, \"overhead\": %ld, \"histogram\": {\"lo\": %s, \"width\": %s, \"counts\": [",
				s->n, num_exact(b[0], s->min), num_exact(b[1], s->p1),
				num_exact(b[2], s->median), num_exact(b[3], s->mean),
				num_exact(b[4], s->p90), num_exact(b[5], s->p99),
				num_exact(b[6], s->max), num_exact(b[7], s->stddev),
				num_exact(b[8], s->mad), c->overhead,
				num_exact(b[9], s->hist_lo),
				num_exact(b[10], s->hist_width));
			for (k = 0; k < s->hist_bins; k++)
				fprintf(f, "%s%zu", k ? ", " : "", s->hist[k]);
			fputs("]}}", f);
		}
		fputs(i + 1 < r->ncells ? ",\n" : "\n", f);
	}
	fputs("]\n}\n", f);
	return ferror(f) ? -1 : 0;
}

#define CSV_MAX_COLS 32

/* Split a CSV line (no quoting: we never write any) in place, empties kept. */
static int csv_split(char *line, char *field[CSV_MAX_COLS])
{
	int n = 0;

	for (;;) {
		if (n == CSV_MAX_COLS)
			return -1;
		field[n++] = line;
		line = strchr(line, ',');
		if (!line)
			return n;
		*line++ = '\0';
	}
}

/*
 * The header names the columns: col[k] is the index of want[k], or -1.
 * Each wanted name may appear once; required ones (the first nreq) must.
 */
static int csv_header(char *line, const char *const *want, int nwant,
		      int nreq, int *col, int *ncols)
{
	char *field[CSV_MAX_COLS];
	int n = csv_split(line, field), i, k;

	if (n < 0)
		return -1;
	for (k = 0; k < nwant; k++)
		col[k] = -1;
	for (i = 0; i < n; i++)
		for (k = 0; k < nwant; k++)
			if (!strcmp(field[i], want[k])) {
				if (col[k] >= 0)
					return -1;
				col[k] = i;
			}
	for (k = 0; k < nreq; k++)
		if (col[k] < 0)
			return -1;
	*ncols = n;
	return 0;
}

/* One data line: exactly ncols fields, the line whole (not cut short). */
static int csv_row(char *line, FILE *f, int ncols, char *field[CSV_MAX_COLS])
{
	if (!strchr(line, '\n') && !feof(f))
		return -1;
	chomp(line);
	return csv_split(line, field) == ncols ? 0 : -1;
}

int read_samples_csv(struct results *r, FILE *f, char *err, size_t len)
{
	static const char *const want[] = { "stub", "op", "value" };
	char line[256], *field[CSV_MAX_COLS];
	int col[3], ncols, lineno = 1;
	struct cell *c;
	long v;

	if (!fgets(line, sizeof(line), f) || (chomp(line), 0) ||
	    csv_header(line, want, 3, 3, col, &ncols)) {
		snprintf(err, len, "samples.csv: bad header (needs stub, op, value)");
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (csv_row(line, f, ncols, field) ||
		    parse_long(field[col[2]], &v))
			goto bad;
		c = results_cell(r, field[col[0]], field[col[1]], 1);
		if (!c || cell_push(c, (double)v))
			goto bad;
	}
	return 0;
bad:
	snprintf(err, len, "samples.csv: line %d is malformed", lineno);
	return -1;
}

/* A number in a summary field: finite, all of the field. */
static int parse_double(const char *s, double *out)
{
	char *end;

	if (!*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	if (errno || *end || !isfinite(*out))
		return -1;
	/* A round trip's statistics: below 10^15, and 0 or above 10^-9 in
	 * size, so every value prints whole or round-trips in NUM_LEN. */
	return fabs(*out) >= 1e15 || (*out != 0 && fabs(*out) < 1e-9) ? -1 : 0;
}

enum { S_STUB, S_OP, S_STATUS, S_UNIT, S_N, S_OVERHEAD, S_STAT };

/*
 * An ok row with a median and nothing else (n and every other statistic
 * empty or absent): a cell imported from LAVA's results.
 */
static int median_only_row(char **field, const int *col, int nw)
{
	int k;

	if (col[S_STAT + 2] < 0 || !*field[col[S_STAT + 2]])
		return 0;
	for (k = S_N; k < nw; k++)
		if (k != S_STAT + 2 && k != S_OVERHEAD && col[k] >= 0 && *field[col[k]])
			return 0;
	return 1;
}

int read_summary_csv(struct results *r, FILE *f, char *err, size_t len)
{
	static const char *const want[] = {
		"stub", "op", "status", "unit", "n", "overhead",
		"min", "p1", "median", "mean", "p90", "p99", "max", "stddev",
		"mad",
	};
	enum { NW = sizeof(want) / sizeof(want[0]) };
	char line[1024], *field[CSV_MAX_COLS], unit[NAME_MAX_LEN] = "";
	int col[NW], ncols, lineno = 1, k;
	double val[NW];
	struct cell *c;
	long n, ovh;

	if (!fgets(line, sizeof(line), f) || (chomp(line), 0) ||
	    csv_header(line, want, NW, 3, col, &ncols)) {
		snprintf(err, len, "summary.csv: bad header (needs stub, op, status)");
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (csv_row(line, f, ncols, field))
			goto bad;
		c = results_cell(r, field[col[S_STUB]], field[col[S_OP]], 1);
		if (!c)
			goto bad;
		if (col[S_UNIT] >= 0 && *field[col[S_UNIT]]) {
			if (*unit && strcmp(unit, field[col[S_UNIT]])) {
				snprintf(err, len, "summary.csv: mixed units (%s, %s)",
					 unit, field[col[S_UNIT]]);
				return -1;
			}
			snprintf(unit, sizeof(unit), "%s", field[col[S_UNIT]]);
		}
		if (!strcmp(field[col[S_STATUS]], "n/a")) {
			c->applicable = 0;
			continue;
		}
		if (strcmp(field[col[S_STATUS]], "ok"))
			goto bad;
		if (c->n)	/* samples.csv was read: its statistics rule */
			continue;
		if (median_only_row(field, col, NW)) {
			memset(&c->st, 0, sizeof(c->st));
			if (parse_double(field[col[S_STAT + 2]], &c->st.median))
				goto bad;
			c->median_only = 1;
			c->have_stats = 1;
			continue;
		}
		for (k = S_STAT; k < NW; k++)
			if (col[k] < 0 || parse_double(field[col[k]], &val[k]))
				goto bad;
		if (col[S_N] < 0 || parse_long(field[col[S_N]], &n) || n < 1)
			goto bad;
		ovh = 0;
		if (col[S_OVERHEAD] >= 0 && *field[col[S_OVERHEAD]] &&
		    parse_long(field[col[S_OVERHEAD]], &ovh))
			goto bad;
		memset(&c->st, 0, sizeof(c->st));
		c->st.n = (size_t)n;
		c->st.min = val[S_STAT];
		c->st.p1 = val[S_STAT + 1];
		c->st.median = val[S_STAT + 2];
		c->st.mean = val[S_STAT + 3];
		c->st.p90 = val[S_STAT + 4];
		c->st.p99 = val[S_STAT + 5];
		c->st.max = val[S_STAT + 6];
		c->st.stddev = val[S_STAT + 7];
		c->st.mad = val[S_STAT + 8];
		c->overhead = ovh;
		c->have_stats = 1;
	}
	if (*unit && !meta_get(&r->meta, "unit"))
		meta_set(&r->meta, "unit", unit);
	else if (*unit && strcmp(unit, meta_get(&r->meta, "unit"))) {
		snprintf(err, len, "summary.csv counts %s but meta.json says %s",
			 unit, meta_get(&r->meta, "unit"));
		return -1;
	}
	return 0;
bad:
	snprintf(err, len, "summary.csv: line %d is malformed", lineno);
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

/* Word k of a space-separated list equals word; 0 when it has no word k. */
static int list_word_is(const char *list, int k, const char *word)
{
	size_t n = strlen(word);

	while (list && *list) {
		while (*list == ' ')
			list++;
		if (!k--)
			return !strncmp(list, word, n) &&
			       (list[n] == ' ' || !list[n]);
		list = strchr(list, ' ');
	}
	return 0;
}

int results_has_role(const struct results *r, const char *stub,
		     enum hvcb_role role)
{
	static const char *const names[HVCB_NR_ROLES] = HVCB_ROLE_NAMES;
	static const struct {
		const char *stub;
		enum hvcb_role role;
	} registry[] = HVCB_REGISTRY_ROLES;
	int k = meta_list_index(&r->meta, "stubs", stub);
	size_t i;

	if (meta_get(&r->meta, "roles"))
		return k != INT_MAX &&
		       list_word_is(meta_get(&r->meta, "roles"), k, names[role]);
	if (meta_list_index(&r->meta, "trees", stub) != INT_MAX)
		return role == HVCB_ROLE_TREE;
	for (i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if (!strcmp(registry[i].stub, stub))
			return registry[i].role == role;
	return 0;
}

const char *results_stub_with_role(const struct results *r,
				   enum hvcb_role role, int nth)
{
	size_t k;
	const char *last = NULL;

	for (k = 0; k < r->ncells; k++) {
		const char *s = r->cells[k].stub;

		if (!cell_usable(&r->cells[k]) || (last && !strcmp(last, s)) ||
		    !results_has_role(r, s, role))
			continue;
		if (!nth--)
			return s;
		last = s;
	}
	return NULL;
}

/*
 * Rank of a name: its place in the module's list (meta key), else after
 * every listed name, in order of first appearance among the cells.
 */
static int name_rank(const struct results *r, const char *key, size_t which)
{
	const struct cell *c = &r->cells[which];
	const char *name = key[0] == 's' ? c->stub : c->op;
	int k = meta_list_index(&r->meta, key, name);
	unsigned int first = c->seq;
	size_t i;

	if (k != INT_MAX)
		return k;
	for (i = 0; i < r->ncells; i++)
		if (r->cells[i].seq < first &&
		    !strcmp(key[0] == 's' ? r->cells[i].stub : r->cells[i].op, name))
			first = r->cells[i].seq;
	return MAX_NAMES + (int)first;
}

struct ranked {
	int stub, op;
	unsigned int seq;
	size_t idx;
};

static int ranked_order(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->stub != b->stub)
		return a->stub < b->stub ? -1 : 1;
	if (a->op != b->op)
		return a->op < b->op ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void results_sort(struct results *r)
{
	struct ranked *rk = malloc(r->ncells * sizeof(*rk) + 1);
	struct cell *sorted = malloc(r->ncells * sizeof(*sorted) + 1);
	size_t i;

	if (!rk || !sorted) {
		free(rk);
		free(sorted);
		return;
	}
	for (i = 0; i < r->ncells; i++) {
		rk[i].stub = name_rank(r, "stubs", i);
		rk[i].op = name_rank(r, "ops", i);
		rk[i].seq = r->cells[i].seq;
		rk[i].idx = i;
	}
	qsort(rk, r->ncells, sizeof(*rk), ranked_order);
	for (i = 0; i < r->ncells; i++) {
		sorted[i] = r->cells[rk[i].idx];
		sorted[i].op_rank = rk[i].op;
	}
	memcpy(r->cells, sorted, r->ncells * sizeof(*sorted));
	for (i = 0; i < r->ncells; i++)
		r->cells[i].seq = (unsigned int)i;
	free(rk);
	free(sorted);
}

FILE *fopen_in(const char *dir, const char *name, const char *mode, char *err,
	       size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, mode);
	if (!f)
		snprintf(err, len, "%s: %s", path, strerror(errno));
	return f;
}

int read_results_dir(struct results *r, const char *dir, char *err, size_t len)
{
	static const char *const files[] = { "samples.csv", "summary.csv" };
	char path[4096];
	FILE *f;
	int ret, k, found = 0;

	if (strlen(dir) >= sizeof(r->dir)) {
		snprintf(err, len, "%.64s...: path longer than %zu characters",
			 dir, sizeof(r->dir) - 1);
		return -1;
	}
	snprintf(r->dir, sizeof(r->dir), "%s", dir);
	f = fopen_in(dir, "meta.json", "r", err, len);
	if (!f)
		return -1;
	ret = read_meta_json(&r->meta, f, err, len);
	fclose(f);
	for (k = 0; k < 2 && !ret; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[k]);
		f = fopen(path, "r");
		if (!f) {
			if (errno == ENOENT)
				continue;
			snprintf(err, len, "%s: %s", path, strerror(errno));
			return -1;
		}
		found++;
		ret = k ? read_summary_csv(r, f, err, len) :
			  read_samples_csv(r, f, err, len);
		fclose(f);
	}
	if (!ret && !found) {
		snprintf(err, len, "%s: no samples.csv or summary.csv", dir);
		ret = -1;
	}
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
