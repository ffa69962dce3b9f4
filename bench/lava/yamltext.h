/* SPDX-License-Identifier: GPL-2.0 */
/* YAML scalars and flow values, as LAVA's logs and lavacli write them. */
#ifndef HVCB_YAMLTEXT_H
#define HVCB_YAMLTEXT_H

/*
 * The scalar at p (before e): an optional tag, then a double-quoted,
 * single-quoted or plain scalar (in flow, plain text stops at , } or ]),
 * decoded into out, which has room for 3 bytes per input byte. Returns
 * the position after it (and the blanks after plain text), or NULL when
 * it does not end before e or has a bad escape.
 */
const char *yaml_scalar(const char *p, const char *e, int flow, char *out);

/* Past one flow value of any shape ({..}, [..] or a scalar); NULL if it
 * does not end before e. scratch as out above. */
const char *yaml_skip_value(const char *p, const char *e, char *scratch);

#endif
