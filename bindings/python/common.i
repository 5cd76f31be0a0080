/*
 * common.i: the typemaps and C helpers shared by every interface file of snplp._core.
 *
 * The conventions of the raw layer (bindings/python/README.md states them for users):
 *
 * - A function returning a status `int` with output parameters returns a tuple: the status
 *   first, then every output in the order of the C parameters; without outputs it returns the
 *   status alone. Output parameters are not part of the Python signature. When the status is
 *   not SNPLP_OK every output is None (the C library leaves them unchanged on failure).
 *   The two functions with outputs that return something else follow the same shape:
 *   snplp_aggregation_from_name() -> (bool, aggregation or None) and
 *   snplp_matrix_missing_at() -> (id or None, what or None).
 * - `T **out` (an opaque object) -> the object as a SWIG pointer, None on failure. Nothing the
 *   raw layer returns is owned by Python: release objects with their C functions
 *   (snplp_referential_unref, snplp_diagnostics_free...).
 * - `int64_t *`, `int32_t *`, `int *`, `double *` outputs -> int / float.
 * - `char **out, size_t *size` (export to memory) -> bytes; `char **out` (snplp_text_fold,
 *   snplp_diagnostic_render) -> str. The C buffer is freed with snplp_free() by the wrapper.
 * - `char *buf, size_t size` (the _format functions) -> the text as str.
 * - `const char *` arguments: str (encoded as UTF-8) or None (NULL). A str holding a NUL
 *   raises ValueError, a lone surrogate UnicodeEncodeError, anything else TypeError.
 *   `const char *` results: str, None for NULL.
 * - `const void *data, size_t size`: a bytes-like object (bytes, bytearray, memoryview) or
 *   None (NULL, 0).
 * - Opaque pointers: the SWIG pointer objects the raw layer returns, or None (NULL). A pointer
 *   of another type raises TypeError (SWIG's check).
 * - Callbacks: `snplp_read_fn read, void *user` <- a callable read(size) -> bytes (b"" at the
 *   end) or None; `snplp_write_fn write, void *user` <- a callable write(data: bytes) or None.
 *   The trampolines take the GIL. If the callable raises (or returns something that is not
 *   bytes-like, or more bytes than asked), the trampoline returns the error value to the C
 *   library (-1 for read, non-zero for write), keeps the exception in a thread-local slot, and
 *   the wrapper of the C call that ran it raises it once the call has returned. The progress
 *   callback of import options (headers/xml.i) works the same way.
 */

%{
#include <stdint.h>
#include <string.h>

/* ---------- results: (status, output, output...) ---------- */

/* Appends obj (a new reference, or NULL after a Python error) to the result being built.
 * Returns the new result (a new reference), NULL on error; either way it consumes result and
 * obj. The first output turns the return value into the tuple (value, obj): no function with
 * outputs returns a tuple itself. */
static PyObject *snplp_py_append(PyObject *result, PyObject *obj)
{
    if (!obj) {
        Py_XDECREF(result);
        return NULL;
    }
    if (!result) {
        result = Py_None;
        Py_INCREF(result);
    }
    if (!PyTuple_Check(result)) {
        PyObject *pair = PyTuple_Pack(2, result, obj);
        Py_DECREF(result);
        Py_DECREF(obj);
        return pair;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(result);
    PyObject *longer = PyTuple_New(n + 1);
    if (longer) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PyTuple_GET_ITEM(result, i);
            Py_INCREF(item);
            PyTuple_SET_ITEM(longer, i, item);
        }
        PyTuple_SET_ITEM(longer, n, obj);
    } else {
        Py_DECREF(obj);
    }
    Py_DECREF(result);
    return longer;
}

static PyObject *snplp_py_none(void)
{
    Py_INCREF(Py_None);
    return Py_None;
}

/* A NUL-terminated UTF-8 string from the library as str, None for NULL. */
static PyObject *snplp_py_from_cstr(const char *s)
{
    if (!s)
        return snplp_py_none();
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
}

