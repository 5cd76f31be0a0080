/* Territories: kinds and official codes (INSEE codes of départements and régions, SIREN
 * numbers of métropoles). */
#include <string.h>

#include <snplp/territory.h>

#include "util/names.h"

static const char *const kind_names[] = {"none", "departement", "metropole", "region"};

const char *snplp_territory_kind_name(snplp_territory_kind kind)
{
    return snplp__name_of(kind_names, SNPLP__COUNT(kind_names), kind, "none");
}

snplp_territory_kind snplp_territory_kind_from_name(const char *name)
{
    return (snplp_territory_kind)snplp__value_of(kind_names, SNPLP__COUNT(kind_names), 1, name,
                                                 SNPLP_TERRITORY_NONE);
}

static bool all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool departement(const char *c)
{
    if (!strcmp(c, "2A") || !strcmp(c, "2B"))
        return true;
    if (all_digits(c, 2)) {
        int v = (c[0] - '0') * 10 + (c[1] - '0');
        return v >= 1 && v <= 95 && v != 20;
    }
    static const char *const overseas[] = {"971", "972", "973", "974", "976"};
    for (size_t i = 0; i < sizeof overseas / sizeof overseas[0]; i++)
        if (!strcmp(c, overseas[i]))
            return true;
    return false;
}

static bool region(const char *c)
{
    static const char *const codes[] = {"01", "02", "03", "04", "06", "11", "24", "27", "28",
                                        "32", "44", "52", "53", "75", "76", "84", "93", "94"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (!strcmp(c, codes[i]))
            return true;
    return false;
}

/* A SIREN number: 9 digits whose Luhn checksum is valid. */
static bool siren(const char *c)
{
    if (!all_digits(c, 9))
        return false;
    int sum = 0;
    for (int i = 8, pos = 0; i >= 0; i--, pos++) {
        int d = c[i] - '0';
        if (pos % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

bool snplp_territory_code_is_valid(snplp_territory_kind kind, const char *code)
{
    if (!code)
        return false;
    switch (kind) {
    case SNPLP_TERRITORY_DEPARTEMENT:
        return departement(code);
    case SNPLP_TERRITORY_REGION:
        return region(code);
    case SNPLP_TERRITORY_METROPOLE:
        return siren(code);
    case SNPLP_TERRITORY_NONE:
        break;
    }
    return false;
}
