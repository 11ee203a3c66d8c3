# Third-party dependencies, all from Debian 12 packages (scripts/deps.sh installs them).

# LLVM/Clang 19 are pinned by path: LLVMConfigVersion.cmake rejects "19" (it wants 19.1), and an
# unpinned search may find another installed LLVM.
find_package(LLVM REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/llvm NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "LLVM 19 required, found ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")
endif()
find_package(Clang REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/clang NO_DEFAULT_PATH)
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")

# One interface target for code using LLVM: shared libLLVM, include dirs as SYSTEM so
# -Wall -Wextra stay about our code.
add_library(rt_llvm INTERFACE)
target_include_directories(rt_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(rt_llvm INTERFACE ${LLVM_DEFINITIONS})
target_link_libraries(rt_llvm INTERFACE LLVM)

add_library(rt_clang INTERFACE)
target_include_directories(rt_clang SYSTEM INTERFACE ${CLANG_INCLUDE_DIRS})
target_link_libraries(rt_clang INTERFACE rt_llvm clang-cpp)

# Boehm GC has no CMake package.
find_package(PkgConfig REQUIRED)
pkg_check_modules(BDWGC REQUIRED IMPORTED_TARGET bdw-gc)

find_package(Catch2 2 REQUIRED)
include(Catch)

find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_package(Threads REQUIRED)