/* ---------- str arguments ---------- */

/* A str argument as UTF-8 (borrowed from the str object, which the argument tuple keeps alive
 * for the whole call, GIL released or not), None as NULL. Sets a Python error and returns -1
 * for anything else, a lone surrogate (UnicodeEncodeError) or a NUL (ValueError). */
static int snplp_py_to_cstr(PyObject *obj, const char **out, Py_ssize_t *len, const char *func,
                            int argnum)
{
    if (obj == Py_None) {
        *out = NULL;
        if (len)
            *len = 0;
        return 0;
    }
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected str or None, not %.100s",
                     func, argnum, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(obj, &size);
    if (!s)
        return -1; /* UnicodeEncodeError: a lone surrogate */
    if (strlen(s) != (size_t)size) {
        PyErr_Format(PyExc_ValueError, "in method '%s', argument %d: embedded null character",
                     func, argnum);
        return -1;
    }
    *out = s;
    if (len)
        *len = size;
    return 0;
}

/* ---------- integers ---------- */

static int snplp_py_to_int64(PyObject *obj, int64_t *out)
{
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected int, not %.100s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (int64_t)v;
    return 0;
}

static int snplp_py_to_int32(PyObject *obj, int32_t *out)
{
    int64_t v;
    if (snplp_py_to_int64(obj, &v) < 0)
        return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value out of the range of a 32-bit integer");
        return -1;
    }
    *out = (int32_t)v;
    return 0;
}

/* Reads a tuple (or list) of n ints into int32/int64 slots: kinds[i] is 64 or 32. */
static int snplp_py_to_ints(PyObject *obj, Py_ssize_t n, const int *kinds, void *const *slots,
                            const char *what, const char *func, int argnum)
{
    if (!(PyTuple_Check(obj) || PyList_Check(obj)) || PySequence_Fast_GET_SIZE(obj) != n) {
        PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected a tuple %s, not %.100s",
                     func, argnum, what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(obj, i);
        int rc = kinds[i] == 64 ? snplp_py_to_int64(item, (int64_t *)slots[i])
                                : snplp_py_to_int32(item, (int32_t *)slots[i]);
        if (rc < 0) {
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            PyErr_NormalizeException(&type, &value, &tb);
            PyErr_Format(type, "in method '%s', argument %d: expected a tuple %s: %S", func,
                         argnum, what, value);
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            return -1;
        }
    }
    return 0;
}

/* ---------- exceptions raised in callbacks ---------- */

/* The exception a trampoline caught, kept for the wrapper of the C call that ran it. The
 * library calls callbacks in the thread that called it, so one slot per thread is exact:
 * the wrapper clears it before the call and raises what it holds after. A trampoline finding
 * it full (the library calling again after an error) returns the error at once. Only touched
 * with the GIL held. */
static _Thread_local PyObject *snplp_py_pending_type, *snplp_py_pending_value,
    *snplp_py_pending_tb;

static void snplp_py_pending_clear(void)
{
    Py_CLEAR(snplp_py_pending_type);
    Py_CLEAR(snplp_py_pending_value);
    Py_CLEAR(snplp_py_pending_tb);
}

static int snplp_py_pending(void)
{
    return snplp_py_pending_type != NULL;
}

/* Moves the current Python error to the slot (the first one is kept). */
static void snplp_py_pending_keep(void)
{
    if (snplp_py_pending_type || !PyErr_Occurred()) {
        PyErr_Clear();
        return;
    }
    PyErr_Fetch(&snplp_py_pending_type, &snplp_py_pending_value, &snplp_py_pending_tb);
}

/* Raises the kept exception, if any: returns 1 when it did. */
static int snplp_py_pending_raise(void)
{
    if (!snplp_py_pending_type)
        return 0;
    PyErr_Restore(snplp_py_pending_type, snplp_py_pending_value, snplp_py_pending_tb);
    snplp_py_pending_type = snplp_py_pending_value = snplp_py_pending_tb = NULL;
    return 1;
}

