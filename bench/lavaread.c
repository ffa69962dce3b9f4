// SPDX-License-Identifier: GPL-2.0
/*
 * The forms LAVA gives an hvcbench job's results in (lava.h), and the
 * device script's own output by hand, read
 * into test cases and console lines. Nothing here trusts its input: every
 * field is bounded, a record that does not parse is passed over, and
 * what is left is judged by lava.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lava.h"

#define META_TAG "hvcbench-meta:"
#define SUMMARY_TAG "hvcbench-summary:"
#define CASE_SIGNAL "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID="

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

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* "hvcbench-meta: key=value": keys of a-z, 0-9 and _, values printable. */
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
		if (!isprint((unsigned char)*p))
			return;
	n = (size_t)(eq - s);
	memcpy(key, s, n);
	key[n] = '\0';
	meta_set(&j->meta, key, eq + 1);	/* too long: not kept */
}

int lava_console_line(struct lava_job *j, const char *line)
{
	const char *s = skip_blanks(line);
	size_t n;

	if (!strncmp(s, META_TAG, strlen(META_TAG))) {
		meta_line(j, skip_blanks(s + strlen(META_TAG)));
		return 0;
	}
	if (strncmp(s, SUMMARY_TAG, strlen(SUMMARY_TAG)))
		return 0;
	s = skip_blanks(s + strlen(SUMMARY_TAG));
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

/* ---------------------------------------------------------- scalars */

/* A code point as UTF-8 (NUL and surrogates as '?'). */
static char *put_utf8(char *o, unsigned long cp)
{
	if (!cp || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		*o++ = '?';
	} else if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xc0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xe0 | cp >> 12);
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*o++ = (char)(0xf0 | cp >> 18);
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	}
	return o;
}

