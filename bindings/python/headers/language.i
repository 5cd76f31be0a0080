/* language.h (1.6): the language of the messages, English or French.
 *
 *   snplp_language_from_locale("fr_FR.UTF-8") -> (0, SNPLP_LANGUAGE_FR)
 *   snplp_language_from_locale("de_DE")       -> (SNPLP_EINVAL, None)
 *   snplp_language_code(SNPLP_LANGUAGE_FR)    -> "fr"
 *
 * The enumeration snplp_language is an int (SNPLP_LANGUAGE_EN, SNPLP_LANGUAGE_FR). The default
 * language is the calling thread's: a Python thread is a thread of its own.
 */

%typemap(in, numinputs=0) snplp_language *out (snplp_language temp = SNPLP_LANGUAGE_EN) {
  $1 = &temp;
}
%typemap(argout) snplp_language *out {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? PyLong_FromLong((long)*$1) : snplp_py_none());
}

%include <snplp/language.h>

%clear snplp_language *out;