/* ---------- read and write trampolines ---------- */

/* user is the callable (borrowed: the argument tuple of the call holds it). */
static long snplp_py_read(void *user, char *buf, size_t size)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    long n = -1;
    if (!snplp_py_pending()) {
        PyObject *res = PyObject_CallFunction((PyObject *)user, "n", (Py_ssize_t)size);
        if (res) {
            Py_buffer view;
            if (PyObject_GetBuffer(res, &view, PyBUF_SIMPLE) == 0) {
                if ((size_t)view.len > size) {
                    PyErr_Format(PyExc_ValueError,
                                 "read callable returned %zd bytes, more than the %zu asked",
                                 view.len, size);
                } else {
                    if (view.len)
                        memcpy(buf, view.buf, (size_t)view.len);
                    n = (long)view.len;
                }
                PyBuffer_Release(&view);
            } else {
                PyErr_Format(PyExc_TypeError, "read callable must return bytes, not %.100s",
                             Py_TYPE(res)->tp_name);
            }
            Py_DECREF(res);
        }
        if (n < 0)
            snplp_py_pending_keep();
    }
    PyGILState_Release(gil);
    return n;
}

static int snplp_py_write(void *user, const char *buf, size_t size)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    int rc = -1;
    if (!snplp_py_pending()) {
        PyObject *res = PyObject_CallFunction((PyObject *)user, "y#", buf, (Py_ssize_t)size);
        if (res) {
            Py_DECREF(res);
            rc = 0;
        } else {
            snplp_py_pending_keep();
        }
    }
    PyGILState_Release(gil);
    return rc;
}

/* In argout typemaps: whether the status function succeeded (result is the wrapper's local). */
#define SNPLP_PY_OK (result == SNPLP_OK)

/* In argout typemaps: appends one output to the result, failing the call if that failed. */
#define SNPLP_PY_APPEND(resultobj, obj)                                                        \
    do {                                                                                       \
        resultobj = snplp_py_append(resultobj, obj);                                           \
        if (!resultobj)                                                                        \
            SWIG_fail;                                                                         \
    } while (0)

static int snplp_py_check_callable(PyObject *obj, const char *what, const char *func, int argnum)
{
    if (obj == Py_None || PyCallable_Check(obj))
        return 0;
    PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected a callable %s or None, not %.100s",
                 func, argnum, what, Py_TYPE(obj)->tp_name);
    return -1;
}
%}

/* ---------- str arguments ---------- */

%typemap(in) const char * {
  if (snplp_py_to_cstr($input, (const char **)&$1, NULL, "$symname", $argnum) < 0) SWIG_fail;
}
%typemap(freearg) const char * "";
%typemap(out) const char * {
  $result = snplp_py_from_cstr($1);
  if (!$result) SWIG_fail;
}

/* `const char *text, size_t len` (snplp_decimal_parse): one str, its UTF-8 length passed. */
%typemap(in) (const char *text, size_t len) (Py_ssize_t tlen = 0) {
  if (snplp_py_to_cstr($input, (const char **)&$1, &tlen, "$symname", $argnum) < 0) SWIG_fail;
  $2 = $1 ? (size_t)tlen : 0;
}
%typemap(freearg) (const char *text, size_t len) "";

/* ---------- bytes arguments ---------- */

%typemap(in) (const void *data, size_t size) (Py_buffer view, int have_view = 0) {
  if ($input == Py_None) {
    $1 = NULL;
    $2 = 0;
  } else {
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0) {
      PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected a bytes-like object or None, not %.100s",
                   "$symname", $argnum, Py_TYPE($input)->tp_name);
      SWIG_fail;
    }
    have_view = 1;
    $1 = view.buf;
    $2 = (size_t)view.len;
  }
}
%typemap(freearg) (const void *data, size_t size) {
  if (have_view$argnum) PyBuffer_Release(&view$argnum);
}

