// SPDX-License-Identifier: GPL-2.0
/*
 * The forms LAVA gives an hvcbench job's results in (lava.h), and the
 * device script's own output by hand, read into test cases and console
 * lines (lavajob.c keeps them). Nothing here trusts its input: every
 * field is bounded, a record that does not parse is passed over, and
 * what is left is judged by lava.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lava.h"
#include "yamltext.h"

#define CASE_SIGNAL "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID="

/* ------------------------------------------------------------- log */

/* What one record holds that matters here. */
struct record {
	char lvl[32];
	char *msg;		/* a string msg; NULL when msg is a mapping */
	struct lava_case c;	/* a mapping msg's fields */
	int is_map;
};

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
		p = yaml_scalar(p, e, 1, key);
		if (!p || p >= e || *p++ != ':')
			return NULL;
		while (p < e && *p == ' ')
			p++;
		if (top && !strcmp(key, "msg") && p < e && *p == '{') {
			r->is_map = 1;
			p = mapping(p, e, r, 0, key, val);
		} else if (p < e && (*p == '{' || *p == '[')) {
			p = yaml_skip_value(p, e, val);
		} else {
			p = yaml_scalar(p, e, 1, val);
			if (p && top && !strcmp(key, "lvl")) {
				if (strlen(val) >= sizeof(r->lvl))
					return NULL;	/* no level LAVA has */
				strcpy(r->lvl, val);
			}
			if (p && top && !strcmp(key, "msg")) {
				free(r->msg);
				r->msg = strdup(val);
				if (!r->msg)
					return NULL;
			}
			if (p && !top && lava_case_field(&r->c, key, val))
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
	size_t room = 3 * (size_t)(e - p) + 1;	/* one line of LAVA_MAX_INPUT */
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

/*
 * The case named by a console line holding a test case signal, into name;
 * 0, or -1 when the line holds none.
 */
static int signal_case(const char *msg, char *name, size_t len)
{
	const char *p = strstr(msg, CASE_SIGNAL);
	size_t n;

	if (!p)
		return -1;
	p += strlen(CASE_SIGNAL);
	n = strcspn(p, " >");
	snprintf(name, len, "%.*s", (int)(n < len ? n : len - 1), p);
	return 0;
}

/*
 * A failed case's reason is the console line before its signal. The
 * dispatcher records the case when the signal matches and logs the line
 * holding it when that line's newline is read, so the case's results
 * record may come before or after that line: after it, the reason was
 * kept when the line went by (sig_case, sig_reason); before it, the line
 * before the signal is the last console line so far.
 */
static int read_log(struct lava_job *j, const char *buf, const char *end)
{
	char last[256] = "", sig_reason[256] = "";
	char sig_case[sizeof(((struct lava_case *)0)->name)] = "";
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
			strcpy(r.c.reason, strcmp(sig_case, r.c.name) ? last : sig_reason);
			*sig_case = '\0';
			if (lava_add_case(j, &r.c))
				goto nomem;
		} else if ((!strcmp(r.lvl, "target") || !strcmp(r.lvl, "feedback")) && r.msg) {
			/* The board's console: as "target", or as "feedback" when
			 * read while another namespace's action ran. */
			unescape_quotes(r.msg);
			/* A case's signal: the line before it says why, if it failed. */
			if (!signal_case(r.msg, sig_case, sizeof(sig_case)))
				strcpy(sig_reason, last);
			else if (*lava_skip_blanks(r.msg))
				snprintf(last, sizeof(last), "%s", lava_skip_blanks(r.msg));
			if (lava_console_line(j, r.msg))
				goto nomem;
		} else if (!strcmp(r.lvl, "debug") && r.msg) {
			lava_env_line(j, r.msg);	/* the job's id, the device */
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
					    "unit", "suite", "job", "metadata" };
	char *store = malloc((size_t)(end - buf) + CSV_COLS + 1);
	char *f[CSV_COLS];
	int col[7], n, ncols, k, i;
	const char *p = buf;
	struct lava_case c;

	if (!store)
		return -1;
	ncols = csv_record(&p, end, store, f);
	for (k = 0; k < 7; k++)
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
		if (lava_case_field(&c, "name", f[col[0]]) ||
		    lava_case_field(&c, "result", f[col[1]]) ||
		    lava_case_field(&c, "measurement", f[col[2]]) ||
		    (col[3] >= 0 && lava_case_field(&c, "unit", f[col[3]])) ||
		    lava_case_field(&c, "suite", f[col[4]]))
			continue;
		if (col[5] >= 0 && !*j->job)
			snprintf(j->job, sizeof(j->job), "%s", f[col[5]]);
		if (col[6] >= 0)	/* LAVA's reason when its own case failed */
			lava_case_metadata(&c, f[col[6]]);
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
 * A case's metadata as a flow mapping from s, folded over the deeper
 * lines after it (each fold a space), into scratch[room] (room > the
 * input's longest line times 3); its error_msg and error_type kept.
 * *e moves to the end of its last line.
 */
/* p past its leading spaces, not past e. */
static const char *spaces_end(const char *p, const char *e)
{
	while (p < e && *p == ' ')
		p++;
	return p;
}

static void yaml_flow_metadata(struct lava_case *c, const char *s,
			       const char **e, const char *end, char *scratch,
			       size_t room)
{
	size_t n = 0, len;
	const char *p;

	for (p = s;;) {
		len = (size_t)(*e - p);
		if (len && p[len - 1] == '\r')
			len--;
		if (n + len + 2 > room)
			break;	/* longer than any failure's metadata */
		memcpy(scratch + n, p, len);
		n += len;
		p = *e < end ? *e + 1 : end;
		/* A fold: a line indented deeper than the mapping's keys. */
		if (!(end - p >= 4 && !strncmp(p, "   ", 3)))
			break;
		scratch[n++] = ' ';
		p = spaces_end(p, end);
		*e = line_end(p, end);
	}
	scratch[n] = '\0';
	lava_case_metadata(c, scratch);
}

/*
 * lavacli's list: "- key: value" opens a mapping, "  key: value" adds to
 * it; deeper lines are a value's (a flow mapping folded over lines, a
 * block mapping) and are passed over, but for the error_msg and
 * error_type of a case's flow metadata.
 */
static int read_yaml(struct lava_job *j, const char *buf, const char *end)
{
	size_t room = 0;
	char *key = NULL, *val = NULL;
	const char *p, *e, *s, *colon;
	struct lava_case c;
	int open = 0, bad = 0, ret = -1;

	/* Room for a value of the longest line (yaml_scalar's bound). */
	for (p = buf; p < end; p = e < end ? e + 1 : end) {
		e = line_end(p, end);
		if ((size_t)(e - p) > room)
			room = (size_t)(e - p);
	}
	room = 3 * room + 1;	/* no wrap: the input is at most LAVA_MAX_INPUT */
	key = malloc(room);
	val = malloc(room);
	if (!key || !val)
		goto out;
	memset(&c, 0, sizeof(c));
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
		if (s < e && *s == '{' && !strcmp(key, "metadata")) {
			yaml_flow_metadata(&c, s, &e, end, val, room);
			continue;
		}
		if (s < e && (*s == '{' || *s == '['))
			continue;	/* not needed */
		if (!yaml_scalar(s, e > s && e[-1] == '\r' ? e - 1 : e, 0, val) ||
		    lava_case_field(&c, key, val))
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
		    lava_case_field(&c, "name", w[0]) || lava_case_field(&c, "result", w[1]) ||
		    (k == 4 && (lava_case_field(&c, "measurement", w[2]) ||
				lava_case_field(&c, "unit", w[3]))))
			continue;
		strcpy(c.suite, "console");
		j->records++;
		if (lava_add_case(j, &c))
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------- detect */

/* Whether a line among the first few is "- key: value" (lavacli's list). */
static int yaml_list(const char *p, const char *end)
{
	const char *e;
	int k;

	for (k = 0; k < 20 && p < end; k++, p = e < end ? e + 1 : end) {
		e = line_end(p, end);
		if (e - p > 2 && p[0] == '-' && p[1] == ' ' && p[2] != '{' &&
		    memchr(p, ':', (size_t)(e - p)))
			return 1;
	}
	return 0;
}

/*
 * lavacli's log without --raw: each line "YYYY-MM-DDTHH:MM:SS TEXT", the
 * records' levels and results gone (the results as "CASE: RESULT" lines
 * at its end). Told by its first line.
 */
static int pretty_log(const char *p, const char *end)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd ";
	size_t k;

	if ((size_t)(end - p) < sizeof(shape) - 1)
		return 0;
	for (k = 0; k < sizeof(shape) - 1; k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)p[k]) : p[k] != shape[k])
			return 0;
	return 1;
}

