/*
 * snplp-eligibility-once: one eligibility pass over every worker, for instruction counts.
 *
 *     snplp-eligibility-once [--messages] [--each-module] [--with-index] [--at DATE] FILE
 *
 * Imports FILE (training records, tests/bench/gen_records.py), asks once about the first worker
 * so that the records' index is built, then runs eligibility_pass(): snplp_records_next_modules()
 * for every worker, in record order, at DATE (default 2021-12-31, as snplp-bench-records), each
 * list freed. With --messages the pass also reads every reason's kind, item id and message;
 * with --each-module it asks snplp_records_eligibility() about every module of the referential
 * instead (already-trained reasons included); with --with-index no question is asked before
 * the pass, so that its first question builds the records' index, as in each run of
 * snplp-bench-records (whose records are imported anew).
 * Under valgrind's callgrind, --toggle-collect=eligibility_pass counts the pass alone:
 *
 *     valgrind --tool=callgrind --toggle-collect=eligibility_pass \
 *         snplp-eligibility-once records-1x.xml
 *
 * Prints the number of modules proposed, the answers by kind and, with --messages, an FNV-1a
 * hash of every answer's worker, module, reasons' kinds, item ids and messages (the same hash
 * means the same results: for comparing two versions of the library).
 */
#include <snplp/snplp.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t hash_bytes(uint64_t h, const char *s)
{
    if (!s)
        s = "(null)";
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    h ^= 0xff; /* the end of a string */
    return h * 1099511628211u;
}

struct pass {
    size_t modules, reasons, answers[4];
    uint64_t hash;
};

static void answer(struct pass *p, const snplp_eligibility *e, int messages)
{
    snplp_eligibility_answer a = snplp_eligibility_answer_of(e);
    if ((int)a >= 0 && (int)a < 4)
        p->answers[a]++;
    p->modules++;
    if (!messages)
        return;
    p->hash = hash_bytes(p->hash, snplp_eligibility_worker_id(e));
    p->hash = hash_bytes(p->hash, snplp_eligibility_module_id(e));
    p->hash = hash_bytes(p->hash, snplp_eligibility_answer_name(a));
    size_t nr = snplp_eligibility_reason_count(e);
    p->reasons += nr;
    for (size_t k = 0; k < nr; k++) {
        p->hash =
            hash_bytes(p->hash, snplp_eligibility_reason_name(snplp_eligibility_reason_at(e, k)));
        p->hash = hash_bytes(p->hash, snplp_eligibility_reason_item_id(e, k));
        p->hash = hash_bytes(p->hash, snplp_eligibility_reason_message(e, k));
    }
}

__attribute__((noinline)) static int eligibility_pass(struct pass *p, const snplp_records *records,
                                                      const snplp_referential *ref, snplp_date at,
                                                      int messages, int each_module)
{
    size_t n = snplp_records_worker_count(records);
    size_t nm = snplp_referential_module_count(ref);
    for (size_t i = 0; i < n; i++) {
        const char *id = snplp_worker_id(snplp_records_worker_at(records, i));
        if (each_module) {
            for (size_t j = 0; j < nm; j++) {
                const char *mid = snplp_module_id(snplp_referential_module_at(ref, j));
                snplp_eligibility *e = NULL;
                if (snplp_records_eligibility(&e, records, ref, id, mid, at) != SNPLP_OK)
                    return 1;
                answer(p, e, messages);
                snplp_eligibility_free(e);
            }
            continue;
        }
        snplp_eligibility_list *list = NULL;
        if (snplp_records_next_modules(&list, records, ref, id, at) != SNPLP_OK)
            return 1;
        size_t m = snplp_eligibility_list_count(list);
        for (size_t j = 0; j < m; j++)
            answer(p, snplp_eligibility_list_at(list, j), messages);
        snplp_eligibility_list_free(list);
    }
    return 0;
}

int main(int argc, char **argv)
{
    int messages = 0, each_module = 0, with_index = 0;
    const char *path = NULL;
    snplp_date at = {2021, 12, 31};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--messages") == 0)
            messages = 1;
        else if (strcmp(argv[i], "--each-module") == 0)
            each_module = 1;
        else if (strcmp(argv[i], "--with-index") == 0)
            with_index = 1;
        else if (strcmp(argv[i], "--at") == 0 && i + 1 < argc) {
            if (snplp_date_parse(&at, argv[++i]) != SNPLP_OK) {
                fputs("snplp-eligibility-once: --at takes a date YYYY-MM-DD\n", stderr);
                return 2;
            }
        } else if (argv[i][0] == '-' || path) {
            path = NULL;
            break;
        } else
            path = argv[i];
    }
    if (!path) {
        fputs("usage: snplp-eligibility-once [--messages] [--each-module] [--with-index] [--at "
              "DATE] FILE\n",
              stderr);
        return 2;
    }
    snplp_referential *ref = NULL;
    snplp_records *records = NULL;
    snplp_diagnostics *diags = NULL;
    if (snplp_referential_builtin(&ref) != SNPLP_OK || snplp_diagnostics_new(&diags) != SNPLP_OK ||
        snplp_records_import_file(&records, diags, path, NULL) != SNPLP_OK) {
        fprintf(stderr, "snplp-eligibility-once: %s\n", snplp_error_last_message());
        return 1;
    }
    snplp_diagnostics_free(diags);
    int rc = 0;
    if (!with_index && snplp_records_worker_count(records) > 0) {
        /* the first question builds the index: outside the pass measured */
        snplp_eligibility_list *list = NULL;
        rc = snplp_records_next_modules(&list, records, ref,
                                        snplp_worker_id(snplp_records_worker_at(records, 0)), at);
        snplp_eligibility_list_free(list);
    }
    struct pass p = {.hash = 14695981039346656037u};
    if (!rc)
        rc = eligibility_pass(&p, records, ref, at, messages, each_module);
    if (rc)
        fprintf(stderr, "snplp-eligibility-once: %s\n", snplp_error_last_message());
    else {
        printf("workers %zu, answers %zu (priority %zu, open %zu, not yet %zu)",
               snplp_records_worker_count(records), p.modules, p.answers[1], p.answers[2],
               p.answers[3]);
        if (messages)
            printf(", reasons %zu, hash %016llx", p.reasons, (unsigned long long)p.hash);
        printf("\n");
    }
    snplp_records_unref(records);
    snplp_referential_unref(ref);
    return rc ? 1 : 0;
}
