/* Durations in days, kept to the millionth of a day: their one text form. */
#include "util/days.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool snplp__days_parse(const char *s, size_t n, int64_t *micro)
{
    size_t i = 0;
    int64_t whole = 0, frac = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i < 5)
        whole = whole * 10 + (s[i++] - '0');
    if (i == 0 || i > 4)
        return false;
    if (i < n) {
        if (s[i++] != '.')
            return false;
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 7)
            frac = frac * 10 + (s[i++] - '0');
        size_t digits = i - start;
        if (digits == 0 || digits > 6 || i != n)
            return false;
        for (; digits < 6; digits++)
            frac *= 10;
    }
    *micro = whole * 1000000 + frac;
    return *micro > 0;
}

void snplp__days_format(char *buf, size_t size, double days)
{
    long long micro = llround(days * 1e6);
    long long whole = micro / 1000000, frac = micro % 1000000;
    if (frac == 0) {
        snprintf(buf, size, "%lld", whole);
        return;
    }
    char f[8];
    snprintf(f, sizeof f, "%06lld", frac);
    size_t n = strlen(f);
    while (n > 0 && f[n - 1] == '0')
        f[--n] = '\0';
    snprintf(buf, size, "%lld.%s", whole, f);
}
