#!/usr/bin/env python3
"""tests/check-manpage.py CLI MANPAGE: the man page against the CLI's help.

Renders MANPAGE as a reader sees it (groff -man, plain text, one line per
paragraph) and compares it with what `CLI --help` and `CLI VERB --help`
print:

- every verb of `CLI --help` has a SYNOPSIS line and an entry in VERBS,
  and the man page names no other verb;
- for each verb, the options its --help prints are exactly the options
  of its SYNOPSIS lines and exactly the tags of its OPTIONS subsection;
- the options `CLI --help` prints are exactly those of the SYNOPSIS lines
  without a verb and the tags of OPTIONS before its first subsection.

Prints "ok NAME" or "FAIL NAME: why" per check.
"""
import re
import subprocess
import sys

# An option as printed: -x or --word, not inside a word (n-1, x-axis).
OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def options(text):
    """The options named in TEXT."""
    return set(OPTION.findall(text))


def run(*args):
    """stdout of a command that must succeed."""
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def render(manpage):
    """MANPAGE as plain text, wide enough that no paragraph wraps."""
    return run("groff", "-man", "-Tascii", "-P-cbou", "-rLL=1000n", manpage)


def sections(text):
    """{SECTION: [lines]} and {SUBSECTION of OPTIONS: [lines]}."""
    secs, subs, cur, sub = {}, {}, None, None
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Z ]+$", line):
            cur, sub = line.strip(), None
            secs[cur] = []
        elif cur == "OPTIONS" and re.match(r"^   \S", line):
            sub = line.strip()
            subs[sub] = []
        elif cur is not None:
            (subs[sub] if sub else secs[cur]).append(line)
    return secs, subs


def tags(lines):
    """Options of the tag lines of a list (indented by 7, not 14)."""
    found = set()
    for line in lines:
        if re.match(r"^ {7}\S", line):
            found |= options(line)
    return found


def main():
    cli, manpage = sys.argv[1], sys.argv[2]
    failed = 0

    def check(name, good, why):
        nonlocal failed
        if good:
            print("ok " + name)
        else:
            failed += 1
            print("FAIL %s: %s" % (name, why))

    top = run(cli, "--help")
    verbs = re.findall(r"^  ([a-z][a-z-]*)  ", top, re.M)
    check("manpage_help_lists_verbs", len(verbs) >= 7, "verbs: %s" % verbs)
    secs, subs = sections(render(manpage))
    synopsis = [l.strip() for l in secs.get("SYNOPSIS", []) if l.strip()]
    by_verb = {}
    for line in synopsis:
        words = line.split()
        verb = words[1] if len(words) > 1 and not words[1].startswith(("-", "[")) else ""
        by_verb.setdefault(verb, []).append(line)
    verb_tags = [l.split()[0] for l in secs.get("VERBS", []) if re.match(r"^ {7}\S", l)]

    extra = set(by_verb) - set(verbs) - {""}
    check("manpage_synopsis_verbs_exist", not extra, "not verbs of the CLI: %s" % sorted(extra))
    extra = set(verb_tags) - set(verbs)
    check("manpage_verbs_section_exist", not extra, "not verbs of the CLI: %s" % sorted(extra))
    for verb in verbs:
        t = verb.replace("-", "_")
        check("manpage_synopsis_has_" + t, verb in by_verb, "no SYNOPSIS line")
        check("manpage_verbs_has_" + t, verb in verb_tags, "not in VERBS")
        want = options(run(cli, verb, "--help"))
        syn = set().union(*[options(" ".join(l.split()[2:])) for l in by_verb.get(verb, [])])
        check("manpage_synopsis_options_" + t, want == syn,
              "help %s, synopsis %s" % (sorted(want), sorted(syn)))
        opt = tags(subs.get(verb, []))
        check("manpage_options_" + t, want == opt,
              "help %s, OPTIONS %s" % (sorted(want), sorted(opt)))
    want = options(top)
    syn = set().union(*[options(l) for l in by_verb.get("", [])])
    opt = tags(secs.get("OPTIONS", []))
    check("manpage_global_options", want == syn == opt,
          "help %s, synopsis %s, OPTIONS %s" % (sorted(want), sorted(syn), sorted(opt)))
    for name in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
                 "FILES", "EXAMPLES", "SEE ALSO"):
        check("manpage_section_" + name.lower().replace(" ", "_"), name in secs, "missing")
    files = "\n".join(secs.get("FILES", []))
    check("manpage_files_debugfs", "/sys/kernel/debug/hvcbench" in files, "no debugfs path")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
