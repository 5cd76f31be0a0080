/* snplp export-lheo [--all-or-nothing] [--quiet] [-o FILE] CATALOGUE|--builtin [RECORDS]: the
 * offers of a catalogue (a referential) with the sessions of training records as an LHEO 2.3
 * document (lheo.h, docs/lheo.md), to standard output or (atomically) to FILE. The findings of
 * the reading, of the records' check and of the export go to standard error; the export's as
 * CATALOGUE: severity: [code] message. Exit 0 when a document was written (offers may have
 * been left out: their findings say why), 1 when none was (or a file cannot be read), 2 wrong
 * usage. */
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "records_input.h"

#define CMD "export-lheo"

enum { OPT_OUT, OPT_BUILTIN, OPT_ALL_OR_NOTHING, OPT_QUIET, OPT_HELP };

int cmd_export_lheo(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_OUT, "-o", OPT_VALUE | OPT_EQUALS},
        {OPT_BUILTIN, "--builtin", 0},
        {OPT_ALL_OR_NOTHING, "--all-or-nothing", 0},
        {OPT_QUIET, "--quiet", 0},
        {OPT_HELP, "--help", 0},
    };
    const char *args[3] = {NULL, NULL, NULL};
    int nargs = 0;
    const char *out = NULL;
    bool builtin = false, all_or_nothing = false, help = false;
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG) {
            if (nargs == 2)
                return cli_usage_error(CMD, "unexpected argument %s", p.value);
            args[nargs++] = p.value;
        } else if (r == OPT_MISSING) {
            return cli_usage_error(CMD, "option %s needs a value", p.text);
        } else if (r != OPT_OPTION) {
            return cli_usage_error(CMD, "unknown option %s", p.text);
        } else if (p.id == OPT_OUT) {
            if (out)
                return cli_usage_error(CMD, "-o is given twice");
            out = p.value;
        } else if (p.id == OPT_BUILTIN) {
            builtin = true;
        } else if (p.id == OPT_ALL_OR_NOTHING) {
            all_or_nothing = true;
        } else if (p.id == OPT_QUIET) {
            cli_quiet = true;
        } else {
            help = true;
        }
    }
    if (help)
        return cli_print_command_help(CMD);
    /* CATALOGUE [RECORDS], or --builtin [RECORDS] */
    const char *catalogue = builtin ? NULL : args[0];
    const char *const *records = builtin ? args : args + 1;
    int nrecords = builtin ? nargs : nargs - 1;
    if (!builtin && nargs == 0)
        return cli_usage_error(CMD, "no CATALOGUE given (a referential, or --builtin)");
    if (nrecords > 1)
        return cli_usage_error(CMD, "unexpected argument %s (one RECORDS file at most)",
                               records[1]);
    const char *inputs[2];
    int ninputs = 0;
    if (catalogue)
        inputs[ninputs++] = catalogue;
    if (nrecords)
        inputs[ninputs++] = records[0];
    int status = cli_check_output(CMD, out, inputs, ninputs, -1);
    if (status != 0)
        return status;

    cli_records_input in;
    cli_records_keep_invalid = true; /* a catalogue of import-lheo: modules with no theme */
    status = cli_records_load(&in, CMD, catalogue, records, nrecords, true);
    if (status != 0)
        return status;
    snplp_diagnostics *diags = NULL;
    snplp_lheo_options *options = NULL;
    const char *path = cli_output_path(out);
    int rc = snplp_diagnostics_new(&diags);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_new(&options);
    if (rc == SNPLP_OK)
        rc = snplp_lheo_options_set_all_or_nothing(options, all_or_nothing);
    if (rc == SNPLP_OK) {
        const snplp_records *rec = in.count ? in.records[0] : NULL;
        rc = path ? snplp_lheo_export_file(in.ref, rec, path, diags, options)
                  : snplp_lheo_export_callback(in.ref, rec, cli_write_stdout, NULL, diags, options);
    }
    const char *name = catalogue ? (strcmp(catalogue, "-") == 0 ? "(standard input)" : catalogue)
                                 : "(built-in referential)";
    cli_print_findings(stderr, name, diags, rc == SNPLP_EVALIDATION ? SNPLP_OK : rc);
    if (rc == SNPLP_EVALIDATION) {
        fprintf(stderr, "snplp " CMD ": no LHEO document written (see the findings above)\n");
        status = 1;
    } else {
        status = cli_output_done(CMD, rc, path);
        if (status == 0 && path) {
            size_t left = 0;
            for (size_t i = 0; i < snplp_diagnostics_count(diags); i++)
                left += snplp_diagnostic_code(snplp_diagnostics_at(diags, i)) ==
                        SNPLP_DIAG_LHEO_MISSING_DATA;
            cli_say("wrote the LHEO offers to %s%s", path,
                    left ? " (some offers left out: see the findings)" : "");
        }
    }
    snplp_lheo_options_free(options);
    snplp_diagnostics_free(diags);
    cli_records_free(&in);
    return status;
}
