// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the readers of result files and module output
 * (bench/results.c). The first byte picks the reader: samples.csv,
 * meta.json, the module's samples or info format, summary.csv. Statistics are then
 * computed over whatever was read, as the CLI would.
 */
#include <stdint.h>
#include <stdio.h>
#include "../../bench/results.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	switch (data[0] % 5) {
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
	default:
		if (!read_summary_csv(&r, f, err, sizeof(err)))
			results_stats(&r);
		break;
	}
	fclose(f);
	results_free(&r);
	return 0;
}
