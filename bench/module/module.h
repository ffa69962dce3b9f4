/* SPDX-License-Identifier: GPL-2.0 */
/* The module's debugfs interface, seen from user space. */
#ifndef HVCB_MODULE_H
#define HVCB_MODULE_H

#include <stddef.h>
#include "results.h"

/* The directory: $HVCBENCH_DEBUGFS, else /sys/kernel/debug/hvcbench. */
const char *module_dir(void);

/* 0 if the module answers; else -1 and a user-facing reason in err. */
int module_check(char *err, size_t len);

/* Write a spec to "run" or "loop"; -1 and a reason on failure. */
int module_write(const char *file, const char *spec, char *err, size_t len);

int module_read_info(struct meta *m, char *err, size_t len);
/* A run: the spec to "run", that run's samples back from it. */
int module_run(const char *spec, struct results *r, char *err, size_t len);

#endif