/* n hex digits at p into *cp; 0, or -1 if they are not all there. */
static int hex(const char *p, const char *e, int n, unsigned long *cp)
{
	*cp = 0;
	if (e - p < n)
		return -1;
	while (n--) {
		if (!isxdigit((unsigned char)*p))
			return -1;
		*cp = *cp * 16 + (unsigned long)(isdigit((unsigned char)*p) ?
			*p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
		p++;
	}
	return 0;
}

/*
 * A YAML double-quoted scalar (JSON's escapes are a subset) from p (at
 * the quote); decoded into out, which holds 3 bytes per input byte.
 * Returns the position after the closing quote, or NULL.
 */
static const char *dq_string(const char *p, const char *e, char *out)
{
	static const char from[] = "abtnvfre \"/\\N_LP\t";
	static const unsigned short to[] = { '\a', '\b', '\t', '\n', '\v',
		'\f', '\r', 033, ' ', '"', '/', '\\', 0x85, 0xa0, 0x2028, 0x2029,
		'\t' };
	unsigned long cp;
	const char *k;
	int width;

	for (p++; p < e && *p != '"'; p++) {
		if (*p != '\\') {
			*out++ = *p;
			continue;
		}
		if (++p >= e)
			return NULL;
		width = *p == 'x' ? 2 : *p == 'u' ? 4 : *p == 'U' ? 8 : 0;
		if (width) {
			if (hex(p + 1, e, width, &cp))
				return NULL;
			out = put_utf8(out, cp);
			p += width;
			continue;
		}
		k = *p ? strchr(from, *p) : NULL;
		if (!k && *p != '0')
			return NULL;
		/* \0 cannot sit in a C string: put_utf8 makes it '?'. */
		out = put_utf8(out, k ? to[k - from] : 0);
	}
	*out = '\0';
	return p < e ? p + 1 : NULL;
}

/* A single-quoted scalar ('' is a quote) from p (at the quote). */
static const char *sq_string(const char *p, const char *e, char *out)
{
	for (p++; p < e; p++) {
		if (*p == '\'') {
			if (p + 1 < e && p[1] == '\'') {
				*out++ = *p++;
				continue;
			}
			*out = '\0';
			return p + 1;
		}
		*out++ = *p;
	}
	return NULL;
}

/* A plain scalar up to a flow indicator (in flow) or the line's end. */
static const char *plain(const char *p, const char *e, int flow, char *out)
{
	const char *s = p;

	while (p < e && !(flow && strchr(",}]", *p)))
		p++;
	while (p > s && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	memcpy(out, s, (size_t)(p - s));
	out[p - s] = '\0';
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* A scalar after an optional tag ("! ", "!!float "); out as dq_string. */
static const char *scalar(const char *p, const char *e, int flow, char *out)
{
	if (p < e && *p == '!') {
		while (p < e && *p != ' ')
			p++;
		while (p < e && *p == ' ')
			p++;
	}
	if (p < e && *p == '"')
		return dq_string(p, e, out);
	if (p < e && *p == '\'')
		return sq_string(p, e, out);
	return plain(p, e, flow, out);
}

/* Past one flow value of any shape; NULL if it does not end. */
static const char *skip_value(const char *p, const char *e, char *scratch)
{
	int depth = 0;

	do {
		while (p < e && *p == ' ')
			p++;
		if (p >= e)
			return NULL;
		if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			if (!depth--)
				return NULL;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			p = scalar(p, e, 1, scratch);
			if (!p)
				return NULL;
		}
	} while (depth > 0);
	return p;
}

/* ------------------------------------------------------------- log */

/* What one record holds that matters here. */
struct record {
	char lvl[32];
	char *msg;		/* a string msg; NULL when msg is a mapping */
	struct lava_case c;	/* a mapping msg's fields */
	int is_map;
};

/* Copy src into a field of size n; 0, or -1 when it does not fit. */
static int field(char *dst, size_t n, const char *src)
{
	if (strlen(src) >= n)
		return -1;
	strcpy(dst, src);
	return 0;
}

static int case_field(struct lava_case *c, const char *key, const char *val)
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
	return 0;
}

/* A flow mapping: msg's ({"case": ..}) or the record's own. */
static const char *mapping(const char *p, const char *e, struct record *r,
			   int top, char *key, char *val)
{
	if (p >= e || *p++ != '{')
		return NULL;
	for (;;) {
		while (p < e && *p == ' ')
			p++;
		if (p < e && *p == '}')
			return p + 1;
		p = scalar(p, e, 1, key);
		if (!p || p >= e || *p++ != ':')
			return NULL;
		while (p < e && *p == ' ')
			p++;
		if (top && !strcmp(key, "msg") && p < e && *p == '{') {
			r->is_map = 1;
			p = mapping(p, e, r, 0, key, val);
		} else if (p < e && (*p == '{' || *p == '[')) {
			p = skip_value(p, e, val);
		} else {
			p = scalar(p, e, 1, val);
			if (p && top && !strcmp(key, "lvl") && field(r->lvl, sizeof(r->lvl), val))
				return NULL;
			if (p && top && !strcmp(key, "msg")) {
				free(r->msg);
				r->msg = strdup(val);
				if (!r->msg)
					return NULL;
			}
			if (p && !top && case_field(&r->c, key, val))
				return NULL;
		}
		if (!p || p >= e)
			return NULL;
		if (*p == ',')
			p++;
		else if (*p != '}')
			return NULL;
	}
}

/* One line as a record; 0, or -1 if it is none. */
static int parse_record(const char *p, const char *e, struct record *r)
{
	size_t room = 3 * (size_t)(e - p) + 1;
	char *key = malloc(room), *val = malloc(room);
	int ret = -1;

	memset(r, 0, sizeof(*r));
	if (key && val) {
		p = mapping(p, e, r, 1, key, val);
		ret = p && *r->lvl ? 0 : -1;
	}
	if (ret) {	/* a msg read before the record broke is dropped */
		free(r->msg);
		r->msg = NULL;
	}
	free(key);
	free(val);
	return ret;
}

/* A target line as the board printed it: LAVA put '\' before each '"'. */
static void unescape_quotes(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == '"')
			s++;
		*o++ = *s;
	}
	*o = '\0';
}

static const char *line_end(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));

	return nl ? nl : e;
}

static int read_log(struct lava_job *j, const char *buf, const char *end)
{
	char last[256] = "", reason[256] = "";
	const char *p, *e;
	struct record r;

	for (p = buf; p < end; p = e < end ? e + 1 : end) {
		e = line_end(p, end);
		if (e - p >= 2 && p[0] == '-' && p[1] == ' ')
			p += 2;
		if (parse_record(p, e > p && e[-1] == '\r' ? e - 1 : e, &r))
			continue;	/* not a record: passed over */
		j->records++;
		if (!strcmp(r.lvl, "results") && r.is_map && *r.c.name) {
			strcpy(r.c.reason, reason);
			*reason = '\0';
			if (lava_add_case(j, &r.c))
				goto nomem;
		} else if ((!strcmp(r.lvl, "target") || !strcmp(r.lvl, "feedback")) && r.msg) {
			/* The board's console: as "target", or as "feedback" when
			 * read while another namespace's action ran. */
			unescape_quotes(r.msg);
			/* A case's signal: the line before it says why, if it failed. */
			if (strstr(r.msg, CASE_SIGNAL))
				strcpy(reason, last);
			else if (*skip_blanks(r.msg))
				snprintf(last, sizeof(last), "%s", skip_blanks(r.msg));
			if (lava_console_line(j, r.msg))
				goto nomem;
		}
		free(r.msg);
	}
	return 0;
nomem:
	free(r.msg);
	return -1;
}

