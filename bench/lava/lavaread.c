// SPDX-License-Identifier: GPL-2.0
/*
 * The forms LAVA gives an hvcbench job's results in (lava.h), and the
 * device script's own output by hand, read into test cases and console
 * lines (lavajob.c keeps them). YAML (the log's records, lavacli's
 * list) is read by libyaml. Nothing here trusts its input: every field
 * is bounded, a log line that is no record is passed over (a console
 * prints anything), a by-hand case line is read whole or refused, and
 * what is read is judged by lava.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "lava.h"

#define CASE_SIGNAL "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID="

/* ------------------------------------------------------------- log */

/* What one record holds that matters here. */
struct record {
	char lvl[32];
	char *msg;		/* a string msg; NULL when msg is a mapping */
	struct lava_case c;	/* a mapping msg's fields */
	int is_map;
};

/* A scalar that is YAML's null: ~, null, Null, NULL or nothing, plain. */
static int yaml_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	const char *tag = (const char *)ev->data.scalar.tag;

	if (tag)
		return !strcmp(tag, YAML_NULL_TAG);
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") ||
	       !strcmp(v, "Null") || !strcmp(v, "NULL");
}

/* The value of a scalar event: "" for YAML's null. */
static const char *scalar(const yaml_event_t *ev)
{
	return yaml_null(ev) ? "" : (const char *)ev->data.scalar.value;
}

/* Past the rest of a node whose start event was just read. */
static int skip_node(yaml_parser_t *p, const yaml_event_t *start)
{
	yaml_event_t ev;
	int depth = 1;

	if (start->type != YAML_MAPPING_START_EVENT &&
	    start->type != YAML_SEQUENCE_START_EVENT)
		return 0;
	while (depth) {
		if (!yaml_parser_parse(p, &ev))
			return -1;
		if (ev.type == YAML_MAPPING_START_EVENT ||
		    ev.type == YAML_SEQUENCE_START_EVENT)
			depth++;
		else if (ev.type == YAML_MAPPING_END_EVENT ||
			 ev.type == YAML_SEQUENCE_END_EVENT)
			depth--;
		else if (ev.type == YAML_STREAM_END_EVENT)
			depth = 0;
		yaml_event_delete(&ev);
	}
	return 0;
}

/* The next event, expected to be of type t; 0 or -1. */
static int expect(yaml_parser_t *p, yaml_event_type_t t)
{
	yaml_event_t ev;
	int ok;

	if (!yaml_parser_parse(p, &ev))
		return -1;
	ok = ev.type == t;
	yaml_event_delete(&ev);
	return ok ? 0 : -1;
}

/*
 * The pairs of the mapping just started, each handed to pair() with its
 * key and value event (a value that starts a node is pair()'s to read or
 * pass over). 0 at the mapping's end; -1 when the YAML breaks or pair()
 * fails.
 */
typedef int (*pair_fn)(yaml_parser_t *p, void *arg, const char *key,
		       const yaml_event_t *v);

static int mapping_pairs(yaml_parser_t *p, pair_fn pair, void *arg)
{
	yaml_event_t k, v;
	int ret;

	for (;;) {
		if (!yaml_parser_parse(p, &k))
			return -1;
		if (k.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&k);
			return 0;
		}
		if (k.type != YAML_SCALAR_EVENT || !yaml_parser_parse(p, &v)) {
			yaml_event_delete(&k);
			return -1;
		}
		ret = pair(p, arg, (const char *)k.data.scalar.value, &v);
		yaml_event_delete(&k);
		yaml_event_delete(&v);
		if (ret)
			return -1;
	}
}

/* A "msg" mapping's pair: the case's fields into r->c. */
static int record_msg_pair(yaml_parser_t *p, void *arg, const char *key,
			   const yaml_event_t *v)
{
	struct record *r = arg;

	if (v->type != YAML_SCALAR_EVENT)
		return skip_node(p, v);
	return lava_case_field(&r->c, key, scalar(v)) ? -1 : 0;
}

/*
 * A record's pair: its lvl and msg (a string, or a mapping of case
 * fields); other values passed over. -1 when a value does not fit.
 */
