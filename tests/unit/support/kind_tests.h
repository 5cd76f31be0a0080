/* The tests every kind of item shares, run over its description (kinds.h).
 *
 * kind_tests_run(k, own, n) runs, as one cmocka group, every shared test that applies to the
 * kind k, then the kind's own tests own[0..n). The shared tests (kind_tests.c), each on a new
 * zoo whose memory must all come back at the end:
 * - "identity": id, referential, owner, finding by id, the kind of the id, and through NULL;
 * - "wrong objects": every getter through NULL and through every item of another kind gives
 *   NULL, 0 or SNPLP_EINVAL, every setter and adder SNPLP_EINVAL, and nothing changes;
 * - "starts unset", "id is a copy", "each referential owns its items";
 * - for each text field: "text NAME" (set, copied, NFC and not NFKC, controls, from its own or
 *   another field's borrowed value, blank, NULL unsets or is refused, invalid text refused,
 *   nothing else changes) and "text NAME out of memory";
 * - for each optional number: "number NAME" (values as given and stored, clear, untouched
 *   second item), "number NAME errors" (bad values while unset and set, NULL and wrong
 *   objects), "number NAME does not allocate";
 * - for each value: "value NAME" (every good value, bad values refused on both items, NULL and
 *   wrong objects, no allocation);
 * - for each list of labels: "strings NAME" and "strings NAME errors"; for each list of
 *   strings: "strings NAME out of memory";
 * - for each list of child items: "list NAME" (add, count, at, find, out may be NULL, copied
 *   and normalized), "list NAME errors" (NULL and wrong-kind parents, NULL id and text, bad
 *   extra arguments, malformed, too long and used ids, invalid text: nothing changes; the
 *   longest id is accepted) and "list NAME out of memory" (into an empty list, with room, as
 *   it grows);
 * - "equality": snplp_referential_equal() sees a change of every field and list.
 */
#ifndef SNPLP_TEST_KIND_TESTS_H
#define SNPLP_TEST_KIND_TESTS_H

#include "kinds.h"

/* The state of a test given to kind_tests_run(): a zoo and the memory used before it. */
typedef struct kind_fixture {
    const kind_desc *k;
    size_t field; /* the field or list a shared test is about */
    zoo z;
    size_t memory;
} kind_fixture;

/* Runs the shared tests of k, then own[0..n), as one group; returns the number of failures.
 * kinds[0], the referential, has lists only: its run is the lists' tests. An own test made
 * with KIND_TEST gets a kind_fixture for k as *state. */
int kind_tests_run(const kind_desc *k, const struct CMUnitTest *own, size_t n);

int kind_setup(void **state);
int kind_teardown(void **state);

/* Out of memory while setting the text field named field of item (of kind k) to text: every
 * failure leaves the field and the rest of the item as they were; stored is what is read
 * after. */
void kind_sweep_set(const kind_desc *k, const char *field, void *item, const char *text,
                    const char *stored);

/* Out of memory while adding a child to parent (of kind k, in ref) through k's list number
 * list: every failure leaves the list, the referential's items and the id free; the child
 * holds stored after. */
void kind_sweep_add(const kind_desc *k, size_t list, void *parent, snplp_referential *ref,
                    const char *id, const char *text, const char *stored);

/* An own test with a zoo (a kind_fixture as *state). */
#define KIND_TEST(f) cmocka_unit_test_setup_teardown(f, kind_setup, kind_teardown)

#endif
