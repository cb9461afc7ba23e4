# One place for the compile settings every QwenVL Desk target shares.

function(qvd_apply_common_settings target)
    target_compile_features(${target} PUBLIC cxx_std_17)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS
        QT_NO_CAST_FROM_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_NO_CAST_TO_ASCII
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast)
        if(QVD_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(QVD_SANITIZE)
            target_compile_options(${target} PRIVATE
                -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
            target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        endif()
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4 /utf-8 $<$<BOOL:${QVD_WERROR}>:/WX>)
    endif()
endfunction()

# Fails the configure step if `target` reaches Qt Widgets through its link graph.
# qwenvl_core must stay usable without a window system (docs/architecture.md, "Rules that keep it simple").
function(qvd_assert_no_widgets target)
    set(queue ${target})
    set(seen "")
    while(queue)
        list(POP_FRONT queue current)
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" current "${current}")
        if(current MATCHES "^Qt[0-9]*::Widgets$")
            message(FATAL_ERROR "${target} must not link Qt Widgets (reached ${current})")
        endif()
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        foreach(prop LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(deps ${current} ${prop})
            if(deps)
                list(APPEND queue ${deps})
            endif()
        endforeach()
    endwhile()
endfunction()
