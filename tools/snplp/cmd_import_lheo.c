/* snplp import-lheo [--accept-matches] [--min-score N] [--themes REFERENTIAL] [--lheo-schema XSD]
 * [--quiet] LHEO.xml -o CATALOGUE.xml [-r RECORDS.xml]: an LHEO 2.3 document (lheo.h,
 * docs/lheo.md, "Import") read as a catalogue (a referential: a module per formation) and
 * training records (the training bodies and their sessions), written (each atomically) to
 * CATALOGUE.xml and, with -r, RECORDS.xml. The findings of the reading go to standard error as
 * FILE:LINE:COL: severity: [code] message; standard output holds the table of the matches of the
 * offers to the national themes, one row per module. Exit 0 when the catalogue (and the records)
 * were written, 1 when the document cannot be read (nothing written) or an output could not be
 * written, 2 wrong usage. Options may stand anywhere. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "termtext.h"

#define CMD "import-lheo"

/* The width, in columns, of the titles in the table of the matches (longer ones are cut). */
#define TITLE_WIDTH 40

enum {
    OPT_OUT,
    OPT_RECORDS,
    OPT_ACCEPT,
    OPT_MIN_SCORE,
    OPT_THEMES,
    OPT_SCHEMA,
    OPT_QUIET,
    OPT_HELP,
};

/* Reads --min-score's value: a whole number, 0 or more. */
static bool parse_score(int *out, const char *text)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end || errno || v > INT_MAX) {
        cli_usage_error(CMD, "--min-score %s: give a whole number, 0 or more", text);
        return false;
    }
    *out = (int)v;
    return true;
}

/* Whether the outputs @p a and @p b (neither "-") are the same file: the same name, or the same
 * file under two names (or a link). */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Reads the referential of national themes @p path into *@p out. Returns 0, 1 (it cannot be
 * read: said on standard error) or 2 (another kind of document: a usage error). */
static int load_themes(snplp_referential **out, const char *path, snplp_import_options *options)
{
    cli_input in;
    if (cli_input_open(&in, path, stderr) != 0)
        return 1;
    cli_doc_kind kind = cli_input_kind(&in);
    if (kind == CLI_DOC_CONVENTIONS || kind == CLI_DOC_RECORDS || kind == CLI_DOC_LHEO) {
        cli_input_close(&in);
        return cli_usage_error(CMD, "--themes %s holds %s, not a referential",
                               strcmp(path, "-") == 0 ? "(standard input)" : path,
                               kind == CLI_DOC_CONVENTIONS ? "conventions"
                               : kind == CLI_DOC_RECORDS   ? "training records"
                                                           : "an LHEO document");
    }
    snplp_diagnostics *diags = NULL;
    int rc = snplp_diagnostics_new(&diags);
    if (rc == SNPLP_OK)
        rc = snplp_import_options_set_progress(options, cli_input_progress, &in);
    if (rc == SNPLP_OK)
        rc = snplp_referential_import_callback(out, diags, cli_input_read, &in, path, options);
    cli_input_close(&in);
    if (diags)
        cli_print_findings(stderr, path, diags, rc);
    else
        fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
    snplp_diagnostics_free(diags);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": --themes %s cannot be read: nothing imported\n", path);
        return 1;
    }
    return 0;
}

/* Prints the table of the matches (one row per module the import made, snplp_lheo_match_*())
 * to standard output, the titles from @p catalogue. Returns 0 or -1 (out of memory). */
