# macOS: "QwenVL Desk.app" with our Info.plist and icon, the Qt run time (and QtKeychain) deployed
# into the bundle with macdeployqt at install time, the CLI inside the bundle next to the GUI, an
# ad-hoc signature (or a real one from QVD_CODESIGN_IDENTITY), and a DMG from CPack.
# Built by .github/workflows/build.yml (macos job); it cannot be built on the Debian machines.
#
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DQVD_BUILD_TESTS=OFF
#   cmake --build build && cd build && cpack -G DragNDrop

set(bundle "${QVD_APP_NAME}.app")
set_target_properties(qwenvl-desk PROPERTIES
    OUTPUT_NAME "${QVD_APP_NAME}"
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME "${QVD_APP_NAME}"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${QVD_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE qwenvl-desk.icns
    MACOSX_BUNDLE_COPYRIGHT "The QwenVL Desk contributors")
# Build with -DCMAKE_OSX_DEPLOYMENT_TARGET=11.0 (Info.plist's LSMinimumSystemVersion, Qt 6.5's floor).

# The .icns is rendered from the SVG at build time and copied into the installed bundle.
set(icns ${CMAKE_CURRENT_BINARY_DIR}/qwenvl-desk.icns)
qvd_render_icon(${icns})
add_custom_target(qvd_macos_icon ALL DEPENDS ${icns})
install(FILES ${icns} DESTINATION "${bundle}/Contents/Resources")

find_program(QVD_MACDEPLOYQT macdeployqt HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS} REQUIRED)
set(QVD_CODESIGN_IDENTITY "-" CACHE STRING "codesign identity for the bundle (- is ad hoc)")
# The hardened runtime (needed for notarization) only with a real identity: with ad-hoc signatures
# its library validation would refuse the deployed frameworks.
set(codesign_options "")
if(NOT QVD_CODESIGN_IDENTITY STREQUAL "-")
    set(codesign_options --options runtime --timestamp)
endif()
install(CODE "
    set(prefix \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
    set(bundle \"\${prefix}/${bundle}\")
    # The CLI lives in the bundle, so it shares the deployed frameworks (src/cli installs it to bin/).
    file(RENAME \"\${prefix}/${CMAKE_INSTALL_BINDIR}/qwenvl-desk-cli\"
                \"\${bundle}/Contents/MacOS/qwenvl-desk-cli\")
    file(REMOVE_RECURSE \"\${prefix}/${CMAKE_INSTALL_BINDIR}\")
    # macdeployqt copies Qt frameworks, plugins and non-system dylibs (QtKeychain) into the bundle
    # and rewrites the load paths of both executables.
    execute_process(
        COMMAND \"${QVD_MACDEPLOYQT}\" \"\${bundle}\"
                \"-executable=\${bundle}/Contents/MacOS/qwenvl-desk-cli\" -always-overwrite
        RESULT_VARIABLE result)
    if(result)
        message(FATAL_ERROR \"macdeployqt failed: \${result}\")
    endif()
    # Rewritten load paths break the linker's signature; Apple silicon refuses unsigned code.
    execute_process(
        COMMAND codesign --force --deep ${codesign_options}
                --sign \"${QVD_CODESIGN_IDENTITY}\" \"\${bundle}\"
        RESULT_VARIABLE result)
    if(result)
        message(FATAL_ERROR \"codesign failed: \${result}\")
    endif()
")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "QwenVLDesk-${PROJECT_VERSION}-macos")
set(CPACK_DMG_VOLUME_NAME "${QVD_APP_NAME}")
set(CPACK_DMG_FORMAT UDZO)
