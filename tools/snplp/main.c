/* snplp: the command-line program of libsnplp.
 *
 *   snplp validate [--strict] [--quiet] [--referential REF] [--lheo-schema XSD] FILE...
 *                                                      every finding of any document of the
 *                                                      format, or of an LHEO document
 *   snplp export-builtin [--quiet] [-o FILE]           the built-in referential as XML
 *   snplp report [--at DATE] [--threshold PERCENT] [--each] [--fail-on error|warning] FILE...
 *                                                      matrix or synthesis, reports, credits,
 *                                                      coherence findings
 *   snplp report --csv [--dialect fr|intl] [--quiet] [-o FILE] FILE...
 *                                                      the conventions' values as CSV
 *   snplp import-csv [--dialect fr|intl] [--quiet] CONV.xml VALUES.csv -o OUT.xml
 *                                                      values merged into conventions
 *   snplp export-lheo [--all-or-nothing] [--quiet] [-o FILE] CATALOGUE|--builtin [RECORDS]
 *                                                      the offers as an LHEO 2.3 document
 *   snplp import-lheo [--accept-matches] [--min-score N] [--themes REFERENTIAL]
 *                     [--lheo-schema XSD] [--quiet] LHEO.xml -o CATALOGUE.xml [-r RECORDS.xml]
 *                                                      an LHEO 2.3 feed as a catalogue and
 *                                                      training records
 *   snplp --help | --version, snplp COMMAND --help
 *   --lang fr|en anywhere before "--": the language of the findings' messages (else the
 *   environment: LC_ALL, LC_MESSAGES, LANG; docs/messages.md)
 *
 * The help texts live in help.c, the one source of --help and of the man page snplp(1)
 * (generated from them by gen_man.c at build time). One file per command (cmd_*.c, cmd.h), one
 * option parser over getopt_long() (opt.c), what the commands share in common.c (inputs read
 * through a callback, "-" for standard input or output, outputs checked against inputs);
 * report_table.c prints the text report, termtext.c measures and wraps text for a terminal.
 * Only the public API of libsnplp (<snplp/...>).
 *
 * validate prints its findings on standard output (they are its output); report and import-csv
 * print the findings of the files they read on standard error, so that standard output holds
 * only the report or the CSV.
 *
 * Exit status: 0 success (validate: no error; warnings allowed; report: coherence findings are
 * part of the report), 1 a file cannot be read or has errors (report: no report then;
 * import-csv: nothing written), or an output could not be written, 2 wrong usage, 3 report
 * --fail-on: findings of that severity (the report is printed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"validate", cmd_validate},       {"export-builtin", cmd_export_builtin},
    {"report", cmd_report},           {"import-csv", cmd_import_csv},
    {"coverage", cmd_coverage},       {"eligibility", cmd_eligibility},
    {"export-lheo", cmd_export_lheo}, {"import-lheo", cmd_import_lheo},
};

/* The language of the messages from the environment, as POSIX orders it: LC_ALL, else
 * LC_MESSAGES, else LANG (the first one set and not empty). A locale of another language than
 * French or English gives English. */
static void language_from_environment(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            snplp_language lang = SNPLP_LANGUAGE_EN;
            if (snplp_language_from_locale(v, &lang) == SNPLP_OK)
                snplp_language_set_default(lang);
            return;
        }
    }
}

/* Takes --lang VALUE (or --lang=VALUE) out of argv, anywhere before "--", and sets the
 * language: 0, or 2 after a usage error (a value that is not fr or en, or none). */
static int take_lang_option(int *argc, char **argv)
{
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        /* the command a usage error names: the first word, when --lang comes after it */
        const char *cmd = i > 1 && argv[1][0] != '-' ? argv[1] : NULL;
        const char *value = NULL;
        int used = 0;
        if (strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= *argc)
                return cli_usage_error(cmd, "--lang needs a value: fr or en");
            value = argv[i + 1];
            used = 2;
        } else if (strncmp(argv[i], "--lang=", 7) == 0) {
            value = argv[i] + 7;
            used = 1;
        } else {
            continue;
        }
        if (strcmp(value, "fr") != 0 && strcmp(value, "en") != 0)
            return cli_usage_error(cmd, "--lang %s: the languages are fr and en", value);
        snplp_language_set_default(strcmp(value, "fr") == 0 ? SNPLP_LANGUAGE_FR
                                                            : SNPLP_LANGUAGE_EN);
        for (int k = i; k + used <= *argc; k++) /* (argv[argc] is NULL: moved too) */
            argv[k] = argv[k + used];
        *argc -= used;
        i--;
    }
    return 0;
}

int main(int argc, char **argv)
{
    language_from_environment();
    if (take_lang_option(&argc, argv) != 0)
        return 2;
    if (argc < 2)
        return cli_usage_error(NULL, "no command given");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        cli_print_help(stdout);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("snplp %s (XML namespace %s)\n", snplp_version(), SNPLP_XML_NAMESPACE);
        printf("libsnplp %s, XML format %s, ICU %s, libxml2 %s\n", snplp_version(),
               SNPLP_XML_NAMESPACE, snplp_dependency_version("icu"),
               snplp_dependency_version("libxml2"));
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_usage_error(NULL, "unknown command %s", cmd);
}
