# The GUI's --version prints the project's version (the one packages carry) and exits 0.
execute_process(COMMAND ${BINARY} --version OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "--version exited with ${rc}: ${err}")
endif()
if(NOT out MATCHES "QwenVL Desk ${VERSION}")
    message(FATAL_ERROR "--version printed '${out}', expected 'QwenVL Desk ${VERSION}'")
endif()
