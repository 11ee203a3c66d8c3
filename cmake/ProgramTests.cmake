# rt_add_program_tests(PREFIX <name> VM <target-or-command> DIR <dir> EXT <ext> [ARGS ...])
# Registers one CTest test per program `<dir>/*.<ext>`, run by tests/tools/run_program.py against
# the expectation files beside it (<name>.stdout, optional .stderr and .exit).
function(rt_add_program_tests)
  cmake_parse_arguments(T "" "PREFIX;VM;DIR;EXT" "ARGS;LABELS" ${ARGN})
  file(GLOB programs CONFIGURE_DEPENDS "${T_DIR}/*.${T_EXT}")
  if(TARGET ${T_VM})
    set(vm_command $<TARGET_FILE:${T_VM}>)
  else()
    set(vm_command ${T_VM})
  endif()
  foreach(program IN LISTS programs)
    get_filename_component(stem ${program} NAME_WE)
    add_test(NAME ${T_PREFIX}/${stem}
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/tools/run_program.py
                     ${program} -- ${vm_command} ${T_ARGS})
    if(T_LABELS)
      set_tests_properties(${T_PREFIX}/${stem} PROPERTIES LABELS "${T_LABELS}")
    endif()
  endforeach()
endfunction()
