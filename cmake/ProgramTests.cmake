# rt_add_program_tests(PREFIX <name> VM <target-or-command> DIR <dir> EXT <ext> [ARGS ...]
#                      [LABELS ...] [TIMEOUT <seconds>] [EXCLUDE <stem>...])
# Registers one CTest test per program `<dir>/*.<ext>`, run by tests/tools/run_program.py against
# the expectation files beside it (<name>.stdout, optional .stderr and .exit). TIMEOUT (default
# run_program.py's 120 s) is for the suites the issue demands that run long programs slowly;
# EXCLUDE names programs (without extension) the variant does not apply to.
function(rt_add_program_tests)
  cmake_parse_arguments(T "" "PREFIX;VM;DIR;EXT;TIMEOUT" "ARGS;LABELS;EXCLUDE" ${ARGN})
  set(timeout_args "")
  if(T_TIMEOUT)
    set(timeout_args --timeout ${T_TIMEOUT})
  endif()
  file(GLOB programs CONFIGURE_DEPENDS "${T_DIR}/*.${T_EXT}")
  if(TARGET ${T_VM})
    set(vm_command $<TARGET_FILE:${T_VM}>)
  else()
    set(vm_command ${T_VM})
  endif()
  foreach(program IN LISTS programs)
    get_filename_component(stem ${program} NAME_WE)
    if(stem IN_LIST T_EXCLUDE)
      continue()
    endif()
    add_test(NAME ${T_PREFIX}/${stem}
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/tools/run_program.py ${timeout_args}
                     ${program} -- ${vm_command} ${T_ARGS})
    if(T_TIMEOUT)
      set_tests_properties(${T_PREFIX}/${stem} PROPERTIES TIMEOUT ${T_TIMEOUT})
    endif()
    if(T_LABELS)
      set_tests_properties(${T_PREFIX}/${stem} PROPERTIES LABELS "${T_LABELS}")
    endif()
  endforeach()
endfunction()

# rt_add_ll_program(NAME <name> TARGET <host-program>): rtypes the program of
# rt_add_host_program(<host-program>) once, at build time, into
# ${CMAKE_CURRENT_BINARY_DIR}/<name>.ll.rtir (`rtoolchain rtype`, which links the rlib/ll
# helpers converted once by rlib_ll_ir), so that low-level tests parse and run that file instead of running the front end
# and the rtyper per test. Sets <name>_LL_IR in the caller to the file's path. The same command
# writes the annotator's facts as checks on that program into <name>.ll.facts (`rtype --facts`,
# for `run-ir --check-facts --facts`) and sets <name>_LL_FACTS.
function(rt_add_ll_program)
  cmake_parse_arguments(L "" "NAME;TARGET" "" ${ARGN})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${L_NAME}.ll.rtir)
  set(facts ${CMAKE_CURRENT_BINARY_DIR}/${L_NAME}.ll.facts)
  get_target_property(sources ${L_TARGET} SOURCES)
  get_target_property(source_dir ${L_TARGET} SOURCE_DIR)
  set(inputs "")
  foreach(source IN LISTS sources)
    get_filename_component(path "${source}" ABSOLUTE BASE_DIR "${source_dir}")
    list(APPEND inputs ${path})
  endforeach()
  # Headers the sources include, the program's and the runtime's (a change re-rtypes).
  file(GLOB headers CONFIGURE_DEPENDS "${source_dir}/*.h" "${PROJECT_SOURCE_DIR}/rlib/include/rt/*.h"
       "${PROJECT_SOURCE_DIR}/rlib/ll/*.h" "${PROJECT_SOURCE_DIR}/rlib/ll/*.cpp"
       "${PROJECT_SOURCE_DIR}/rlib/rc/*.h")
  get_target_property(binary_dir ${L_TARGET} BINARY_DIR)
  add_custom_command(OUTPUT ${output} ${facts}
                     COMMAND rtoolchain rtype ${binary_dir}/${L_TARGET}.rttarget -o ${output} --facts ${facts}
                     DEPENDS rtoolchain rlib_ll_ir ${RT_LL_HELPERS_IR} ${inputs} ${headers}
                     COMMENT "rtoolchain rtype ${L_TARGET} (front end, rlib/ll helpers, rtyper)"
                     VERBATIM)
  add_custom_target(${L_NAME}_ll_ir ALL DEPENDS ${output})
  set(${L_NAME}_LL_IR ${output} PARENT_SCOPE)
  set(${L_NAME}_LL_FACTS ${facts} PARENT_SCOPE)
endfunction()

# rt_add_translated_program(NAME <name> LL_IR <file.ll.rtir> OPT O0|O2 [OUTPUT_VAR <var>]):
# translates the low-level program once, at build time (`rtoolchain translate`), into
# ${CMAKE_CURRENT_BINARY_DIR}/translated/<OPT>/<name>, so that the differential tests run one
# executable instead of translating per test. The executable keeps the name <name>, so its
# messages name the program as host mode's do. Sets <var> to the executable's path.
function(rt_add_translated_program)
  cmake_parse_arguments(T "" "NAME;LL_IR;OPT;OUTPUT_VAR" "" ${ARGN})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/translated/${T_OPT}/${T_NAME})
  add_custom_command(OUTPUT ${output}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/translated/${T_OPT}
                     COMMAND rtoolchain translate ${T_LL_IR} -${T_OPT} -o ${output}
                     DEPENDS rtoolchain rt_translated_runtime rt_runtime ${T_LL_IR}
                     COMMENT "rtoolchain translate ${T_NAME} -${T_OPT}"
                     VERBATIM)
  add_custom_target(${T_NAME}_translated_${T_OPT} ALL DEPENDS ${output})
  if(T_OUTPUT_VAR)
    set(${T_OUTPUT_VAR} ${output} PARENT_SCOPE)
  endif()
endfunction()