/* ---------- opaque objects returned through `T **out` ---------- */

%typemap(in, numinputs=0) SWIGTYPE **out ($*1_ltype temp = NULL) {
  $1 = &temp;
}
%typemap(argout) SWIGTYPE **out {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK && *$1 ? SWIG_NewPointerObj(*$1, $*1_descriptor, 0) : snplp_py_none());
}

/* ---------- scalar outputs ---------- */

%define SNPLP_PY_OUT_SCALAR(TYPE, TO_PYTHON)
%typemap(in, numinputs=0) TYPE * (TYPE temp = 0) {
  $1 = &temp;
}
%typemap(argout) TYPE * {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? TO_PYTHON(*$1) : snplp_py_none());
}
%enddef
SNPLP_PY_OUT_SCALAR(int64_t, PyLong_FromLongLong)
SNPLP_PY_OUT_SCALAR(int32_t, PyLong_FromLong)
SNPLP_PY_OUT_SCALAR(int, PyLong_FromLong)
SNPLP_PY_OUT_SCALAR(double, PyFloat_FromDouble)

/* ---------- buffers handed over by the library ---------- */

/* `char **out, size_t *size` (the export_memory functions) -> bytes. */
%typemap(in, numinputs=0) (char **out, size_t *size) (char *tbuf = NULL, size_t tsize = 0) {
  $1 = &tbuf;
  $2 = &tsize;
}
%typemap(argout) (char **out, size_t *size) {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK && *$1 ? PyBytes_FromStringAndSize(*$1, (Py_ssize_t)*$2) : snplp_py_none());
}
%typemap(freearg) (char **out, size_t *size) {
  if ($1) { snplp_free(*$1); *$1 = NULL; }
}

/* `char **out` (snplp_text_fold) -> str. */
%typemap(in, numinputs=0) char **out (char *tstr = NULL) {
  $1 = &tstr;
}
%typemap(argout) char **out {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK && *$1 ? PyUnicode_DecodeUTF8(*$1, (Py_ssize_t)strlen(*$1), "strict") : snplp_py_none());
}
%typemap(freearg) char **out {
  if ($1) { snplp_free(*$1); *$1 = NULL; }
}

/* `char *buf, size_t size` (snplp_decimal_format, snplp_date_format) -> the text. */
%typemap(in, numinputs=0) (char *buf, size_t size) (char tbuf[64]) {
  tbuf[0] = '\0';
  $1 = tbuf;
  $2 = sizeof tbuf;
}
%typemap(argout) (char *buf, size_t size) {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? PyUnicode_DecodeUTF8($1, (Py_ssize_t)strlen($1), "strict") : snplp_py_none());
}

/* ---------- read and write callbacks ---------- */

%typemap(in) (snplp_read_fn read, void *user) {
  if (snplp_py_check_callable($input, "read(size) -> bytes", "$symname", $argnum) < 0) SWIG_fail;
  $1 = $input == Py_None ? NULL : snplp_py_read;
  $2 = $input == Py_None ? NULL : (void *)$input;
  snplp_py_pending_clear();
}
%typemap(argout) (snplp_read_fn read, void *user) {
  if (snplp_py_pending_raise()) { Py_XDECREF($result); $result = NULL; SWIG_fail; }
}

%typemap(in) (snplp_write_fn write, void *user) {
  if (snplp_py_check_callable($input, "write(data: bytes)", "$symname", $argnum) < 0) SWIG_fail;
  $1 = $input == Py_None ? NULL : snplp_py_write;
  $2 = $input == Py_None ? NULL : (void *)$input;
  snplp_py_pending_clear();
}
%typemap(argout) (snplp_write_fn write, void *user) {
  if (snplp_py_pending_raise()) { Py_XDECREF($result); $result = NULL; SWIG_fail; }
}
