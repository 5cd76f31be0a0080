/* snplp validate [--strict] [--quiet] [--referential REF] [--lheo-schema XSD] FILE...: reads
 * each FILE ("-": standard input) as a document of the format of any kind (told by its root
 * element: a referential, a file of conventions, training records), or as an LHEO 2.3 document
 * (root <lheo> in the LHEO namespace: read with the LHEO import, lheo.h, and validated against
 * the XML Schema XSD as it streams with --lheo-schema), prints every finding on standard output
 * as FILE:LINE:COL: severity: [code] message, then (unless --quiet) "FILE: KIND: N errors, N
 * warnings" (for LHEO without --lheo-schema, followed by "; not checked against the official
 * schema (--lheo-schema)"); exit 1 if any file has an error. Training records that import are
 * then checked with snplp_records_validate() against the referential REF (the built-in one by
 * default, read only when a FILE holds records). The options come first: the first FILE ends
 * them ("validate FILE --strict" reads a file named --strict). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <snplp/records.h>
#include <snplp/records_validate.h>
#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"

enum { OPT_STRICT, OPT_QUIET, OPT_REFERENTIAL, OPT_LHEO_SCHEMA, OPT_HELP };

/* The referential that records are checked against: REF of --referential, or the built-in one,
 * read on first use. */
typedef struct rules_ref {
    const char *path; /* NULL: the built-in referential */
    snplp_referential *ref;
    bool failed; /* it could not be read: said once, records are then only imported */
} rules_ref;

/* The referential of @p rr, read on first call (NULL if it cannot be read: what is wrong with
 * it printed on standard output once, under its path, and *failed set). */
static const snplp_referential *rules_referential(rules_ref *rr, snplp_import_options *options)
{
    if (rr->ref || rr->failed)
        return rr->ref;
    int rc;
    if (!rr->path) {
        rc = snplp_referential_builtin(&rr->ref);
        if (rc != SNPLP_OK)
            printf("snplp validate: the built-in referential: %s\n", snplp_error_last_reason());
    } else {
        cli_input in;
        snplp_diagnostics *diags = NULL;
        rc = cli_input_open(&in, rr->path, stdout) == 0 ? SNPLP_OK : SNPLP_EIO;
        if (rc == SNPLP_OK) {
            if (cli_input_kind(&in) == CLI_DOC_REFERENTIAL) {
                rc = snplp_diagnostics_new(&diags);
                if (rc == SNPLP_OK)
                    rc = snplp_import_options_set_progress(options, cli_input_progress, &in);
                if (rc == SNPLP_OK)
                    rc = snplp_referential_import_callback(&rr->ref, diags, cli_input_read, &in,
                                                           rr->path, options);
                if (diags)
                    cli_print_findings(stdout, rr->path, diags, rc);
                else
                    printf("snplp validate: %s\n", snplp_error_last_reason());
                snplp_diagnostics_free(diags);
            } else {
                printf("%s: --referential: not a referential of the format\n", rr->path);
                rc = SNPLP_EINVAL;
            }
            cli_input_close(&in);
        }
    }
    if (rc != SNPLP_OK) {
        snplp_referential_unref(rr->ref);
        rr->ref = NULL;
        rr->failed = true;
    }
    return rr->ref;
}

/* Reads @p path into @p diags (an LHEO document with the options @p lheo); returns the import's
 * status, *kind what the document is; *opened false (and SNPLP_EIO) if the file could not be
 * opened (said on standard output). */
static int read_document(const char *path, snplp_diagnostics *diags, snplp_import_options *options,
                         const snplp_lheo_options *lheo, rules_ref *rr, cli_doc_kind *kind,
                         bool *opened)
{
    cli_input in;
    *kind = CLI_DOC_UNKNOWN;
    *opened = cli_input_open(&in, path, stdout) == 0;
    if (!*opened)
        return SNPLP_EIO;
    *kind = cli_input_kind(&in);
    int rc = snplp_import_options_set_progress(options, cli_input_progress, &in);
    if (rc == SNPLP_OK && *kind == CLI_DOC_CONVENTIONS) {
        snplp_convention_list *list = NULL;
        rc = snplp_conventions_import_callback(&list, diags, cli_input_read, &in, path, options);
        snplp_convention_list_free(list);
    } else if (rc == SNPLP_OK && *kind == CLI_DOC_RECORDS) {
        snplp_records *records = NULL;
        rc = snplp_records_import_callback(&records, diags, cli_input_read, &in, path, options);
        const snplp_referential *ref = rc == SNPLP_OK ? rules_referential(rr, options) : NULL;
        if (ref) /* else the referential could not be read: said, and counted as a failure */
            rc = snplp_records_validate(records, ref, diags);
        snplp_records_unref(records);
    } else if (rc == SNPLP_OK && *kind == CLI_DOC_LHEO) {
        snplp_referential *catalogue = NULL;
        snplp_records *records = NULL;
        rc = snplp_lheo_import_callback(&catalogue, &records, diags, cli_input_read, &in, path,
                                        options, lheo);
        snplp_referential_unref(catalogue);
        snplp_records_unref(records);
    } else if (rc == SNPLP_OK) {
        /* a referential, or what is not a document of the format: the referential's import
         * says what is wrong with it */
        snplp_referential *ref = NULL;
        rc = snplp_referential_import_callback(&ref, diags, cli_input_read, &in, path, options);
        snplp_referential_unref(ref);
    }
    cli_input_close(&in);
    return rc;
}

