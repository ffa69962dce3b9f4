// SPDX-License-Identifier: GPL-2.0
/* Talking to /sys/kernel/debug/hvcbench: plain reads and writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "module.h"

const char *module_dir(void)
{
	const char *d = getenv("HVCBENCH_DEBUGFS");

	return d && *d ? d : "/sys/kernel/debug/hvcbench";
}

static void path_of(char *buf, size_t len, const char *file)
{
	snprintf(buf, len, "%s/%s", module_dir(), file);
}

/* debugfs is a mount of its own: another device than /sys/kernel. */
static int debugfs_mounted(void)
{
	struct stat a, b;

	if (stat("/sys/kernel/debug", &a) || stat("/sys/kernel", &b))
		return 0;
	return a.st_dev != b.st_dev;
}

int module_check(char *err, size_t len)
{
	char path[4096];

	path_of(path, sizeof(path), "info");
	if (access(path, F_OK) == 0) {
		if (access(path, R_OK) == 0)
			return 0;
		snprintf(err, len, "%s: permission denied: the module's files are root-only, run as root",
			 path);
		return -1;
	}
	if (errno == EACCES) {
		snprintf(err, len, "%s: permission denied: debugfs is root-only, run as root",
			 module_dir());
		return -1;
	}
	if (!getenv("HVCBENCH_DEBUGFS") && !debugfs_mounted()) {
		snprintf(err, len, "debugfs is not mounted: mount -t debugfs none /sys/kernel/debug");
		return -1;
	}
	snprintf(err, len, "%s not found: load the module first: insmod hvcbench.ko run_at_load=0",
		 module_dir());
	return -1;
}

static int write_spec(int fd, const char *path, const char *spec, char *err,
		      size_t len)
{
	ssize_t n = write(fd, spec, strlen(spec));
	int e = errno;

	if (n == (ssize_t)strlen(spec))
		return 0;
	if (n < 0 && e == EINVAL)
		snprintf(err, len, "the module refused \"%.*s\" (EINVAL): is the CPU online, the total sample count within its limit?",
			 (int)strcspn(spec, "\n"), spec);
	else if (n < 0 && e == ESTALE)
		snprintf(err, len, "the kernel's hyp stub changed ABI since the module was loaded (ESTALE): reload hvcbench.ko");
	else
		snprintf(err, len, "%s: %s", path, n < 0 ? strerror(e) : "short write");
	return -1;
}

int module_write(const char *file, const char *spec, char *err, size_t len)
{
	char path[4096];
	int fd, ret;

	path_of(path, sizeof(path), file);
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	ret = write_spec(fd, path, spec, err, len);
	close(fd);
	return ret;
}

static FILE *open_file(const char *file, char *err, size_t len)
{
	char path[4096];
	FILE *f;

	path_of(path, sizeof(path), file);
	f = fopen(path, "r");
	if (!f)
		snprintf(err, len, "%s: %s", path, strerror(errno));
	return f;
}

int module_read_info(struct meta *m, char *err, size_t len)
{
	FILE *f = open_file("info", err, len);
	int ret;

	if (!f)
		return -1;
	ret = parse_module_info(m, f);
	fclose(f);
	if (ret)
		snprintf(err, len, "info: too many or too long entries");
	return ret;
}

/* Write the spec to "run" and read that run's samples back, one open. */
int module_run(const char *spec, struct results *r, char *err, size_t len)
{
	char path[4096];
	FILE *f;
	int fd, ret;

	path_of(path, sizeof(path), "run");
	fd = open(path, O_RDWR);
	if (fd < 0) {
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (write_spec(fd, path, spec, err, len)) {
		close(fd);
		return -1;
	}
	f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		snprintf(err, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	ret = parse_module_samples(r, f, err, len);
	fclose(f);
	return ret;
}