static int print_matches(const snplp_referential *catalogue, const snplp_lheo_matches *matches)
{
    static const char *const headers[] = {"module", "title", "theme", "score", "applied", "labels"};
    static const bool right[] = {false, false, false, true, false, false};
    tt_table *t = tt_table_new(6, headers, right);
    if (!t)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < snplp_lheo_matches_count(matches) && rc == 0; i++) {
        const char *id = snplp_lheo_match_module_id(matches, i);
        const snplp_module *mod = snplp_referential_module_find(catalogue, id);
        const char *theme = snplp_lheo_match_theme_id(matches, i);
        int score = snplp_lheo_match_score(matches, i);
        char labels[1024] = "";
        for (size_t k = 0; k < snplp_lheo_match_label_count(matches, i); k++) {
            size_t used = strlen(labels);
            snprintf(labels + used, sizeof labels - used, "%s« %s »", k ? ", " : "",
                     snplp_lheo_match_label_at(matches, i, k));
        }
        char **lines = NULL;
        size_t nlines = 0;
        const char *title = mod ? snplp_module_title(mod) : NULL;
        if (tt_wrap(title ? title : "", TITLE_WIDTH, 1, &lines, &nlines) != 0)
            rc = -1;
        if (rc == 0)
            rc = tt_table_add_row(t);
        if (rc == 0)
            rc = tt_table_set(t, 0, id);
        if (rc == 0)
            rc = tt_table_set(t, 1, nlines ? lines[0] : "-");
        if (rc == 0)
            rc = tt_table_set(t, 2,
                              theme                              ? theme
                              : snplp_lheo_match_tie(matches, i) ? "(several)"
                                                                 : "-");
        if (rc == 0)
            rc = score > 0 ? tt_table_setf(t, 3, "%d", score) : tt_table_set(t, 3, "-");
        if (rc == 0)
            rc = tt_table_set(t, 4, snplp_lheo_match_applied(matches, i) ? "yes" : "no");
        if (rc == 0)
            rc = tt_table_set(t, 5, labels[0] ? labels : "-");
        if (lines)
            tt_free_lines(lines, nlines);
    }
    if (rc == 0)
        tt_table_print(t, stdout, 0);
    tt_table_free(t);
    return rc;
}

/* Imports @p path and writes the catalogue to @p out and the records to @p records_out (NULL:
 * not written). Returns the exit status. */
static int import(const char *path, const char *out, const char *records_out, bool accept,
                  int min_score, const char *themes_path, const char *schema)
{
    snplp_import_options *options = NULL;
    snplp_lheo_options *lheo = NULL;
    snplp_lheo_matches *matches = NULL;
    snplp_diagnostics *diags = NULL;
    snplp_referential *themes = NULL, *catalogue = NULL;
    snplp_records *records = NULL;
    int status = 0;
    int rc = snplp_import_options_new(&options);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_new(&lheo);
    if (rc == SNPLP_OK)
        rc = snplp_diagnostics_new(&diags);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_set_accept_matches(lheo, accept);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_set_min_score(lheo, min_score);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_matches_new(&matches);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_set_matches(lheo, matches);
    if (rc == SNPLP_OK && schema)
        rc = snplp_lheo_options_set_schema_file(lheo, schema);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
        status = 1;
        goto done;
    }
    if (themes_path) {
        status = load_themes(&themes, themes_path, options);
        if (status != 0)
            goto done;
        rc = snplp_lheo_options_set_themes(lheo, themes);
        if (rc != SNPLP_OK) {
            fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
            status = 1;
            goto done;
        }
    }

    const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
    cli_input in;
    if (cli_input_open(&in, path, stderr) != 0) {
        status = 1;
        goto done;
    }
    cli_input_kind(&in); /* reads ahead: the progress counts from the start */
    rc = snplp_import_options_set_progress(options, cli_input_progress, &in);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_import_callback(&catalogue, &records, diags, cli_input_read, &in, name,
                                        options, lheo);
    cli_input_close(&in);
    cli_print_findings(stderr, name, diags, rc);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": %s is not imported: nothing written\n", name);
        status = 1;
        goto done;
    }

    rc = snplp_referential_export_file(catalogue, out);
    status = cli_output_done(CMD, rc, out);
    if (status == 0 && records_out) {
        rc = snplp_records_export_file(records, records_out);
        status = cli_output_done(CMD, rc, records_out);
        if (status != 0)
            fprintf(stderr, "snplp " CMD ": the catalogue was written to %s, the records not\n",
                    out);
    }
    if (status != 0)
        goto done;
    if (print_matches(catalogue, matches) != 0 || fflush(stdout) != 0) {
        fputs("snplp " CMD ": the table of the matches could not be written\n", stderr);
        status = 1;
    }
    size_t sessions = snplp_records_session_count(records);
    size_t bodies = snplp_records_training_body_count(records);
    if (!records_out && (sessions || bodies))
        fprintf(stderr,
                "snplp " CMD ": the %zu training bod%s and %zu session%s of %s were not written "
                "(give -r RECORDS.xml)\n",
                bodies, bodies == 1 ? "y" : "ies", sessions, sessions == 1 ? "" : "s", name);
    size_t modules = snplp_referential_module_count(catalogue), unplaced = 0;
    for (size_t i = 0; i < modules; i++)
        unplaced += strcmp(snplp_module_theme_id(snplp_referential_module_at(catalogue, i)),
                           SNPLP_LHEO_NO_THEME) == 0;
    if (unplaced)
        fprintf(stderr,
                "snplp " CMD ": %zu module%s no theme (" SNPLP_LHEO_NO_THEME "): export-lheo "
                "reads %s as it is, the other commands once every module is under a theme "
                "(--accept-matches, --min-score, or edit it)\n",
                unplaced, unplaced == 1 ? " has" : "s have", out);
    if (records_out)
        cli_say("wrote the catalogue (%zu module%s) to %s and the records (%zu session%s) to %s",
                modules, modules == 1 ? "" : "s", out, sessions, sessions == 1 ? "" : "s",
                records_out);
    else
        cli_say("wrote the catalogue (%zu module%s) to %s", modules, modules == 1 ? "" : "s", out);