static int record_pair(yaml_parser_t *p, void *arg, const char *key,
		       const yaml_event_t *v)
{
	struct record *r = arg;

	if (v->type == YAML_SCALAR_EVENT) {
		const char *val = scalar(v);

		if (!strcmp(key, "lvl")) {
			if (strlen(val) >= sizeof(r->lvl))
				return -1;	/* no level LAVA has */
			strcpy(r->lvl, val);
		} else if (!strcmp(key, "msg")) {
			free(r->msg);
			r->msg = strdup(val);
			return r->msg ? 0 : -1;
		}
		return 0;
	}
	if (!strcmp(key, "msg") && v->type == YAML_MAPPING_START_EVENT) {
		r->is_map = 1;
		return mapping_pairs(p, record_msg_pair, r);
	}
	return skip_node(p, v);
}

/* One line as a record (a YAML flow mapping); 0, or -1 if it is none. */
static int parse_record(const char *p, const char *e, struct record *r)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int ret = -1;

	memset(r, 0, sizeof(*r));
	if (p >= e || *p != '{' || !yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)p,
				     (size_t)(e - p));
	if (!expect(&parser, YAML_STREAM_START_EVENT) &&
	    !expect(&parser, YAML_DOCUMENT_START_EVENT) &&
	    yaml_parser_parse(&parser, &ev)) {
		if (ev.type == YAML_MAPPING_START_EVENT)
			ret = mapping_pairs(&parser, record_pair, r);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!ret && !*r->lvl)
		ret = -1;
	if (ret) {	/* a msg read before the record broke is dropped */
		free(r->msg);
		r->msg = NULL;
	}
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

/* Where the parser is: "line L, column C" (1-based). */
static void yaml_where(const yaml_mark_t *m, char *buf, size_t len)
{
	snprintf(buf, len, "line %zu, column %zu", m->line + 1, m->column + 1);
}

/*
 * A pair of a case's metadata: LAVA's error_msg and error_type kept (cut
 * short when longer), the rest passed over.
 */
static int metadata_pair(yaml_parser_t *p, void *arg, const char *key,
			 const yaml_event_t *v)
{
	if (v->type != YAML_SCALAR_EVENT)
		return skip_node(p, v);
	if (!strcmp(key, "error_msg") || !strcmp(key, "error_type"))
		lava_case_field(arg, key, scalar(v));
	return 0;
}

/*
 * lavacli's list: a sequence of mappings, one per test case, read by
 * libyaml. Every entry must be a case (a name and a result); nested
 * values (metadata) are passed over.
 */
static int read_yaml(struct lava_job *j, const char *buf, const char *end,
		     char *err, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev, k, v;
	struct lava_case c;
	char where[64];
	int ret = -1, entry = 0;

	if (!yaml_parser_initialize(&p)) {
		snprintf(err, len, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf,
				     (size_t)(end - buf));
	if (expect(&p, YAML_STREAM_START_EVENT) ||
	    expect(&p, YAML_DOCUMENT_START_EVENT) ||
	    expect(&p, YAML_SEQUENCE_START_EVENT))
		goto broken;
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			goto broken;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		entry++;
		yaml_where(&ev.start_mark, where, sizeof(where));
		if (ev.type != YAML_MAPPING_START_EVENT) {
			yaml_event_delete(&ev);
			snprintf(err, len, "YAML %s: entry %d is not a mapping of a test case",
				 where, entry);
			goto out;
		}
		yaml_event_delete(&ev);
		memset(&c, 0, sizeof(c));
		for (;;) {
			if (!yaml_parser_parse(&p, &k))
				goto broken;
			if (k.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&k);
				break;
			}
			if (k.type != YAML_SCALAR_EVENT || !yaml_parser_parse(&p, &v)) {
				yaml_event_delete(&k);
				goto broken;
			}
			const char *key = (const char *)k.data.scalar.value;

			if (v.type == YAML_SCALAR_EVENT) {
				if (lava_case_field(&c, key, scalar(&v))) {
					yaml_where(&v.start_mark, where, sizeof(where));
					snprintf(err, len, "YAML %s: %.32s: value longer than this field takes",
						 where, key);
					yaml_event_delete(&k);
					yaml_event_delete(&v);
					goto out;
				}
				if (!strcmp(key, "job") && !*j->job)
					snprintf(j->job, sizeof(j->job), "%s", scalar(&v));
			} else if (!strcmp(key, "metadata") &&
				   v.type == YAML_MAPPING_START_EVENT ?
				   mapping_pairs(&p, metadata_pair, &c) : skip_node(&p, &v)) {
				yaml_event_delete(&k);
				yaml_event_delete(&v);
				goto broken;
			}
			yaml_event_delete(&k);
			yaml_event_delete(&v);
		}
		if (!*c.name || !*c.result) {
			snprintf(err, len, "YAML %s: entry %d has no %s", where, entry,
				 *c.name ? "result" : "name");
			goto out;
		}
		j->records++;
		if (lava_add_case(j, &c)) {
			snprintf(err, len, "out of memory");
			goto out;
		}
	}
	ret = 0;
	goto out;
