// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the readers of result files and module output
 * (bench/results/results.c). The first byte picks the reader: samples.csv,
 * meta.json, the module's samples or info format, summary.csv, LAVA's
 * results (bench/lava/: a job log, CSV or YAML, made into cells as
 * lava-import does). Statistics are then computed over whatever was read,
 * as the CLI would.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "../../bench/lava/lava.h"
#include "../../bench/results/results.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* lava-import's path: the input read, judged, and written out. */
static void lava_case(const uint8_t *data, size_t size)
{
	struct lava_opts o = { NULL, NULL, NULL };
	struct lava_job j;
	struct results r;
	char err[256], *text = NULL;
	size_t len = 0;
	FILE *out;

	lava_job_init(&j);
	if (!lava_read(&j, (const char *)data, size, err, sizeof(err)) &&
	    !lava_results(&j, &o, &r, err, sizeof(err), NULL)) {
		out = open_memstream(&text, &len);
		if (out) {
			write_summary_csv(&r, out);
			write_meta_json(&r.meta, out);
			fclose(out);
		}
		free(text);
		results_free(&r);
	}
	lava_job_free(&j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct results r;
	char err[256];
	FILE *f;

	if (!size)
		return 0;
	f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r");
	if (!f)
		return 0;
	results_init(&r);
	switch (data[0] % 6) {
	case 0:
		if (!read_samples_csv(&r, f, err, sizeof(err)))
			results_stats(&r);
		break;
	case 1:
		read_meta_json(&r.meta, f, err, sizeof(err));
		break;
	case 2:
		if (!parse_module_samples(&r, f, err, sizeof(err)))
			results_stats(&r);
		break;
	case 3:
		parse_module_info(&r.meta, f);
		break;
	case 5:
		lava_case(data + 1, size - 1);
		break;
	default:
		if (!read_summary_csv(&r, f, err, sizeof(err)))
			results_stats(&r);
		break;
	}
	fclose(f);
	results_free(&r);
	return 0;
}