/* ------------------------------------------------------------- CSV */

#define CSV_COLS 32

/*
 * One RFC 4180 record from *pp into fields (each in its own slot of
 * `store`); the number of fields, or -1 if malformed or too wide.
 */
static int csv_record(const char **pp, const char *e, char *store,
		      char *fields[CSV_COLS])
{
	const char *p = *pp;
	int n = 0, quoted;

	for (;;) {
		if (n == CSV_COLS)
			return -1;
		fields[n++] = store;
		quoted = p < e && *p == '"';
		for (p += quoted; p < e; p++) {
			if (quoted && *p == '"') {
				if (p + 1 < e && p[1] == '"') {
					*store++ = *p++;
					continue;
				}
				quoted = 0;
				p++;
				break;
			}
			if (!quoted && (*p == ',' || *p == '\n' || *p == '\r'))
				break;
			*store++ = *p;
		}
		*store++ = '\0';
		if (quoted)
			return -1;	/* the file ended inside quotes */
		if (p < e && *p == ',') {
			p++;
			continue;
		}
		if (p < e && *p == '\r')
			p++;
		if (p < e && *p != '\n')
			return -1;	/* text after a closing quote */
		*pp = p < e ? p + 1 : e;
		return n;
	}
}

static int read_csv(struct lava_job *j, const char *buf, const char *end)
{
	static const char *const want[] = { "name", "result", "measurement",
					    "unit", "suite", "job" };
	char *store = malloc((size_t)(end - buf) + CSV_COLS + 1);
	char *f[CSV_COLS];
	int col[6], n, ncols, k, i;
	const char *p = buf;
	struct lava_case c;

	if (!store)
		return -1;
	ncols = csv_record(&p, end, store, f);
	for (k = 0; k < 6; k++)
		for (col[k] = -1, i = 0; i < ncols; i++)
			if (!strcmp(f[i], want[k]))
				col[k] = i;
	if (col[0] < 0 || col[1] < 0 || col[2] < 0 || col[4] < 0) {
		free(store);
		return 1;	/* not LAVA's CSV */
	}
	while (p < end) {
		n = csv_record(&p, end, store, f);
		if (n < 0)
			break;	/* the rest cannot be split into records */
		if (n != ncols)
			continue;
		j->records++;
		memset(&c, 0, sizeof(c));
		if (case_field(&c, "name", f[col[0]]) ||
		    case_field(&c, "result", f[col[1]]) ||
		    case_field(&c, "measurement", f[col[2]]) ||
		    (col[3] >= 0 && case_field(&c, "unit", f[col[3]])) ||
		    case_field(&c, "suite", f[col[4]]))
			continue;
		if (col[5] >= 0 && !*j->job)
			snprintf(j->job, sizeof(j->job), "%s", f[col[5]]);
		if (lava_add_case(j, &c)) {
			free(store);
			return -1;
		}
	}
	free(store);
	return 0;
}

/* ------------------------------------------------------------ YAML */

/*
 * lavacli's list: "- key: value" opens a mapping, "  key: value" adds to
 * it; deeper lines (a flow mapping folded over lines) are not ours.
 */