/*
 * The job's id in a pretty log: its environment's line
 * "... - LAVA_JOB_ID=N". The number of its digits (at *id), 0 if none.
 */
static int pretty_job_id(const char *p, const char *end, const char **id)
{
	static const char tag[] = " - LAVA_JOB_ID=";
	const size_t n = sizeof(tag) - 1;
	const char *q;

	for (; (size_t)(end - p) > n; p++) {
		if (memcmp(p, tag, n))
			continue;
		for (q = p + n; q < end && q - (p + n) < 12 && isdigit((unsigned char)*q); q++)
			;
		*id = p + n;
		return (int)(q - *id);
	}
	return 0;
}

int lava_read(struct lava_job *j, const char *buf, size_t len, char *err,
	      size_t errlen)
{
	const char *end = buf + len, *p = buf, *id;
	int ret;

	if (len > LAVA_MAX_INPUT) {
		snprintf(err, errlen, "larger than %d MiB: not a LAVA job's results",
			 LAVA_MAX_INPUT >> 20);
		return -1;
	}
	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "binary data, not a LAVA log, CSV or YAML");
		return -1;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	/*
	 * A log is any input with records among its lines, whatever comes
	 * first (a warning lava-run's Python printed); else lavacli's list,
	 * else the server's CSV, else the script's output by hand.
	 */
	j->format = "log";
	ret = read_log(j, p, end);
	if (!ret && !j->records && pretty_log(p, end)) {
		int n = pretty_job_id(p, end, &id);

		snprintf(err, errlen, "lavacli's log without --raw (no records, only their text): fetch it with `lavacli jobs logs %.*s --raw`",
			 n ? n : 3, n ? id : "JOB");
		return -1;
	}
	if (!ret && !j->records && yaml_list(p, end)) {
		j->format = "yaml";
		ret = read_yaml(j, p, end);
	} else if (!ret && !j->records) {
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
			 !strcmp(j->format, "yaml") ? "test case" :
			 !strcmp(j->format, "csv") ? "row under the CSV header" :
			 "log record, CSV header with name, result, measurement and suite, or CASE RESULT line");
		return -1;
	}
	return 0;
}
