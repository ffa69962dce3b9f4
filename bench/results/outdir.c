// SPDX-License-Identifier: GPL-2.0
/*
 * summary.csv and meta.json of a results directory replaced together:
 * each written to a hidden file beside its place, and only once both are
 * whole are they renamed over the old ones; a failure before that leaves
 * the directory as it was.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "outdir.h"

#define PATH_LEN 4096

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

/* One file of r into a new dir/.NAME.XXXXXX (its path in tmp); 0 or -1. */
static int write_temp(const char *dir, const char *name,
		      const struct results *r, char tmp[PATH_LEN])
{
	mode_t mask = umask(0);
	FILE *f;
	int fd, bad;

	umask(mask);	/* read back: the mode fopen() would have given */
	snprintf(tmp, PATH_LEN, "%s/.%s.XXXXXX", dir, name);
	fd = mkstemp(tmp);
	if (fd < 0) {
		*tmp = '\0';
		return -1;
	}
	f = fdopen(fd, "w");
	if (!f || fchmod(fd, 0666 & ~mask)) {
		if (f)
			fclose(f);
		else
			close(fd);
		return -1;
	}
	if (!strcmp(name, "meta.json"))
		write_meta_json(&r->meta, f);
	else
		write_summary_csv(r, f);
	bad = ferror(f);
	return fclose(f) || bad ? (errno = errno ? errno : EIO, -1) : 0;
}

/* dir/name is a file or missing: a rename onto it will not be refused. */
static int replaceable(const char *dir, const char *name)
{
	char path[PATH_LEN];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(path, &st))
		return errno == ENOENT ? 0 : -1;
	return S_ISDIR(st.st_mode) ? (errno = EISDIR, -1) : 0;
}

int outdir_replace(const char *dir, const struct results *r, char *err,
		   size_t len)
{
	char sum[PATH_LEN] = "", meta[PATH_LEN] = "", path[PATH_LEN];
	const char *what = dir;
	int made = outdir_make(dir);

	if (made < 0)
		goto fail;
	what = "summary.csv";
	if (replaceable(dir, what) || write_temp(dir, what, r, sum))
		goto fail;
	what = "meta.json";
	if (replaceable(dir, what) || write_temp(dir, what, r, meta))
		goto fail;
	/* Both whole: into place, then the old samples out. */
	snprintf(path, sizeof(path), "%s/meta.json", dir);
	if (rename(meta, path))
		goto fail;
	*meta = '\0';
	what = "summary.csv";
	snprintf(path, sizeof(path), "%s/summary.csv", dir);
	if (rename(sum, path))
		goto fail;
	what = "samples.csv";
	snprintf(path, sizeof(path), "%s/samples.csv", dir);
	if (unlink(path) && errno != ENOENT)
		goto fail;
	return 0;
fail:
	snprintf(err, len, "%s%s%s: %s", what == dir ? "" : dir,
		 what == dir ? "" : "/", what, strerror(errno));
	if (*sum)
		unlink(sum);
	if (*meta)
		unlink(meta);
	if (made > 0)
		rmdir(dir);
	return -1;
}
