// SPDX-License-Identifier: GPL-2.0
/*
 * Several boards' runs: loaded, named, checked for a common unit, and one
 * stub's cells merged into a run whose stubs are the boards.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "boards.h"
#include "report.h"

void boards_free(struct boards *b)
{
	int k;

	for (k = 0; k < b->n; k++)
		results_free(&b->run[k]);
	b->n = 0;
}

/* The last path component of dir, without trailing slashes. */
static void base_name(const char *dir, char out[256])
{
	size_t n = strlen(dir);
	const char *p;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	for (p = dir + n; p > dir && p[-1] != '/'; p--)
		;
	n -= (size_t)(p - dir);
	if (n > 255)
		n = 255;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* s lower-cased, every run of other characters than a-z 0-9 one '-'. */
static void name_part(const char *s, char *out, size_t len)
{
	size_t n = 0;

	for (; *s && n + 1 < len; s++) {
		char ch = (char)tolower((unsigned char)*s);

		if (isalnum((unsigned char)ch) && !(ch & 0x80))
			out[n++] = ch;
		else if (n && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

/*
 * A name from what the run says it measured on: its platform and CPU
 * (qemu-virt-a15: "Cortex-" left out), with the kernel's version
 * (qemu-virt-a15-6-12-95) when `kernel` says so. "" when it has none.
 */
static void derived_name(const struct results *r, int kernel,
			 char out[256])
{
	const char *platform = meta_get(&r->meta, "platform");
	const char *cpu = meta_get(&r->meta, "cpu_name");
	const char *rel = meta_get(&r->meta, "kernel");
	char part[64];
	size_t n;

	*out = '\0';
	if (!cpu || !*cpu)
		return;
	if (platform && *platform) {
		name_part(platform, part, sizeof(part));
		snprintf(out, 256, "%s-", part);
	}
	name_part(!strncasecmp(cpu, "cortex-", 7) ? cpu + 7 : cpu, part,
		  sizeof(part));
	strncat(out, part, 255 - strlen(out));
	if (kernel && rel) {
		n = strspn(rel, "0123456789.");
		snprintf(part, sizeof(part), "%.*s", (int)(n < 40 ? n : 40), rel);
		name_part(part, part, sizeof(part));
		if (*part)
			snprintf(out + strlen(out), 256 - strlen(out), "-%s", part);
	}
}

/*
 * Board k's name: given, else meta.json's board, else the directory's
 * name if that is a name (make run's are longer than 31 characters),
 * else derived_name(); *derived says which.
 */
static int board_name(struct boards *b, int k, const char *dir,
		      char given[][NAME_MAX_LEN], int ng, int *derived,
		      char *err, size_t len)
{
	const char *board = meta_get(&b->run[k].meta, "board");
	char base[256], made[256];

	base_name(dir, base);
	*derived = 0;
	if (ng) {
		board = given[k];
	} else if (!board || !*board) {
		board = base;
		if (!valid_name(base)) {
			derived_name(&b->run[k], 0, made);
			if (valid_name(made)) {
				board = made;
				*derived = 1;
			}
		}
	}
	if (!valid_name(board)) {
		snprintf(err, len, "%s: '%s' is not a board name (1-31 letters, digits, - or _): give --names",
			 dir, board);
		return -1;
	}
	strcpy(b->name[k], board);
	return 0;
}

/* Derived names two boards share take the kernel's version; then all
 * names must differ. */
static int unique_names(struct boards *b, char *const *dirs,
			const int *derived, char *err, size_t len)
{
	char made[256];
	int k, j, twin[MAX_BOARDS];

	for (k = 0; k < b->n; k++)
		for (j = 0, twin[k] = 0; j < b->n; j++)
			twin[k] |= j != k && !strcmp(b->name[j], b->name[k]);
	for (k = 0; k < b->n; k++) {
		if (!derived[k] || !twin[k])
			continue;
		derived_name(&b->run[k], 1, made);
		if (valid_name(made))
			strcpy(b->name[k], made);
	}
	for (k = 0; k < b->n; k++)
		for (j = 0; j < k; j++)
			if (!strcmp(b->name[j], b->name[k])) {
				snprintf(err, len, "%s and %s are both named %s: give --names",
					 dirs[j], dirs[k], b->name[k]);
				return -1;
			}
	return 0;
}

int boards_load(struct boards *b, char *const *dirs, int n, const char *names,
		int force_units, char *err, size_t len)
{
	char given[MAX_BOARDS][NAME_MAX_LEN];
	int k, ng = 0, derived[MAX_BOARDS];

	memset(b, 0, sizeof(*b));
	if (n < 2 || n > MAX_BOARDS) {
		snprintf(err, len, "give 2 to %d board directories, not %d", MAX_BOARDS, n);
		return -1;
	}
	if (names) {
		ng = split_list(names, given, MAX_BOARDS);
		if (ng != n) {
			snprintf(err, len, "--names: %d names for %d directories", ng < 0 ? 0 : ng, n);
			return -1;
		}
	}
	for (k = 0; k < n; k++) {
		results_init(&b->run[k]);
		b->n = k + 1;
		if (read_results_dir(&b->run[k], dirs[k], err, len) ||
		    board_name(b, k, dirs[k], given, ng, &derived[k], err, len))
			goto fail;
		if (!force_units && units_differ(&b->run[0], &b->run[k])) {
			char what[1024];

			runs_describe(&b->run[0], dirs[0], &b->run[k], dirs[k],
				      what, sizeof(what));
			snprintf(err, len, "%s: not comparable (--force-units to compare anyway)",
				 what);
			goto fail;
		}
	}
	if (unique_names(b, dirs, derived, err, len))
		goto fail;
	return 0;
fail:
	boards_free(b);
	return -1;
}

/* Whether board k measured stub. */
static int board_has(const struct boards *b, int k, const char *stub)
{
	size_t i;

	for (i = 0; i < b->run[k].ncells; i++)
		if (!strcmp(b->run[k].cells[i].stub, stub) &&
		    cell_usable(&b->run[k].cells[i]))
			return 1;
	return 0;
}

/*
 * A space list of the names of the boards that measured stub (has = 1)
 * or did not (has = 0) into buf (meta "stubs", "boards", "left_out").
 */
static void name_list(const struct boards *b, const char *stub, int has,
		      char *buf, size_t len)
{
	int k;

	buf[0] = '\0';
	for (k = 0; k < b->n; k++) {
		if (board_has(b, k, stub) != has)
			continue;
		if (*buf)
			strncat(buf, " ", len - strlen(buf) - 1);
		strncat(buf, b->name[k], len - strlen(buf) - 1);
	}
}

/* Every board's ops, n/a ones too, each board in its own order. */
static void op_list(const struct boards *b, char *buf, size_t len)
{
	const char *seen[MAX_NAMES];
	int k, j, n = 0;
	size_t i;

	buf[0] = '\0';
	for (k = 0; k < b->n; k++)
		for (i = 0; i < b->run[k].ncells && n < MAX_NAMES; i++) {
			const char *op = b->run[k].cells[i].op;

			for (j = 0; j < n && strcmp(seen[j], op); j++)
				;
			if (j < n)
				continue;
			seen[n++] = op;
			if (n > 1)
				strncat(buf, " ", len - strlen(buf) - 1);
			strncat(buf, op, len - strlen(buf) - 1);
		}
}

static int merge_cell(struct results *out, const char *board,
		      const struct cell *c, const char *unit)
{
	struct cell *m = results_cell(out, board, c->op, 1);
	size_t i;

	if (!m)
		return -1;
	m->applicable = c->applicable;
	m->overhead = c->overhead;
	snprintf(m->unit, sizeof(m->unit), "%s", unit);
	for (i = 0; i < c->n; i++)
		if (cell_push(m, c->v[i]))
			return -1;
	/* A cell read from summary.csv alone keeps its statistics. */
	if (!c->n && c->have_stats) {
		m->st = c->st;
		m->have_stats = 1;
		m->median_only = c->median_only;
	}
	return 0;
}

int boards_merge(const struct boards *b, const char *stub, struct results *out,
		 char *err, size_t len)
{
	char list[MAX_BOARDS * NAME_MAX_LEN], key[32];
	const char *unit = results_unit(&b->run[0]);
	size_t i;
	int k, cells = 0;

	results_init(out);
	for (k = 0; k < b->n; k++)
		if (units_differ(&b->run[0], &b->run[k]))
			unit = MIXED_UNITS;
	for (k = 0; k < b->n; k++) {
		if (!board_has(b, k, stub))
			continue;	/* left out: boards_left_out() says so */
		for (i = 0; i < b->run[k].ncells; i++) {
			const struct cell *c = &b->run[k].cells[i];

			if (strcmp(c->stub, stub))
				continue;
			/* Mixed: each cell keeps its board's unit. */
			if (merge_cell(out, b->name[k], c, strcmp(unit, MIXED_UNITS) ?
				       "" : results_unit(&b->run[k])))
				goto nomem;
			cells += cell_usable(c);
		}
	}
	if (!cells) {
		snprintf(err, len, "no board measured stub %s", stub);
		results_free(out);
		return -1;
	}
	name_list(b, stub, 1, list, sizeof(list));
	if (meta_set(&out->meta, "unit", unit) ||
	    meta_set(&out->meta, "stubs", list) ||
	    meta_set(&out->meta, "boards", list) ||
	    meta_set(&out->meta, "stub", stub))
		goto nomem;
	op_list(b, list, sizeof(list));
	if (meta_set(&out->meta, "ops", list))
		goto nomem;
	name_list(b, stub, 0, list, sizeof(list));
	if (*list && meta_set(&out->meta, "left_out", list))
		goto nomem;
	for (k = 0; k < b->n; k++) {
		if (!board_has(b, k, stub))
			continue;
		snprintf(key, sizeof(key), "board %s", b->name[k]);
		if (meta_set(&out->meta, key, b->run[k].dir))
			goto nomem;
	}
	results_sort(out);
	results_stats(out);
	return 0;
nomem:
	snprintf(err, len, "out of memory");
	results_free(out);
	return -1;
}

void boards_left_out(const struct boards *b, const char *stub, char *msg,
		     size_t len)
{
	int k;

	*msg = '\0';
	for (k = 0; k < b->n; k++) {
		if (board_has(b, k, stub))
			continue;
		if (!*msg)
			snprintf(msg, len, "left out, no measured cell of %s there:",
				 stub);
		snprintf(msg + strlen(msg), len - strlen(msg), " %s (%s)",
			 b->name[k], b->run[k].dir);
	}
}

int boards_measured(const struct boards *b, const char *stub, int all)
{
	int k, o, count = 0;

	for (k = 0; k < b->n; k++) {
		const char *ops[MAX_NAMES];
		int no = results_names(&b->run[k], 0, ops), has = 0;

		for (o = 0; o < no && !has; o++)
			has = usable_cell(&b->run[k], stub, ops[o]) != NULL;
		count += has;
	}
	return all ? count == b->n : count > 0;
}

const char *boards_chart_stub(const struct boards *b, const char *stub)
{
	const char *stubs[MAX_NAMES];
	const char *proposed = results_stub_with_role(&b->run[0],
						      HVCB_ROLE_PROPOSED, 0);
	int ns = results_names(&b->run[0], 1, stubs), s;

	if (stub)
		return stub;
	if (proposed && boards_measured(b, proposed, 1))
		return proposed;
	for (s = 0; s < ns; s++)
		if (boards_measured(b, stubs[s], 1))
			return stubs[s];
	return NULL;
}
