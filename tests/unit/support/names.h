/* The names of the values of the public enums, in one table per enum (names.c), and the test
 * they all get: assert_enum_names(). */
#ifndef SNPLP_TEST_NAMES_H
#define SNPLP_TEST_NAMES_H

#include "test_util.h"

/* A value of an enum, its value in the ABI and its name. */
typedef struct named {
    int value, abi;
    const char *name;
} named;

typedef struct enum_names {
    const char *(*name)(int value);
    int (*from_name)(const char *name); /* NULL when the enum has none */
    const named *values;                /* every named value */
    size_t n;
    const char *unknown; /* the name of any other value */
    const int *others;   /* values out of the enum */
    size_t nothers;
    const char *const *bad; /* names from_name() does not know (NULL is one) */
    size_t nbad;
    int none; /* what from_name() gives for them */
} enum_names;

/* Each value has its ABI number and its name, a static string (the same pointer each time, no
 * memory used); any other value has the unknown name; from_name() reads each name back, gives
 * none for every other name (recording no error), and for the name of an out-of-range value. */
void assert_enum_names(const enum_names *e);

/* A cmocka test: assert_enum_names() over each enum of its state, a NULL-terminated array of
 * const enum_names pointers. */
void every_value_has_its_name(void **state);
#define NAMES_TEST(list) cmocka_unit_test_prestate(every_value_has_its_name, (void *)(list))

extern const enum_names names_kind, names_field, names_status, names_diag_code, names_severity,
    names_category, names_level, names_style, names_territory_kind, names_action_objective,
    names_action_status, names_unit, names_polarity, names_credit_reason, names_report_state,
    names_cell_status, names_csv_dialect;

#endif
