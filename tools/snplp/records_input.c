/* What the commands on training records share (records_input.h). */
#include "records_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const char *kind_text(cli_doc_kind kind)
{
    return kind == CLI_DOC_REFERENTIAL   ? "a referential"
           : kind == CLI_DOC_CONVENTIONS ? "conventions"
           : kind == CLI_DOC_RECORDS     ? "training records"
                                         : "not a document of the format";
}

/* Opens @p path and tells its kind; when it is a document of the format of another kind than
 * @p want, prints the usage error of @p cmd (@p role: "REFERENTIAL", "RECORDS") and returns 2;
 * 1 if it cannot be opened; else 0 with @p in open. */
static int open_expecting(cli_input *in, const char *cmd, const char *path, cli_doc_kind want,
                          const char *role, const char *hint)
{
    if (cli_input_open(in, path, stderr) != 0)
        return 1;
    cli_doc_kind kind = cli_input_kind(in);
    /* an LHEO document is not of the format either: the import says what is wrong with it */
    if (kind != want && kind != CLI_DOC_UNKNOWN && kind != CLI_DOC_LHEO) {
        cli_input_close(in);
        return cli_usage_error(cmd, "%s %s holds %s, not %s%s", role,
                               strcmp(path, "-") == 0 ? "(standard input)" : path, kind_text(kind),
                               kind_text(want), hint);
    }
    return 0;
}

/* Reads the referential of @p in from @p path (NULL: the built-in one). */
bool cli_records_keep_invalid = false;

static int load_referential(cli_records_input *in, const char *cmd, const char *path,
                            snplp_diagnostics *diags, snplp_import_options *options)
{
    if (!path) {
        int rc = snplp_referential_builtin(&in->ref);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp %s: the built-in referential: %s\n", cmd,
                    snplp_error_last_reason());
            return 1;
        }
        return 0;
    }
    cli_input file;
    int status = open_expecting(&file, cmd, path, CLI_DOC_REFERENTIAL, "REFERENTIAL",
                                " (give the referential first, or --builtin for the built-in one)");
    if (status != 0)
        return status;
    snplp_diagnostics_clear(diags);
    int rc = snplp_import_options_set_progress(options, cli_input_progress, &file);
    if (rc == SNPLP_OK)
        rc = snplp_import_options_set_keep_invalid(options, cli_records_keep_invalid);
    if (rc == SNPLP_OK)
        rc = snplp_referential_import_callback(&in->ref, diags, cli_input_read, &file, path,
                                               options);
    snplp_import_options_set_keep_invalid(options, false); /* the records: as always */
    cli_input_close(&file);
    cli_print_findings(stderr, path, diags, rc);
    return rc == SNPLP_OK ? 0 : 1;
}

/* Prints the findings of validation of @p diags (from @p file) on standard error, and keeps
 * the worst severity. */
static void note_validation(cli_records_input *in, const char *file, const snplp_diagnostics *diags,
                            bool show)
{
    for (size_t i = 0; i < snplp_diagnostics_count(diags); i++) {
        int sev = (int)snplp_diagnostic_severity(snplp_diagnostics_at(diags, i));
        if (sev > in->worst_finding)
            in->worst_finding = sev;
    }
    if (show)
        cli_print_findings(stderr, file, diags, SNPLP_OK);
}

/* Reads and validates the records of @p path into in->records[in->count]. Returns 0, 1 or 2
 * as cli_records_load(). */
static int load_records(cli_records_input *in, const char *cmd, const char *path,
                        snplp_diagnostics *diags, snplp_import_options *options, bool show)
{
    cli_input file;
    int status = open_expecting(&file, cmd, path, CLI_DOC_RECORDS, "RECORDS", "");
    if (status != 0)
        return status;
    snplp_records *records = NULL;
    snplp_diagnostics_clear(diags);
    int rc = snplp_import_options_set_progress(options, cli_input_progress, &file);
    if (rc == SNPLP_OK)
        rc = snplp_records_import_callback(&records, diags, cli_input_read, &file, path, options);
    cli_input_close(&file);
    cli_print_findings(stderr, path, diags, rc);
    if (rc != SNPLP_OK)
        return 1;
    snplp_diagnostics_clear(diags);
    rc = snplp_records_validate(records, in->ref, diags);
    if (rc != SNPLP_OK && rc != SNPLP_EVALIDATION) {
        fprintf(stderr, "snplp %s: %s: %s\n", cmd, path, snplp_error_last_reason());
        snplp_records_unref(records);
        return 1;
    }
    note_validation(in, path, diags, show);
    in->records[in->count] = records;
    in->files[in->count++] = path;
    return 0;
}

int cli_records_load(cli_records_input *in, const char *cmd, const char *ref_path,
                     const char *const *paths, int count, bool show_validation)
{
    snplp_diagnostics *diags = NULL;
    snplp_import_options *options = NULL;
    int status = 0;
    memset(in, 0, sizeof *in);
    in->worst_finding = -1;
    in->ref_path = ref_path;
    if (snplp_diagnostics_new(&diags) != SNPLP_OK ||
        snplp_import_options_new(&options) != SNPLP_OK ||
        !(in->records = calloc((size_t)count + 1, sizeof *in->records)) ||
        !(in->files = calloc((size_t)count + 1, sizeof *in->files))) {
        fprintf(stderr, "snplp %s: out of memory\n", cmd);
        status = 1;
    }
    if (status == 0)
        status = load_referential(in, cmd, ref_path, diags, options);
    for (int i = 0; i < count && status != 2 && in->ref; i++) {
        int got = load_records(in, cmd, paths[i], diags, options, show_validation);
        if (got > status)
            status = got;
    }
    snplp_diagnostics_free(diags);
    snplp_import_options_free(options);
    if (status != 0)
        cli_records_free(in);
    return status;
}

void cli_records_free(cli_records_input *in)
{
    for (size_t i = 0; i < in->count; i++)
        snplp_records_unref(in->records[i]);
    snplp_referential_unref(in->ref);
    free(in->records);
    free(in->files);
    memset(in, 0, sizeof *in);
    in->worst_finding = -1;
}

const char *cli_records_ref_name(const cli_records_input *in, char *buf, size_t size)
{
    if (!in->ref_path)
        snprintf(buf, size, "the built-in referential");
    else
        snprintf(buf, size, "the referential %s",
                 strcmp(in->ref_path, "-") == 0 ? "(standard input)" : in->ref_path);
    return buf;
}

bool cli_parse_date(snplp_date *out, const char *cmd, const char *option, const char *text)
{
    if (snplp_date_parse(out, text) == SNPLP_OK)
        return true;
    cli_usage_error(cmd, "%s %s: not a date YYYY-MM-DD: %s", option, text,
                    snplp_error_last_reason());
    return false;
}
