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
#include <stdarg.h>
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

const char *cell_unit(const struct results *r, const struct cell *c)
{
	return *c->unit ? c->unit : results_unit(r);
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
				c->stub, c->op, cell_unit(r, c));
			continue;
		}
		if (c->median_only) {	/* the rest is not known: left empty */
			fprintf(f, "%s,%s,%s,,,,%s,,,,,,,,ok,median only\n", c->stub,
				c->op, cell_unit(r, c), num_exact(b[2], s->median));
			continue;
		}
		fprintf(f, "%s,%s,%s,%zu,%s,%s,%s,%s,%s,%s,%s,%s,%s,%ld,ok,\n",
			c->stub, c->op, cell_unit(r, c), s->n,
			num_exact(b[0], s->min), num_exact(b[1], s->p1),
			num_exact(b[2], s->median), num_exact(b[3], s->mean),
			num_exact(b[4], s->p90), num_exact(b[5], s->p99),
			num_exact(b[6], s->max), num_exact(b[7], s->stddev),
			num_exact(b[8], s->mad), c->overhead);
	}
	return ferror(f) ? -1 : 0;
}

/*
 * "%.0f" of v into buf (no terminator), by hand for whole numbers below
 * 2^53 (every sample a module measures): printf's float path costs most
 * of a run's time in the lab. Returns the length, or 0 for other values.
 */
