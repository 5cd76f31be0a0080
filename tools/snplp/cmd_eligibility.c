/* snplp eligibility [--at DATE] [--module ID] [--fail-on error|warning] [--quiet]
 *                   (REFERENTIAL | --builtin) RECORDS WORKER
 *
 * What a worker of the records may take next and why: the modules of the referential the worker
 * was not trained in by the date, in the plan's order (fundamentals before expert), each with
 * its answer (priority, open, not-yet) and every reason (snplp_records_next_modules()); with
 * --module, the answer for that module only (snplp_records_eligibility()), trained in or not.
 * The records are validated against the referential first, their findings printed on standard
 * error. Options may stand anywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snplp/snplp.h>

#include "cmd.h"
#include "common.h"
#include "opt.h"
#include "records_input.h"
#include "report_table.h"
#include "termtext.h"

enum { OPT_AT, OPT_MODULE, OPT_BUILTIN, OPT_FAIL_ON, OPT_QUIET, OPT_HELP };

#define CMD "eligibility"
/* The width module titles are wrapped to. */
#define TITLE_WIDTH 76

/* "assistants de service social" for a profession of the referential or of the records, NULL
 * if it is neither. */
static const char *profession_title(const cli_records_input *in, const char *id)
{
    const snplp_profession *p = snplp_referential_profession_find(in->ref, id);
    if (p)
        return snplp_profession_title(p);
    const snplp_record_profession *rp = snplp_records_profession_find(in->records[0], id);
    return rp ? snplp_record_profession_title(rp) : NULL;
}

/* The line on the worker: profession, diploma level, employer, territory, unit. Returns 0, or
 * -1 if it cannot be written. */
