/* language.h (1.6): the language of the messages, English or French.
 *
 *   snplp_language_from_locale("fr_FR.UTF-8") -> (0, SNPLP_LANGUAGE_FR)
 *   snplp_language_from_locale("de_DE")       -> (SNPLP_EINVAL, None)
 *   snplp_language_code(SNPLP_LANGUAGE_FR)    -> "fr"
 *
 *   snplp_message_render(SNPLP_LANGUAGE_FR, "cli/severity/error", [])   -> (0, "erreur")
 *   snplp_message_render(lang, id, [(name, SNPLP_PARAM_INTEGER, "2"), ...]) -> (status, str)
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

/* `const snplp_message_arg *args, size_t n`: a sequence of (name, type, value) tuples, the
 * strings borrowed from the Python objects for the call. */
%typemap(in) (const snplp_message_arg *args, size_t n) (snplp_message_arg *targs = NULL, PyObject *tseq = NULL) {
  tseq = PySequence_Fast($input, "in method '$symname': the arguments must be a sequence of (name, type, value)");
  if (!tseq) SWIG_fail;
  Py_ssize_t count = PySequence_Fast_GET_SIZE(tseq);
  targs = count ? (snplp_message_arg *)PyMem_Calloc((size_t)count, sizeof *targs) : NULL;
  if (count && !targs) { PyErr_NoMemory(); SWIG_fail; }
  for (Py_ssize_t i = 0; i < count; i++) {
    PyObject *item = PySequence_Fast_GET_ITEM(tseq, i);
    PyObject *name = NULL, *value = NULL;
    int type = 0;
    if (!PyTuple_Check(item)) {
      PyErr_Format(PyExc_TypeError, "in method '$symname': an argument is a tuple (name, type, value), not %.100s",
                   Py_TYPE(item)->tp_name);
      SWIG_fail;
    }
    if (!PyArg_ParseTuple(item, "UiU;an argument is (name, type, value)", &name, &type, &value)) SWIG_fail;
    targs[i].name = PyUnicode_AsUTF8(name);
    targs[i].value = PyUnicode_AsUTF8(value);
    targs[i].type = (snplp_param_type)type;
    if (!targs[i].name || !targs[i].value) SWIG_fail;
  }
  $1 = targs;
  $2 = (size_t)count;
}
%typemap(freearg) (const snplp_message_arg *args, size_t n) {
  PyMem_Free(targs$argnum);
  Py_XDECREF(tseq$argnum);
}

%ignore snplp_message_arg;
%include <snplp/language.h>

%clear snplp_language *out;