/* The line of a file: "FILE: KIND: N errors, N warnings" in the program's language
 * (cli/validate/summary of the library's catalogue). */
static void print_summary(const char *file, const char *kind, size_t errors, size_t warnings,
                          bool unchecked)
{
    char e[24], w[24];
    snprintf(e, sizeof e, "%zu", errors);
    snprintf(w, sizeof w, "%zu", warnings);
    const snplp_message_arg args[] = {{"file", SNPLP_PARAM_TEXT, file},
                                      {"kind", SNPLP_PARAM_CHOICE, kind},
                                      {"errors", SNPLP_PARAM_INTEGER, e},
                                      {"warnings", SNPLP_PARAM_INTEGER, w},
                                      {"unchecked", SNPLP_PARAM_CHOICE, unchecked ? "yes" : "no"}};
    char *line = NULL;
    if (snplp_message_render(snplp_language_default(), "cli/validate/summary", args,
                             sizeof args / sizeof args[0], &line) == SNPLP_OK)
        printf("%s\n", line);
    else /* (out of memory) */
        printf("%s: %s: %zu errors, %zu warnings\n", file, kind, errors, warnings);
    snplp_free(line);
}

int cmd_validate(int argc, char **argv)
{
    static const opt_spec specs[] = {{OPT_STRICT, "--strict", 0},
                                     {OPT_QUIET, "--quiet", 0},
                                     {OPT_REFERENTIAL, "--referential", OPT_VALUE},
                                     {OPT_LHEO_SCHEMA, "--lheo-schema", OPT_VALUE},
                                     {OPT_HELP, "--help", 0}};
    opt_parser p;
    opt_result r;
    bool strict = false;
    const char *lheo_schema = NULL;
    rules_ref rr = {NULL, NULL, false};
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_OPTIONS_FIRST, argc, argv);
    while ((r = opt_next(&p)) == OPT_OPTION) {
        if (p.id == OPT_HELP)
            return cli_print_command_help("validate");
        if (p.id == OPT_STRICT)
            strict = true;
        else if (p.id == OPT_REFERENTIAL)
            rr.path = p.value;
        else if (p.id == OPT_LHEO_SCHEMA)
            lheo_schema = p.value;
        else
            cli_quiet = true;
    }
    if (r == OPT_MISSING)
        return cli_usage_error("validate", "option %s needs a value", p.text);
    if (r != OPT_END)
        return cli_usage_error("validate", "unknown option %s", p.text);
    if (p.rest == argc)
        return cli_usage_error("validate", "no FILE given");
    snplp_import_options *options = NULL;
    snplp_lheo_options *lheo = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_import_options_new(&options) != SNPLP_OK ||
        snplp_import_options_set_strict(options, strict) != SNPLP_OK ||
        snplp_lheo_options_new(&lheo) != SNPLP_OK ||
        (lheo_schema && snplp_lheo_options_set_schema_file(lheo, lheo_schema) != SNPLP_OK) ||
        snplp_diagnostics_new(&diags) != SNPLP_OK) {
        fprintf(stderr, "snplp: %s\n", snplp_error_last_reason());
        snplp_lheo_options_free(lheo);
        snplp_import_options_free(options);
        return 1;
    }
    static const char *const kinds[] = {"unknown", "referential", "conventions", "records", "lheo"};
    int status = 0;
    for (int i = p.rest; i < argc; i++) {
        cli_doc_kind kind;
        bool opened;
        snplp_diagnostics_clear(diags);
        int rc = read_document(argv[i], diags, options, lheo, &rr, &kind, &opened);
        if (!opened) {
            status = 1;
            continue;
        }
        cli_print_findings(stdout, argv[i], diags, rc);
        size_t errors = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR);
        size_t warnings = snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING);
        if (rc != SNPLP_OK && errors == 0)
            errors = 1; /* the failure cli_print_findings() printed */
        if (!cli_quiet)
            print_summary(argv[i], kinds[kind], errors, warnings,
                          kind == CLI_DOC_LHEO && !lheo_schema);
        if (rc != SNPLP_OK || rr.failed)
            status = 1;
    }
    if (fflush(stdout) != 0) {
        fputs("snplp validate: writing to standard output failed\n", stderr);
        status = 1;
    }
    snplp_referential_unref(rr.ref);
    snplp_diagnostics_free(diags);
    snplp_lheo_options_free(lheo);
    snplp_import_options_free(options);
    return status;
}
