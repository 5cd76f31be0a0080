/* The option parser of the snplp program: a small layer over getopt_long() (glibc), shared by
 * every command.
 *
 * getopt_long() scans the arguments: it tells options from arguments ("-" is an argument), ends
 * the options at "--", takes an option's value from the next argument whatever it looks like
 * ("--at --csv" gives --at the value "--csv") and says when that argument is missing. The
 * program spells each option one way only, which this layer checks on the text of the argument
 * (getopt_long() alone would take more):
 *   - a long option exactly as named, "--strict"; one with a value as "--at VALUE" or
 *     "--at=VALUE". No abbreviation: "--thr" is an unknown option, not "--threshold";
 *   - a short option alone in its argument, "-o VALUE", and "-o=VALUE" where the option has
 *     #OPT_EQUALS; never "-oVALUE" nor several short options in one argument.
 * Nothing is printed: the command words its own messages.
 *
 * One parser at a time: getopt_long()'s state is global. */
#ifndef SNPLP_TOOLS_OPT_H
#define SNPLP_TOOLS_OPT_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

/* An option of a command. */
typedef struct opt_spec {
    int id;           /* what opt_next() gives back in opt_parser.id */
    const char *name; /* "--strict", "--at" or "-o" */
    unsigned flags;   /* OPT_VALUE, OPT_EQUALS */
} opt_spec;

enum {
    OPT_VALUE = 1u << 0,  /* the option takes a value */
    OPT_EQUALS = 1u << 1, /* a short option with a value may also be written -o=VALUE */
};

/* Where a command's options may stand. */
typedef enum opt_order {
    OPT_OPTIONS_FIRST, /* before the arguments: the first argument ends them (validate) */
    OPT_ANY_ORDER,     /* anywhere, options and arguments come back in order (report) */
} opt_order;

/* What opt_next() found. */
typedef enum opt_result {
    OPT_END,     /* nothing more (see opt_parser.rest and .text for OPT_OPTIONS_FIRST) */
    OPT_OPTION,  /* an option: .id, .value (NULL for an option without value), .text */
    OPT_ARG,     /* an argument (OPT_ANY_ORDER only): .value */
    OPT_UNKNOWN, /* .text is not an option of the command (or not spelt as one) */
    OPT_MISSING, /* .text is an option that takes a value, and the last argument */
} opt_result;

#define OPT_MAX_SPECS 12

typedef struct opt_parser {
    int argc;
    char **argv;
    const opt_spec *specs;
    size_t count;
    opt_order order;
    struct option longopts[OPT_MAX_SPECS + 1];
    char shortopts[2 * OPT_MAX_SPECS + 3];
    bool options_done; /* getopt_long() has nothing more: arguments only */
    int next;          /* after options_done: the next argument to give back */

    /* the last result */
    int id;            /* OPT_OPTION: the option's opt_spec.id */
    const char *value; /* OPT_OPTION: its value; OPT_ARG: the argument */
    const char *text;  /* OPT_OPTION, OPT_UNKNOWN, OPT_MISSING: the argument as given; OPT_END
                        * (OPT_OPTIONS_FIRST): what ended the options, "--" or the first
                        * argument, NULL if nothing did */
    int rest;          /* OPT_END (OPT_OPTIONS_FIRST): the index in argv of the first argument
                        * after the options (and after "--") */
} opt_parser;

/* Prepares to parse @p argv, whose first element is the command's name (skipped), with the
 * @p count (at most #OPT_MAX_SPECS) options of @p specs. */
void opt_init(opt_parser *p, const opt_spec *specs, size_t count, opt_order order, int argc,
              char **argv);

/* The next option or argument. After OPT_UNKNOWN or OPT_MISSING, stop: the parse is over. */
opt_result opt_next(opt_parser *p);

#endif
