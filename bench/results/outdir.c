// SPDX-License-Identifier: GPL-2.0
/*
 * Results directories replaced whole: the new one is written into a
 * hidden directory beside its place, and only once every file is whole is
 * it put there (renameat2 RENAME_EXCHANGE swaps it with an existing one
 * in one step; the old one is then removed). A failure before that
 * leaves the old directory as it was and removes what was made.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "outdir.h"

#define PATH_LEN 4096
#define TMP_LEN (2 * PATH_LEN + 32)

int outdir_make(const char *dir)
{
	char path[PATH_LEN], *p;
	struct stat st;

	if (!stat(dir, &st))
		return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
	snprintf(path, sizeof(path), "%s", dir);
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(path, 0755) ? -1 : 1;
}

/* dir's parent ("." for a bare name) and last component, no trailing '/'. */
static int split_dir(const char *dir, char parent[PATH_LEN], char base[PATH_LEN])
{
	size_t n = strlen(dir);
	const char *slash;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (!n || n >= PATH_LEN)
		return -1;
	snprintf(parent, PATH_LEN, "%.*s", (int)n, dir);
	slash = strrchr(parent, '/');
	if (!slash) {
		snprintf(base, PATH_LEN, "%s", parent);
		strcpy(parent, ".");
	} else {
		snprintf(base, PATH_LEN, "%s", slash + 1);
		if (slash == parent)
			parent[1] = '\0';
		else
			parent[slash - parent] = '\0';
	}
	return strcmp(base, ".") && strcmp(base, "..") && *base ? 0 : -1;
}

/* Whether path lies inside dir (both resolved), or is dir itself. */
static int inside(const char *dir_real, const char *path)
{
	char real[PATH_MAX];
	size_t n = strlen(dir_real);

	if (!realpath(path, real))
		return 0;
	return !strncmp(real, dir_real, n) && (real[n] == '/' || !real[n] ||
						!strcmp(dir_real, "/"));
}

int outdir_check(const char *dir, int force, const char *const *inputs,
		 int n, char *err, size_t len)
{
	char parent[PATH_LEN], base[PATH_LEN], real[PATH_MAX];
	struct stat st;
	int k;

	if (split_dir(dir, parent, base)) {
		snprintf(err, len, "%s: not a name for a results directory", dir);
		return -1;
	}
	if (lstat(dir, &st)) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, len, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, len, "%s exists and is not a directory", dir);
		return -1;
	}
	if (!realpath(dir, real)) {
		snprintf(err, len, "%s: %s", dir, strerror(errno));
		return -1;
	}
	for (k = 0; k < n; k++) {
		char in[PATH_MAX];

		if (!strcmp(inputs[k], "-") || !inside(real, inputs[k]) ||
		    !realpath(inputs[k], in))
			continue;
		if (!strcmp(in, real))
			snprintf(err, len, "%s is also an input: give another output directory",
				 dir);
		else
			snprintf(err, len, "%s holds the input %s, which replacing it would remove: give another output directory",
				 dir, inputs[k]);
		return -1;
	}
	if (!force) {
		snprintf(err, len, "%s exists (--force replaces it, and everything in it)",
			 dir);
		return -1;
	}
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A directory and everything in it, symbolic links not followed. */
static int remove_tree(const char *dir)
{
	return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* One file of r into dir; 0, or -1 with errno. */
static int write_file(const char *dir, const char *name,
		      const struct results *r)
{
	char path[TMP_LEN + 32];
	FILE *f;
	int bad;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		return -1;
	errno = 0;
	if (!strcmp(name, "meta.json"))
		write_meta_json(&r->meta, f);
	else if (!strcmp(name, "samples.csv"))
		write_samples_csv(r, f);
	else
		write_summary_csv(r, f);
	bad = ferror(f);
	if (fclose(f) || bad) {
		errno = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* The first missing ancestor of dir's parent (made by this call). */
static void first_missing(const char *parent, char out[PATH_LEN])
{
	char path[PATH_LEN], *p;
	struct stat st;

	*out = '\0';
	snprintf(path, sizeof(path), "%s", parent);
	for (;;) {
		if (!stat(path, &st))
			return;
		snprintf(out, PATH_LEN, "%s", path);
		p = strrchr(path, '/');
		if (!p || p == path)
			return;
		*p = '\0';
	}
}

/* Remove the directories made for dir's parent, innermost first. */
static void unmake(const char *parent, const char *top)
{
	char path[PATH_LEN], *p;

	if (!*top)
		return;
	snprintf(path, sizeof(path), "%s", parent);
	for (;;) {
		if (rmdir(path))
			return;
		if (!strcmp(path, top))
			return;
		p = strrchr(path, '/');
		if (!p)
			return;
		*p = '\0';
	}
}

int outdir_write(const char *dir, const struct results *r, int samples,
		 char *err, size_t len)
{
	static const char *const files[] = { "summary.csv", "meta.json",
					      "samples.csv" };
	char parent[PATH_LEN], base[PATH_LEN], tmp[TMP_LEN], made[PATH_LEN];
	const char *what = dir;
	struct stat st;
	int k, exists, any;
	size_t i;

	if (split_dir(dir, parent, base)) {
		snprintf(err, len, "%s: not a name for a results directory", dir);
		return -1;
	}
	first_missing(parent, made);
	if (outdir_make(parent) < 0) {
		snprintf(err, len, "cannot create %s: %s", parent, strerror(errno));
		unmake(parent, made);
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s/.%s.new-XXXXXX", parent, base);
	if (!mkdtemp(tmp)) {
		snprintf(err, len, "cannot create a directory in %s: %s", parent,
			 strerror(errno));
		unmake(parent, made);
		return -1;
	}
	chmod(tmp, 0777 & ~(mode_t)umask(umask(0)));
	/* No samples at all: no samples.csv (a header alone would say the
	 * cells have none, against summary.csv's n). */
	for (i = 0, any = 0; i < r->ncells; i++)
		any |= r->cells[i].n > 0;
	for (k = 0; k < 2 + (samples && any); k++) {
		what = files[k];
		if (write_file(tmp, files[k], r))
			goto fail;
	}
	what = dir;
	exists = !lstat(dir, &st);
	if (exists && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	}
	if (!exists) {
		if (rename(tmp, dir))
			goto fail;
		return 0;
	}
	/* Swapped in one step: dir is the new results, tmp the old ones. */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE)) {
		char old[TMP_LEN];

		/* A file system without exchange: out of the way, then in. */
		if (errno != EINVAL && errno != ENOSYS)
			goto fail;
		snprintf(old, sizeof(old), "%s/.%s.old-XXXXXX", parent, base);
		if (!mkdtemp(old) || rmdir(old) || rename(dir, old))
			goto fail;
		if (rename(tmp, dir)) {
			int e = errno;

			rename(old, dir);
			errno = e;
			goto fail;
		}
		snprintf(tmp, sizeof(tmp), "%s", old);
	}
	if (remove_tree(tmp)) {
		snprintf(err, len, "%s replaced; the old one, moved to %s, could not be removed: %s",
			 dir, tmp, strerror(errno));
		return -1;
	}
	return 0;
fail:
	snprintf(err, len, "%s%s%s: %s", what == dir ? "" : dir,
		 what == dir ? "" : "/", what, strerror(errno));
	remove_tree(tmp);
	unmake(parent, made);
	return -1;
}
