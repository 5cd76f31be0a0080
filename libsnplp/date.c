/* ISO 8601 calendar dates of reduced precision. */
#include "date.h"

#include <string.h>

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool snplp__date_is_valid(const char *s)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    int year = digits(s, 4);
    if (year < 1000)
        return false;
    if (n == 4)
        return true;
    int month = s[4] == '-' ? digits(s + 5, 2) : -1;
    if (month < 1 || month > 12)
        return false;
    if (n == 7)
        return true;
    int day = s[7] == '-' ? digits(s + 8, 2) : -1;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = days[month - 1] + (month == 2 && leap);
    return day >= 1 && day <= max;
}
