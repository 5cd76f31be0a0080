/* The option parser of the snplp program (opt.h). */
#include "opt.h"

#include <string.h>

/* getopt_long()'s code for the long option specs[i] (above every character). */
#define LONG_CODE(i) (256 + (int)(i))

void opt_init(opt_parser *p, const opt_spec *specs, size_t count, opt_order order, int argc,
              char **argv)
{
    size_t nlong = 0, nshort = 0;
    memset(p, 0, sizeof *p);
    p->argc = argc;
    p->argv = argv;
    p->specs = specs;
    p->count = count < OPT_MAX_SPECS ? count : OPT_MAX_SPECS;
    p->order = order;
    /* '+': stop at the first argument; '-': give back arguments in order (both whatever
     * POSIXLY_CORRECT says); ':': no message, and ':' for a missing value */
    p->shortopts[nshort++] = order == OPT_OPTIONS_FIRST ? '+' : '-';
    p->shortopts[nshort++] = ':';
    for (size_t i = 0; i < p->count; i++) {
        const opt_spec *s = &specs[i];
        bool value = (s->flags & OPT_VALUE) != 0;
        if (s->name[1] == '-') {
            p->longopts[nlong++] = (struct option){
                s->name + 2, value ? required_argument : no_argument, NULL, LONG_CODE(i)};
        } else {
            p->shortopts[nshort++] = s->name[1];
            if (value)
                p->shortopts[nshort++] = ':';
        }
    }
    opterr = 0;
    optind = 0; /* glibc: start a new scan */
}

/* The option of @p p that @p text names as the program spells it, or NULL; *equals_value is
 * what follows '=' in "--at=VALUE" or "-o=VALUE", NULL for other forms. */
static const opt_spec *spelt(const opt_parser *p, const char *text, const char **equals_value)
{
    *equals_value = NULL;
    for (size_t i = 0; i < p->count; i++) {
        const opt_spec *s = &p->specs[i];
        size_t len = strlen(s->name);
        if (strncmp(text, s->name, len) != 0)
            continue;
        if (text[len] == '\0')
            return s;
        if (text[len] == '=' && (s->flags & OPT_VALUE) &&
            (s->name[1] == '-' || (s->flags & OPT_EQUALS))) {
            *equals_value = text + len + 1;
            return s;
        }
    }
    return NULL;
}

opt_result opt_next(opt_parser *p)
{
    if (p->options_done) {
        if (p->order == OPT_ANY_ORDER && p->next < p->argc) {
            p->value = p->argv[p->next++];
            return OPT_ARG;
        }
        return OPT_END;
    }
    /* the argument getopt_long() reads now (optind is 0 before the first call): the parse
     * stops at the first error, so it is never inside a group of short options */
    int at = optind > 0 ? optind : 1;
    int c = getopt_long(p->argc, p->argv, p->shortopts, p->longopts, NULL);
    p->text = at < p->argc ? p->argv[at] : NULL;
    p->value = NULL;
    if (c == -1) {
        /* in these orders getopt_long() permutes nothing: optind is past "--" if it ended the
         * options, else at the first argument */
        p->options_done = true;
        p->rest = p->next = optind;
        return p->order == OPT_ANY_ORDER ? opt_next(p) : OPT_END;
    }
    if (c == 1) {
        p->value = optarg;
        return OPT_ARG;
    }
    const char *equals_value;
    const opt_spec *s = spelt(p, p->text, &equals_value);
    if (!s || c == '?')
        return OPT_UNKNOWN;
    if (c == ':')
        return OPT_MISSING;
    p->id = s->id;
    if (s->flags & OPT_VALUE)
        p->value = equals_value ? equals_value : optarg;
    return OPT_OPTION;
}