done:
    snplp_records_unref(records);
    snplp_referential_unref(catalogue);
    snplp_referential_unref(themes);
    snplp_diagnostics_free(diags);
    snplp_lheo_options_free(lheo);
    snplp_lheo_matches_free(matches);
    snplp_import_options_free(options);
    return status;
}

int cmd_import_lheo(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_OUT, "-o", OPT_VALUE | OPT_EQUALS},
        {OPT_RECORDS, "-r", OPT_VALUE | OPT_EQUALS},
        {OPT_ACCEPT, "--accept-matches", 0},
        {OPT_MIN_SCORE, "--min-score", OPT_VALUE},
        {OPT_THEMES, "--themes", OPT_VALUE},
        {OPT_SCHEMA, "--lheo-schema", OPT_VALUE},
        {OPT_QUIET, "--quiet", 0},
        {OPT_HELP, "--help", 0},
    };
    const char *input = NULL, *out = NULL, *records_out = NULL, *themes = NULL, *schema = NULL;
    const char *min_text = NULL;
    bool accept = false, help = false;
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG) {
            if (input)
                return cli_usage_error(CMD, "unexpected argument %s (one LHEO document)", p.value);
            input = p.value;
        } else if (r == OPT_MISSING) {
            return cli_usage_error(CMD, "option %s needs a value", p.text);
        } else if (r != OPT_OPTION) {
            return cli_usage_error(CMD, "unknown option %s", p.text);
        } else if (p.id == OPT_OUT || p.id == OPT_RECORDS || p.id == OPT_MIN_SCORE ||
                   p.id == OPT_THEMES || p.id == OPT_SCHEMA) {
            const char **slot = p.id == OPT_OUT         ? &out
                                : p.id == OPT_RECORDS   ? &records_out
                                : p.id == OPT_MIN_SCORE ? &min_text
                                : p.id == OPT_THEMES    ? &themes
                                                        : &schema;
            if (*slot)
                return cli_usage_error(CMD, "%s is given twice", p.text);
            *slot = p.value;
        } else if (p.id == OPT_ACCEPT) {
            accept = true;
        } else if (p.id == OPT_QUIET) {
            cli_quiet = true;
        } else {
            help = true;
        }
    }
    if (help)
        return cli_print_command_help(CMD);
    if (!input)
        return cli_usage_error(CMD, "no LHEO.xml given");
    if (!out)
        return cli_usage_error(CMD, "no -o CATALOGUE.xml given");
    int min_score = 0;
    if (min_text && !parse_score(&min_score, min_text))
        return 2;
    if (!cli_output_path(out))
        return cli_usage_error(CMD,
                               "-o %s: the catalogue is written to a file (standard output "
                               "holds the table of the matches)",
                               out);
    if (records_out && !cli_output_path(records_out))
        return cli_usage_error(CMD,
                               "-r %s: the records are written to a file (standard output "
                               "holds the table of the matches)",
                               records_out);
    if (records_out && same_file(out, records_out))
        return cli_usage_error(CMD,
                               "-o %s and -r %s: the catalogue and the records need two "
                               "files",
                               out, records_out);
    if (themes && strcmp(themes, "-") == 0 && strcmp(input, "-") == 0)
        return cli_usage_error(CMD, "LHEO.xml and --themes cannot both be standard input");
    const char *inputs[3] = {input};
    int ninputs = 1;
    if (themes)
        inputs[ninputs++] = themes;
    if (schema)
        inputs[ninputs++] = schema;
    if (cli_check_output(CMD, out, inputs, ninputs, -1) != 0)
        return 2;
    if (records_out && cli_check_output_option(CMD, "-r", records_out, inputs, ninputs, -1) != 0)
        return 2;
    return import(input, out, records_out, accept, min_score, themes, schema);
}
