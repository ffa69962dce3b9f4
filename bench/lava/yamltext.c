// SPDX-License-Identifier: GPL-2.0
/*
 * YAML scalars as lava-dispatcher's logs and lavacli write them: a
 * double-quoted string (JSON's escapes are a subset of its), a
 * single-quoted one, or plain text, after an optional tag ("! ",
 * "!!float "). Decoded into the caller's buffer, never past the input.
 */
#include <ctype.h>
#include <string.h>
#include "yamltext.h"

/* A code point as UTF-8 (NUL and surrogates as '?'). */
static char *put_utf8(char *o, unsigned long cp)
{
	if (!cp || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		*o++ = '?';
	} else if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xc0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xe0 | cp >> 12);
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*o++ = (char)(0xf0 | cp >> 18);
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*o++ = (char)(0x80 | (cp & 0x3f));
	}
	return o;
}

/* n hex digits at p into *cp; 0, or -1 if they are not all there. */
static int hex(const char *p, const char *e, int n, unsigned long *cp)
{
	*cp = 0;
	if (e - p < n)
		return -1;
	while (n--) {
		if (!isxdigit((unsigned char)*p))
			return -1;
		*cp = *cp * 16 + (unsigned long)(isdigit((unsigned char)*p) ?
			*p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
		p++;
	}
	return 0;
}

/*
 * A YAML double-quoted scalar (JSON's escapes are a subset) from p (at
 * the quote); decoded into out, which holds 3 bytes per input byte.
 * Returns the position after the closing quote, or NULL.
 */
static const char *dq_string(const char *p, const char *e, char *out)
{
	static const char from[] = "abtnvfre \"/\\N_LP\t";
	static const unsigned short to[] = { '\a', '\b', '\t', '\n', '\v',
		'\f', '\r', 033, ' ', '"', '/', '\\', 0x85, 0xa0, 0x2028, 0x2029,
		'\t' };
	unsigned long cp;
	const char *k;
	int width;

	for (p++; p < e && *p != '"'; p++) {
		if (*p != '\\') {
			*out++ = *p;
			continue;
		}
		if (++p >= e)
			return NULL;
		width = *p == 'x' ? 2 : *p == 'u' ? 4 : *p == 'U' ? 8 : 0;
		if (width) {
			if (hex(p + 1, e, width, &cp))
				return NULL;
			out = put_utf8(out, cp);
			p += width;
			continue;
		}
		k = *p ? strchr(from, *p) : NULL;
		if (!k && *p != '0')
			return NULL;
		/* \0 cannot sit in a C string: put_utf8 makes it '?'. */
		out = put_utf8(out, k ? to[k - from] : 0);
	}
	*out = '\0';
	return p < e ? p + 1 : NULL;
}

/* A single-quoted scalar ('' is a quote) from p (at the quote). */
static const char *sq_string(const char *p, const char *e, char *out)
{
	for (p++; p < e; p++) {
		if (*p == '\'') {
			if (p + 1 < e && p[1] == '\'') {
				*out++ = *p++;
				continue;
			}
			*out = '\0';
			return p + 1;
		}
		*out++ = *p;
	}
	return NULL;
}

/* A plain scalar up to a flow indicator (in flow) or the line's end. */
static const char *plain(const char *p, const char *e, int flow, char *out)
{
	const char *s = p;

	while (p < e && !(flow && strchr(",}]", *p)))
		p++;
	while (p > s && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	memcpy(out, s, (size_t)(p - s));
	out[p - s] = '\0';
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* A scalar after an optional tag ("! ", "!!float "); out as dq_string. */
const char *yaml_scalar(const char *p, const char *e, int flow, char *out)
{
	if (p < e && *p == '!') {
		while (p < e && *p != ' ')
			p++;
		while (p < e && *p == ' ')
			p++;
	}
	if (p < e && *p == '"')
		return dq_string(p, e, out);
	if (p < e && *p == '\'')
		return sq_string(p, e, out);
	return plain(p, e, flow, out);
}

/* Past one flow value of any shape; NULL if it does not end. */
const char *yaml_skip_value(const char *p, const char *e, char *scratch)
{
	int depth = 0;

	do {
		while (p < e && *p == ' ')
			p++;
		if (p >= e)
			return NULL;
		if (*p == '{' || *p == '[') {
			depth++;
			p++;
		} else if (*p == '}' || *p == ']') {
			if (!depth--)
				return NULL;
			p++;
		} else if (*p == ',' || *p == ':') {
			p++;
		} else {
			p = yaml_scalar(p, e, 1, scratch);
			if (!p)
				return NULL;
		}
	} while (depth > 0);
	return p;
}