static int read_yaml(struct lava_job *j, const char *buf, const char *end)
{
	size_t room = 3 * (size_t)(end - buf) + 1;
	char *key = malloc(room), *val = malloc(room);
	const char *p, *e, *s, *colon;
	struct lava_case c;
	int open = 0, bad = 0, ret = -1;

	if (!key || !val)
		goto out;
	for (p = buf;; p = e < end ? e + 1 : end) {
		e = p < end ? line_end(p, end) : end;
		if (p >= end || (e - p >= 2 && p[0] == '-' && p[1] == ' ')) {
			if (open && !bad && *c.name && *c.result) {
				j->records++;
				if (lava_add_case(j, &c))
					goto out;
			}
			if (p >= end)
				break;
			memset(&c, 0, sizeof(c));
			open = 1;
			bad = 0;
		} else if (!(e - p >= 3 && p[0] == ' ' && p[1] == ' ' && p[2] != ' ')) {
			continue;
		}
		s = p + 2;
		colon = memchr(s, ':', (size_t)(e - s));
		if (!colon || (size_t)(colon - s) >= 32 || colon + 1 == e || colon[1] != ' ')
			continue;
		memcpy(key, s, (size_t)(colon - s));
		key[colon - s] = '\0';
		for (s = colon + 1; s < e && (*s == ' ' || *s == '\t'); s++)
			;
		if (s < e && (*s == '{' || *s == '['))
			continue;	/* metadata: not needed */
		if (!scalar(s, e > s && e[-1] == '\r' ? e - 1 : e, 0, val) ||
		    case_field(&c, key, val))
			bad = 1;
		else if (!strcmp(key, "job") && !*j->job)
			snprintf(j->job, sizeof(j->job), "%s", val);
	}
	ret = 0;
out:
	free(key);
	free(val);
	return ret;
}

/* --------------------------------------------------------- console */

/* src into dst[n], cut short when it is longer. */
static void cut_copy(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Whether s is one of the results lava-test-case takes. */
static int result_word(const char *s)
{
	return !strcmp(s, "pass") || !strcmp(s, "fail") || !strcmp(s, "skip") ||
	       !strcmp(s, "unknown");
}

/*
 * The device script run by hand: "CASE RESULT [MEASUREMENT UNITS]" lines
 * (its header says so) among its hvcbench-meta and hvcbench-summary
 * lines; a failed case's reason is the line before it.
 */
static int read_console(struct lava_job *j, const char *buf, const char *end)
{
	char line[512], last[256] = "", *w[5], *save;
	const char *p, *e;
	struct lava_case c;
	size_t n;
	int k;

	for (p = buf; p < end; p = e < end ? e + 1 : end) {
		e = line_end(p, end);
		n = (size_t)(e - p);
		if (n >= sizeof(line))
			continue;	/* no line of the script's is this long */
		memcpy(line, p, n);
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (lava_console_line(j, line))
			return -1;
		memset(&c, 0, sizeof(c));
		cut_copy(c.reason, sizeof(c.reason), last);
		cut_copy(last, sizeof(last), line);
		for (k = 0, w[0] = strtok_r(line, " ", &save); w[k] && k < 4;)
			w[++k] = strtok_r(NULL, " ", &save);
		if ((k != 2 && k != 4) || w[k] || !result_word(w[1]) ||
		    case_field(&c, "name", w[0]) || case_field(&c, "result", w[1]) ||
		    (k == 4 && (case_field(&c, "measurement", w[2]) ||
				case_field(&c, "unit", w[3]))))
			continue;
		strcpy(c.suite, "console");
		j->records++;
		if (lava_add_case(j, &c))
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------- detect */

int lava_read(struct lava_job *j, const char *buf, size_t len, char *err,
	      size_t errlen)
{
	const char *end = buf + len, *p = buf, *e;
	int ret;

	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "binary data, not a LAVA log, CSV or YAML");
		return -1;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	e = line_end(p, end);
	if ((p < end && *p == '{') || (e - p > 2 && !strncmp(p, "- {", 3))) {
		j->format = "log";
		ret = read_log(j, p, end);
	} else if (e - p > 2 && p[0] == '-' && p[1] == ' ' && memchr(p, ':', (size_t)(e - p))) {
		j->format = "yaml";
		ret = read_yaml(j, p, end);
	} else {
		j->format = "csv";
		ret = read_csv(j, p, end);
		if (ret > 0) {	/* no LAVA header: the script's output by hand? */
			j->format = "console";
			ret = read_console(j, p, end);
		}
	}
	if (ret < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!j->records) {
		snprintf(err, errlen, "not a LAVA job log, results CSV, lavacli YAML or hvcbench-lava's output (no %s)",
			 !strcmp(j->format, "log") ? "log record" :
			 !strcmp(j->format, "yaml") ? "test case" :
			 !strcmp(j->format, "csv") ? "row under the CSV header" :
			 "CSV header with name, result, measurement and suite, no CASE RESULT line");
		return -1;
	}
	return 0;
}