static int print_worker(FILE *out, const cli_records_input *in, const snplp_worker *w)
{
    const char *profession = snplp_worker_profession_id(w);
    const char *title = profession_title(in, profession), *unit = snplp_worker_unit(w);
    const char *employer = snplp_worker_employer_id(w), *territory = snplp_worker_territory_code(w);
    int level;
    char level_text[16] = "0";
    bool level_known = snplp_worker_diploma_level(&level, w) == SNPLP_OK;
    if (level_known)
        snprintf(level_text, sizeof level_text, "%d", level);
    if (cli_put(out, "eligibility", "worker",
                CLI_ARGS(CLI_ARG(ID, "profession", profession ? profession : ""),
                         CLI_ARG(CHOICE, "title_known", title ? "yes" : "no"),
                         CLI_ARG(TEXT, "title", title ? title : ""),
                         CLI_ARG(CHOICE, "level_known", level_known ? "yes" : "no"),
                         CLI_ARG(INTEGER, "level", level_text),
                         CLI_ARG(ID, "employer", employer ? employer : ""),
                         CLI_ARG(ID, "territory", territory ? territory : ""),
                         CLI_ARG(CHOICE, "unit_known", unit ? "yes" : "no"),
                         CLI_ARG(TEXT, "unit", unit ? unit : ""))) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

/* Writes @p text (cleaned) after a text of @p used columns, breaking lines at spaces only (an
 * id is never cut, nor « guillemets » from their words: a no-break space is no space), at
 * TITLE_WIDTH + 4 columns, each further line indented by @p indent. Ends the line. Returns 0,
 * or -1 if out of memory. */
static int put_words(FILE *out, const char *text, size_t used, size_t indent)
{
    char *clean = tt_clean(text);
    if (!clean)
        return -1;
    for (char *word = strtok(clean, " "); word; word = strtok(NULL, " ")) {
        size_t w = tt_width(word);
        if (used + 1 + w > TITLE_WIDTH + 4 && used > indent) {
            fprintf(out, "\n%*s", (int)indent, "");
            used = indent;
        } else {
            fputc(' ', out);
            used++;
        }
        fputs(word, out);
        used += w;
    }
    fputc('\n', out);
    free(clean);
    return 0;
}

/* One module's answer: "N. MODULE: ANSWER", its title wrapped under it, then every reason.
 * @p number 0: no number. Returns 0, or -1 if out of memory. */
static int print_answer(FILE *out, const cli_records_input *in, const snplp_eligibility *e,
                        size_t number)
{
    const char *module = snplp_eligibility_module_id(e);
    const snplp_module *m = snplp_referential_module_find(in->ref, module);
    char **lines = NULL;
    size_t count = 0;
    if (number)
        fprintf(out, "%zu. ", number);
    if (cli_put(out, "eligibility", "answer",
                CLI_ARGS(CLI_ARG(ID, "module", module ? module : ""),
                         CLI_ARG(TEXT, "answer",
                                 cli_word("eligibility-answer",
                                          snplp_eligibility_answer_name(
                                              snplp_eligibility_answer_of(e)))))) != 0)
        return -1;
    fputc('\n', out);
    if (m && snplp_module_title(m)) {
        if (tt_wrap(snplp_module_title(m), TITLE_WIDTH, 0, &lines, &count) != 0)
            return -1;
        for (size_t i = 0; i < count; i++)
            fprintf(out, "   %s\n", lines[i]);
        tt_free_lines(lines, count);
    }
    for (size_t i = 0; i < snplp_eligibility_reason_count(e); i++) {
        const char *kind = cli_word(
            "eligibility-reason", snplp_eligibility_reason_name(snplp_eligibility_reason_at(e, i)));
        char *label = cli_text("eligibility", "reason", CLI_ARGS(CLI_ARG(TEXT, "kind", kind)));
        if (!label)
            return -1;
        /* the reason follows "   - KIND:" (the columns counted as they always were: without the
         * colon) */
        fprintf(out, "   - %s", label);
        size_t used = 5 + tt_width(label) - 1;
        free(label);
        if (put_words(out, snplp_eligibility_reason_message(e, i), used, 5) != 0)
            return -1;
    }
    return 0;
}

/* The answer(s) for @p worker at @p at. Returns the exit status. */
static int answer(const cli_records_input *in, const char *worker, const char *module,
                  snplp_date at)
{
    char name[4096];
    const char *file = strcmp(in->files[0], "-") == 0 ? "(standard input)" : in->files[0];
    const snplp_worker *w = snplp_records_worker_find(in->records[0], worker);
    if (!w) {
        fprintf(stderr, "snplp " CMD ": no worker '%s' in %s\n", worker, file);
        return 1;
    }
    if (module && !snplp_referential_module_find(in->ref, module)) {
        fprintf(stderr, "snplp " CMD ": --module %s: no module '%s' in %s\n", module, module,
                cli_records_ref_name(in, name, sizeof name));
        return 1;
    }
    snplp_eligibility *one = NULL;
    snplp_eligibility_list *next = NULL;
    int rc = module ? snplp_records_eligibility(&one, in->records[0], in->ref, worker, module, at)
                    : snplp_records_next_modules(&next, in->records[0], in->ref, worker, at);
    if (rc != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": %s\n", snplp_error_last_reason());
        return 1;
    }
    FILE *out = stdout;
    char day[SNPLP_DATE_TEXT_SIZE], count[32];
    const char *stdin_name = cli_word("input", "stdin");
    snplp_date_format(day, sizeof day, at);
    const char *ref = !in->ref_path                    ? ""
                      : strcmp(in->ref_path, "-") == 0 ? stdin_name
                                                       : in->ref_path;
    int printed = cli_put(
        out, "eligibility", "heading",
        CLI_ARGS(CLI_ARG(ID, "worker", worker), CLI_ARG(DATE, "at", day),
                 CLI_ARG(TEXT, "file", strcmp(in->files[0], "-") == 0 ? stdin_name : in->files[0]),
                 CLI_ARG(CHOICE, "ref", in->ref_path ? "file" : "builtin"),
                 CLI_ARG(TEXT, "ref_file", ref)));
    if (printed == 0) {
        fputc('\n', out);
        printed = print_worker(out, in, w);
    }
    if (printed == 0)
        fputc('\n', out);
    if (printed == 0 && one) {
        printed = print_answer(out, in, one, 0);
    } else if (printed == 0) {
        size_t n = snplp_eligibility_list_count(next);
        snprintf(count, sizeof count, "%zu", n);
        printed = n == 0 ? cli_put(out, "eligibility", "nothing-left", CLI_NO_ARGS)
                         : cli_put(out, "eligibility", "next",
                                   CLI_ARGS(CLI_ARG(INTEGER, "count", count)));
        if (printed == 0)
            fputc('\n', out);
        for (size_t i = 0; i < n && printed == 0; i++) {
            fputc('\n', out);
            printed = print_answer(out, in, snplp_eligibility_list_at(next, i), i + 1);
        }
    }
    snplp_eligibility_free(one);
    snplp_eligibility_list_free(next);
    if (printed != 0) {
        fflush(out);
        fprintf(stderr, "snplp " CMD ": %s\n",
                snplp_error_last_code() != SNPLP_OK ? snplp_error_last_reason() : "out of memory");
        return 1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        fputs("snplp " CMD ": writing to standard output failed\n", stderr);
        return 1;
    }
    return 0;
}

int cmd_eligibility(int argc, char **argv)
{
    static const opt_spec specs[] = {
        {OPT_AT, "--at", OPT_VALUE},   {OPT_MODULE, "--module", OPT_VALUE},
        {OPT_BUILTIN, "--builtin", 0}, {OPT_FAIL_ON, "--fail-on", OPT_VALUE},
        {OPT_QUIET, "--quiet", 0},     {OPT_HELP, "--help", 0},
    };
    const char *at_text = NULL, *module = NULL, *fail_on_text = NULL, *args[3];
    bool builtin = false;
    int nargs = 0;
    opt_parser p;
    opt_result r;
    opt_init(&p, specs, sizeof specs / sizeof specs[0], OPT_ANY_ORDER, argc, argv);
    while ((r = opt_next(&p)) != OPT_END) {
        if (r == OPT_ARG && nargs == 3)
            return cli_usage_error(CMD, "unexpected argument %s", p.value);
        if (r == OPT_ARG)
            args[nargs++] = p.value;
        else if (r == OPT_MISSING)
            return cli_usage_error(CMD, "option %s needs a value", p.text);
        else if (r != OPT_OPTION)
            return cli_usage_error(CMD, "unknown option %s", p.text);
        else if (p.id == OPT_HELP)
            return cli_print_command_help(CMD);
        else if (p.id == OPT_AT)
            at_text = p.value;
        else if (p.id == OPT_MODULE)
            module = p.value;
        else if (p.id == OPT_BUILTIN)
            builtin = true;
        else if (p.id == OPT_FAIL_ON)
            fail_on_text = p.value;
        else
            cli_quiet = true;
    }
    int want = builtin ? 2 : 3;
    if (nargs != want)
        return nargs > want ? cli_usage_error(CMD, "unexpected argument %s", args[want])
                            : cli_usage_error(CMD, builtin ? "give RECORDS and WORKER"
                                                           : "give REFERENTIAL (or --builtin), "
                                                             "RECORDS and WORKER");
    snplp_severity fail_on = SNPLP_SEVERITY_ERROR;
    if (fail_on_text && !cli_parse_fail_on(&fail_on, CMD, fail_on_text))
        return 2;
    snplp_date at;
    if (at_text && !cli_parse_date(&at, CMD, "--at", at_text))
        return 2;
    if (!at_text && snplp_date_today(&at) != SNPLP_OK) {
        fprintf(stderr, "snplp " CMD ": cannot read today's date (%s); give one with --at\n",
                snplp_error_last_reason());
        return 1;
    }
    cli_records_input in;
    int status =
        cli_records_load(&in, CMD, builtin ? NULL : args[0], &args[want - 2], 1, !cli_quiet);
    if (status != 0)
        return status;
    status = answer(&in, args[want - 1], module, at);
    if (status == 0 && fail_on_text && in.worst_finding >= (int)fail_on)
        status = 3;
    cli_records_free(&in);
    return status;
}