broken:
	yaml_where(&p.problem_mark, where, sizeof(where));
	snprintf(err, len, "YAML %s: %s", where,
		 p.problem ? p.problem : "not lavacli's list of test cases");
out:
	yaml_parser_delete(&p);
	return ret;
}

/* --------------------------------------------------------- console */

/* A line's words, split at runs of blanks (spaces, tabs); how many. */
static int words(char *line, char *w[], int max)
{
	int n = 0;

	for (;;) {
		line += strspn(line, " \t");
		if (!*line)
			return n;
		if (n == max)
			return max + 1;
		w[n++] = line;
		line += strcspn(line, " \t");
		if (*line)
			*line++ = '\0';
	}
}

/*
 * The device script run by hand: "CASE RESULT [MEASUREMENT UNITS]" lines
 * (its header says so) among its hvcbench-meta and hvcbench-summary
 * lines and whatever else the console printed; a failed case's reason is
 * the line before it. A case line (a result second, or one of
 * hvcbench's case names first) is read whole or the input is refused:
 * the first such line that does not read, by its number; a measurement
 * without units is said to be so on every line when it is.
 */
static int read_console(struct lava_job *j, const char *buf, const char *end,
			char *err, size_t len)
{
	char line[512], copy[512], last[256] = "", *w[5], first[400] = "";
	int lineno = 0, nw, measured = 0, unitless = 0;
	const char *p, *e;
	struct lava_case c;
	size_t n;

	for (p = buf; p < end; p = e < end ? e + 1 : end) {
		e = line_end(p, end);
		n = (size_t)(e - p);
		lineno++;
		if (n >= sizeof(line))
			continue;	/* no line of the script's is this long */
		memcpy(line, p, n);
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (lava_console_line(j, line))
			goto nomem;
		memset(&c, 0, sizeof(c));
		snprintf(c.reason, sizeof(c.reason), "%s", last);
		snprintf(last, sizeof(last), "%s", lava_skip_blanks(line));
		strcpy(copy, line);
		nw = words(copy, w, 4);
		if (nw < 2 || (!lava_result_word(w[1]) && !lava_case_name(w[0])))
			continue;	/* not a case line */
		measured += nw >= 3;
		if (nw == 3 && !unitless++ && !*first)
			snprintf(first, sizeof(first), "line %d: '%.80s' has a measurement but no units",
				 lineno, lava_skip_blanks(line));
		if (*first || nw == 3)
			continue;
		if (!lava_result_word(w[1]))
			snprintf(first, sizeof(first), "line %d: '%.80s': '%.20s' is no result (pass, fail, skip or unknown)",
				 lineno, lava_skip_blanks(line), w[1]);
		else if (nw > 4)
			snprintf(first, sizeof(first), "line %d: '%.80s': more than four words",
				 lineno, lava_skip_blanks(line));
		else if (lava_case_field(&c, "name", w[0]) ||
			 lava_case_field(&c, "result", w[1]) ||
			 (nw == 4 && (lava_case_field(&c, "measurement", w[2]) ||
				      lava_case_field(&c, "unit", w[3]))))
			snprintf(first, sizeof(first), "line %d: '%.80s': a word longer than its field takes",
				 lineno, lava_skip_blanks(line));
		if (*first)
			continue;
		strcpy(c.suite, "console");
		j->records++;
		if (lava_add_case(j, &c))
			goto nomem;
	}
	if (!*first)
		return 0;
	snprintf(err, len, "%s%s (a case line is CASE RESULT [MEASUREMENT UNITS])",
		 first, unitless && unitless == measured && measured > 1 &&
		 strstr(first, "no units") ? ", as has every case line with a measurement" : "");
	return -1;
nomem:
	snprintf(err, len, "out of memory");
	return -1;
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
		if (read_yaml(j, p, end, err, errlen))
			return -1;
	} else if (!ret && !j->records) {
		j->format = "csv";
		ret = read_csv(j, p, end);
		if (ret > 0) {	/* no LAVA header: the script's output by hand? */
			j->format = "console";
			if (read_console(j, p, end, err, errlen))
				return -1;
			ret = 0;
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
