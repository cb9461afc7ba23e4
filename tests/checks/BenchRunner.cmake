# scripts/bench.sh fails when a goal is missed: with every goal made a hundred times stricter
# (QVD_BENCH_GOAL_SCALE=0.01) a bench misses its goal, the table says MISSED and the runner
# exits non-zero; a hundred times laxer, the same bench meets it and the runner exits 0.
foreach(scale 0.01 100)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env --unset=QVD_BENCH_QUICK QVD_BENCH_GOAL_SCALE=${scale}
                QVD_BUILD_DIR=${BUILD_DIR} ${RUNNER} --no-build PrepareMemory
        OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(scale STREQUAL "0.01")
        if(rc EQUAL 0 OR NOT out MATCHES "\tMISSED|  MISSED")
            message(FATAL_ERROR "a missed goal did not fail the run (exit ${rc}):\n${out}${err}")
        endif()
        if(out MATCHES "FAILED")
            message(FATAL_ERROR "the bench failed instead of missing its goal:\n${out}${err}")
        endif()
    elseif(NOT rc EQUAL 0 OR NOT out MATCHES "  met  ")
        message(FATAL_ERROR "a met goal failed the run (exit ${rc}):\n${out}${err}")
    endif()
endforeach()
