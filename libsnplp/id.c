/* The shape of ids: NCName-shaped ASCII, so that every id can be an XML id. */
#include <snplp/id.h>

#include <string.h>

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool snplp_id_is_valid(const char *id)
{
    if (!id || !(is_letter(id[0]) || id[0] == '_'))
        return false;
    size_t n = 1;
    for (const char *p = id + 1; *p; p++, n++) {
        char c = *p;
        if (!(is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
        if (n >= SNPLP_ID_MAX)
            return false;
    }
    return true;
}
