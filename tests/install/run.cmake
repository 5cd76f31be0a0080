# Installs the build into a fresh prefix, then builds and runs a program against it twice:
# with CMake's find_package(snplp 1.0) (shared and static targets) and with pkg-config; with
# -DPYTHON_EXECUTABLE=... -DPYTHON_INSTALL_DIR=... (the bindings are built), imports the
# installed Python package too.
# Run by CTest: cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONSUMER_DIR=... -P run.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# CMake package
run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer")
foreach(app consumer_shared consumer_static)
  run("${WORK_DIR}/consumer/${app}")
  if(NOT last_output MATCHES "libsnplp 1\\.[0-9]+\\.[0-9]+ ok")
    message(FATAL_ERROR "${app} printed: ${last_output}")
  endif()
endforeach()
# The shared consumer really uses the installed libsnplp.so.1
run(readelf -d "${WORK_DIR}/consumer/consumer_shared")
if(NOT last_output MATCHES "libsnplp\\.so\\.1")
  message(FATAL_ERROR "consumer_shared does not need libsnplp.so.1:\n${last_output}")
endif()

# pkg-config
file(GLOB pcdir LIST_DIRECTORIES true "${prefix}/lib*/pkgconfig" "${prefix}/lib/*/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "${pcdir}")
run(pkg-config --cflags --libs snplp)
string(STRIP "${last_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CMAKE_C_COMPILER} -std=c11 -Wall -Wextra -Wpedantic -Werror "${CONSUMER_DIR}/consumer.c"
    -o "${WORK_DIR}/consumer_pc" ${flags})
run(pkg-config --variable=libdir snplp)
string(STRIP "${last_output}" libdir)
set(ENV{LD_LIBRARY_PATH} "${libdir}")
run("${WORK_DIR}/consumer_pc")
if(NOT last_output MATCHES "libsnplp 1\\.[0-9]+\\.[0-9]+ ok")
  message(FATAL_ERROR "consumer_pc printed: ${last_output}")
endif()
run(pkg-config --modversion snplp)
set(version "${last_output}")

# A consumer of the shared library on a machine without libxml2's and ICU's development files:
# pkg-config sees snplp.pc alone (PKG_CONFIG_LIBDIR replaces the system's directories), and
# --cflags/--libs must work with it, as must CMake's find_package() for snplp::snplp.
# (the prefix's own pkgconfig directory holds snplp.pc alone, and snplp.pc finds the prefix
# from where it is)
set(alone "${pcdir}")
file(GLOB pcfiles "${alone}/*.pc")
if(NOT pcfiles STREQUAL "${alone}/snplp.pc")
  message(FATAL_ERROR "${alone} holds more than snplp.pc: ${pcfiles}")
endif()
set(ENV{PKG_CONFIG_LIBDIR} "${alone}")
set(ENV{PKG_CONFIG_PATH} "")
execute_process(COMMAND pkg-config --exists libxml-2.0 RESULT_VARIABLE hidden)
if(hidden EQUAL 0)
  message(FATAL_ERROR "libxml-2.0.pc is still visible with PKG_CONFIG_LIBDIR=${alone}")
endif()
run(pkg-config --cflags --libs snplp)
string(STRIP "${last_output}" flags)
if(flags MATCHES "libxml|icu")
  message(FATAL_ERROR "pkg-config --cflags --libs snplp names libxml2 or ICU: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CMAKE_C_COMPILER} -std=c11 -Wall -Wextra -Wpedantic -Werror "${CONSUMER_DIR}/consumer.c"
    -o "${WORK_DIR}/consumer_pc_alone" ${flags})
run("${WORK_DIR}/consumer_pc_alone")
if(NOT last_output MATCHES "libsnplp 1\\.[0-9]+\\.[0-9]+ ok")
  message(FATAL_ERROR "consumer_pc_alone printed: ${last_output}")
endif()
run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer-alone" -DSHARED_ONLY=ON
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer-alone")
run("${WORK_DIR}/consumer-alone/consumer_shared")
# The static library's flags are still there for pkg-config --static.
run(pkg-config --static --libs snplp)
if(NOT last_output MATCHES "-lxml2" OR NOT last_output MATCHES "-licuuc")
  message(FATAL_ERROR "pkg-config --static --libs snplp lacks libxml2 or ICU: ${last_output}")
endif()
unset(ENV{PKG_CONFIG_LIBDIR})

# The schema and the snplp program are installed; the program runs from the prefix and its
# export validates against the installed schema.
foreach(version 1.0 1.1)
  if(NOT EXISTS "${prefix}/share/snplp/snplp-${version}.xsd")
    message(FATAL_ERROR "the schema is not installed as share/snplp/snplp-${version}.xsd")
  endif()
endforeach()
# ... found without LD_LIBRARY_PATH, as a user of a non-standard prefix runs it (its RPATH,
# $ORIGIN/../LIBDIR, finds the prefix's libsnplp.so.1)
set(saved_ld "$ENV{LD_LIBRARY_PATH}")
unset(ENV{LD_LIBRARY_PATH})
run("${prefix}/bin/snplp" --version)
set(ENV{LD_LIBRARY_PATH} "${saved_ld}")
if(NOT last_output MATCHES "ICU [0-9.]+, libxml2 [0-9.]+")
  message(FATAL_ERROR "snplp --version names no ICU and libxml2 versions: ${last_output}")
endif()
# The man page snplp(1) is installed, and holds every command's help text as --help prints it
# (both come from tools/snplp/help.c): the text between the synopsis and the last line.
set(man "${prefix}/share/man/man1/snplp.1")
if(NOT EXISTS "${man}")
  message(FATAL_ERROR "the man page is not installed as share/man/man1/snplp.1")
endif()
file(READ "${man}" man_text)
string(REPLACE "\\-" "-" man_text "${man_text}")
string(REPLACE "\\&" "" man_text "${man_text}")
string(REPLACE "\\e" "\\" man_text "${man_text}")
foreach(command validate export-builtin report import-csv coverage eligibility)
  run("${prefix}/bin/snplp" ${command} --help)
  string(FIND "${last_output}" "\n\n" start)
  string(FIND "${last_output}" "\nSee snplp --help" end REVERSE)
  if(start LESS 0 OR end LESS start)
    message(FATAL_ERROR "snplp ${command} --help printed: ${last_output}")
  endif()
  math(EXPR start "${start} + 2")
  math(EXPR length "${end} - ${start}")
  string(SUBSTRING "${last_output}" ${start} ${length} help_text)
  string(FIND "${man_text}" "${help_text}" at)
  string(FIND "${man_text}" ".SS ${command}\n" section)
  if(at LESS 0 OR section LESS 0)
    message(FATAL_ERROR "the man page lacks the help of ${command}:\n${help_text}")
  endif()
endforeach()
run("${prefix}/bin/snplp" export-builtin -o "${WORK_DIR}/builtin.xml")
run(xmllint --noout --schema "${prefix}/share/snplp/snplp-1.0.xsd" "${WORK_DIR}/builtin.xml")
# snplp-1.1.xsd finds the snplp-1.0.xsd it includes next to it: a 1.0 document is a 1.1 one
run(xmllint --noout --schema "${prefix}/share/snplp/snplp-1.1.xsd" "${WORK_DIR}/builtin.xml")
# snplp-1.2.xsd finds the snplp-1.1.xsd it includes, and that one its snplp-1.0.xsd
run(xmllint --noout --schema "${prefix}/share/snplp/snplp-1.2.xsd" "${WORK_DIR}/builtin.xml")
# The Python package: imported from the prefix alone (no build tree, no LD_LIBRARY_PATH: the
# module finds the installed libsnplp.so.1 through its RPATH).
if(PYTHON_EXECUTABLE)
  set(pydir "${prefix}/${PYTHON_INSTALL_DIR}")
  unset(ENV{LD_LIBRARY_PATH})
  set(ENV{PYTHONPATH} "${pydir}")
  set(ENV{PYTHONDONTWRITEBYTECODE} 1)
  run(${PYTHON_EXECUTABLE} -s -c [[
import os, snplp
from snplp import _core
rc, ref = _core.snplp_referential_builtin()
assert rc == _core.SNPLP_OK and _core.snplp_referential_theme_count(ref) == 6, rc
_core.snplp_referential_unref(ref)
print(os.path.realpath(snplp.__file__), _core.snplp_version())
]])
  file(REAL_PATH "${pydir}/snplp/__init__.py" expected)
  string(FIND "${last_output}" "${expected} " at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "the installed Python package is not the one imported: ${last_output}")
  endif()
  file(GLOB module "${pydir}/snplp/_core*.so")
  run(readelf -d ${module})
  string(FIND "${last_output}" "[$ORIGIN/" at)
  if(at LESS 0)
    message(FATAL_ERROR "the installed ${module} has no $ORIGIN-relative RPATH:\n${last_output}")
  endif()
endif()

set(last_output "${version}")
message(STATUS "installed package works (pkg-config version ${last_output})")