static size_t whole_digits(double v, char buf[24])
{
	char tmp[24];
	unsigned long long u;
	size_t n = 0, k = 0;

	if (!(fabs(v) < 9007199254740992.0) || v != floor(v) || (v == 0 && signbit(v)))
		return 0;
	if (v < 0)
		buf[n++] = '-';
	u = (unsigned long long)fabs(v);
	do {
		tmp[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (k)
		buf[n++] = tmp[--k];
	return n;
}

int write_samples_csv(const struct results *r, FILE *f)
{
	char line[160], *p;
	size_t i, j, len, k;

	fprintf(f, "stub,op,value\n");
	for (i = 0; i < r->ncells; i++) {
		const struct cell *c = &r->cells[i];

		len = (size_t)snprintf(line, sizeof(line), "%s,%s,", c->stub, c->op);
		if (len >= sizeof(line) - 26) {	/* not in this buffer: printf */
			for (j = 0; j < c->n; j++)
				fprintf(f, "%s,%s,%.0f\n", c->stub, c->op, c->v[j]);
			continue;
		}
		p = line + len;
		for (j = 0; j < c->n; j++) {
			k = whole_digits(c->v[j], p);
			if (!k) {
				fprintf(f, "%s,%s,%.0f\n", c->stub, c->op, c->v[j]);
				continue;
			}
			p[k] = '\n';
			fwrite(line, 1, len + k + 1, f);
		}
	}
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
			json_string(f, cell_unit(r, c));
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

/* Where a reader stopped: the file, the line, the line's text. */
struct where {
	const char *file;
	int line;
	const char *text;	/* the line as read (fields point into it) */
	char *err;
	size_t len;
};

/* "FILE:LINE:COLUMN: reason" (column 1-based, of p in the line). */
static int at(const struct where *w, const char *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int at(const struct where *w, const char *p, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(w->err, w->len, "%s:%d:%d: ", w->file, w->line,
		     p ? (int)(p - w->text) + 1 : 1);
	if (n < 0 || (size_t)n >= w->len)
		return -1;
	va_start(ap, fmt);
	vsnprintf(w->err + n, w->len - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * The header names the columns: col[k] is the index of want[k], or -1.
 * Each wanted name may appear once; required ones (the first nreq) must.
 */
static int csv_header(char *line, const char *const *want, int nwant,
		      int nreq, int *col, int *ncols, const struct where *w)
{
	char *field[CSV_MAX_COLS];
	int n = csv_split(line, field), i, k;

	if (n < 0)
		return at(w, NULL, "more than %d columns", CSV_MAX_COLS);
	for (k = 0; k < nwant; k++)
		col[k] = -1;
	for (i = 0; i < n; i++)
		for (k = 0; k < nwant; k++)
			if (!strcmp(field[i], want[k])) {
				if (col[k] >= 0)
					return at(w, field[i], "column %s given twice", want[k]);
				col[k] = i;
			}
	for (k = 0; k < nreq; k++)
		if (col[k] < 0)
			return at(w, NULL, "no column %s in the header", want[k]);
	*ncols = n;
	return 0;
}

/* One data line: exactly ncols fields, the line whole (not cut short). */
static int csv_row(char *line, FILE *f, int ncols, char *field[CSV_MAX_COLS],
		   const struct where *w)
{
	size_t n;
	int got;

	if (!strchr(line, '\n') && !feof(f))
		return at(w, NULL, "line longer than %zu characters", strlen(line));
	chomp(line);
	n = strlen(line);
	got = csv_split(line, field);
	if (got != ncols)
		return at(w, line + n, "%d fields, the header has %d",
			  got < 0 ? CSV_MAX_COLS + 1 : got, ncols);
	return 0;
}

/* The header line, read; 0 or -1 (err set). */
static int csv_first(char *line, size_t size, FILE *f, struct where *w)
{
	w->line = 1;
	w->text = line;
	if (!fgets(line, (int)size, f))
		return at(w, NULL, "empty: no header");
	chomp(line);
	return 0;
}

int read_samples_csv(struct results *r, FILE *f, char *err, size_t len)
{
	static const char *const want[] = { "stub", "op", "value" };
	char line[256], *field[CSV_MAX_COLS];
	struct where w = { "samples.csv", 1, line, err, len };
	int col[3], ncols;
	struct cell *c;
	long v;

	if (csv_first(line, sizeof(line), f, &w) ||
	    csv_header(line, want, 3, 3, col, &ncols, &w))
		return -1;
	while (fgets(line, sizeof(line), f)) {
		w.line++;
		if (csv_row(line, f, ncols, field, &w))
			return -1;
		if (parse_long(field[col[2]], &v))
			return at(&w, field[col[2]], "value '%s' is not a whole number",
				  field[col[2]]);
		if (!valid_name(field[col[0]]))
			return at(&w, field[col[0]], "stub '%s' is not a name (1-31 letters, digits, - or _)",
				  field[col[0]]);
		if (!valid_name(field[col[1]]))
			return at(&w, field[col[1]], "op '%s' is not a name (1-31 letters, digits, - or _)",
				  field[col[1]]);
		c = results_cell(r, field[col[0]], field[col[1]], 1);
		if (!c || cell_push(c, (double)v)) {
			snprintf(err, len, "out of memory");
			return -1;
		}
		r->samples_read++;
	}
	r->have_samples_file = 1;
	return 0;
}

/* A number in a summary field: finite, all of the field; NULL or why not. */
static const char *parse_double(const char *s, double *out)
{
	char *end;

	if (!*s)
		return "empty";
	if (isspace((unsigned char)*s))
		return "not a number";
	errno = 0;
	*out = strtod(s, &end);
	if (errno || *end || !isfinite(*out))
		return "not a number";
	/* A round trip's statistics: below 10^15, and 0 or above 10^-9 in
	 * size, so every value prints whole or round-trips in NUM_LEN. */
	if (fabs(*out) >= 1e15)
		return "10^15 or more, beyond any round trip";
	if (*out != 0 && fabs(*out) < 1e-9)
		return "below 10^-9, beyond what is printed";
	return NULL;
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
	struct where w = { "summary.csv", 1, line, err, len };
	const char *mu = meta_get(&r->meta, "unit"), *why;
	int mixed = mu && !strcmp(mu, MIXED_UNITS);
	int col[NW], ncols, k, unsampled = 0;
	double val[NW];
	struct cell *c;
	long n, ovh;

	if (csv_first(line, sizeof(line), f, &w) ||
	    csv_header(line, want, NW, 3, col, &ncols, &w))
		return -1;
	while (fgets(line, sizeof(line), f)) {
		w.line++;
		if (csv_row(line, f, ncols, field, &w))
			return -1;
		for (k = S_STUB; k <= S_OP; k++)
			if (!valid_name(field[col[k]]))
				return at(&w, field[col[k]], "%s '%s' is not a name (1-31 letters, digits, - or _)",
					  want[k], field[col[k]]);
		c = results_cell(r, field[col[S_STUB]], field[col[S_OP]], 1);
		if (!c) {
			snprintf(err, len, "out of memory");
			return -1;
		}
		if (col[S_UNIT] >= 0 && *field[col[S_UNIT]]) {
			const char *u = field[col[S_UNIT]];

			if (!valid_name(u))
				return at(&w, u, "unit '%s' is not a name", u);
			if (mixed)	/* each row its own unit (boards --force-units) */
				snprintf(c->unit, sizeof(c->unit), "%s", u);
			else if (*unit && strcmp(unit, u))
				return at(&w, u, "mixed units (%s, %s) but meta.json's unit is not \"%s\"",
					  unit, u, MIXED_UNITS);
			else
				snprintf(unit, sizeof(unit), "%s", u);
		}
		if (!strcmp(field[col[S_STATUS]], "n/a")) {
			c->applicable = 0;
			continue;
		}
		if (strcmp(field[col[S_STATUS]], "ok"))
			return at(&w, field[col[S_STATUS]], "status '%s' is neither ok nor n/a",
				  field[col[S_STATUS]]);
		ovh = 0;
		if (col[S_OVERHEAD] >= 0 && *field[col[S_OVERHEAD]] &&
		    parse_long(field[col[S_OVERHEAD]], &ovh))
			return at(&w, field[col[S_OVERHEAD]], "overhead '%s' is not a whole number",
				  field[col[S_OVERHEAD]]);
		c->overhead = ovh;
		if (median_only_row(field, col, NW)) {
			double m;

			why = parse_double(field[col[S_STAT + 2]], &m);
			if (why)
				return at(&w, field[col[S_STAT + 2]], "median '%s': %s",
					  field[col[S_STAT + 2]], why);
			if (c->n)
				return at(&w, field[col[S_STAT + 2]], "%s/%s is median only, but samples.csv has %zu samples of it",
					  c->stub, c->op, c->n);
			memset(&c->st, 0, sizeof(c->st));
			c->st.median = m;
			c->median_only = 1;
			c->have_stats = 1;
			continue;
		}
		/* Every field well formed, samples or not. */
		for (k = S_STAT; k < NW; k++) {
			if (col[k] < 0)
				return at(&w, NULL, "no column %s for an ok row", want[k]);
			why = parse_double(field[col[k]], &val[k]);
			if (why)
				return at(&w, field[col[k]], "%s '%s': %s", want[k],
					  field[col[k]], why);
		}
		if (col[S_N] < 0)
			return at(&w, NULL, "no column n for an ok row");
		if (parse_long(field[col[S_N]], &n) || n < 1)
			return at(&w, field[col[S_N]], "n '%s' is not a count of samples",
				  field[col[S_N]]);
		if (c->n) {	/* samples.csv was read: its statistics rule */
			if ((size_t)n != c->n)
				return at(&w, field[col[S_N]], "%s/%s: n is %ld, samples.csv has %zu samples of it",
					  c->stub, c->op, n, c->n);
			continue;
		}
		unsampled++;
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
		c->have_stats = 1;
	}
	if (r->have_samples_file && !r->samples_read && unsampled) {
		w.line = 2;
		return at(&w, NULL, "%d cells claim samples, but samples.csv has none (a header only)",
			  unsampled);
	}
	if (mixed)
		return 0;
	if (*unit && !mu)
		meta_set(&r->meta, "unit", unit);
	else if (*unit && strcmp(unit, mu)) {
		snprintf(err, len, "summary.csv counts %s but meta.json says %s",
			 unit, mu);
		return -1;
	}
	return 0;
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
	{
		size_t k2, line = 1, column = 1;

		for (k2 = 0; k2 + 1 < i && k2 < n; k2++) {
			column++;
			if (buf[k2] == '\n') {
				line++;
				column = 1;
			}
		}
		snprintf(err, len, "meta.json:%zu:%zu: %s", line, column,
			 n == sizeof(buf) - 1 ? "longer than 16 KiB" :
			 "not a flat object of strings (what hvcbench writes)");
	}
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

/* "DIR/" before a reader's "FILE:LINE:COLUMN: reason". */
static void prefix_dir(const char *dir, char *err, size_t len)
{
	char *copy = strdup(err);

	if (copy) {
		snprintf(err, len, "%s/%s", dir, copy);
		free(copy);
	}
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
	if (ret)
		prefix_dir(dir, err, len);
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
	if (ret && k && !strncmp(err, files[k - 1], strlen(files[k - 1])))
		prefix_dir(dir, err, len);
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
