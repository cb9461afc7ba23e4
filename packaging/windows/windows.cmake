# Windows: an icon and version resource in the exe, the Qt run time deployed next to it with
# windeployqt at install time, and an NSIS installer (plus a portable ZIP) from CPack.
# Built by .github/workflows/build.yml (windows job); it cannot be built on the Debian machines.
#
#   cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DQVD_BUILD_TESTS=OFF
#   cmake --build build && cd build && cpack -G "NSIS;ZIP"

# The .ico is rendered from the SVG at build time; the resource script embeds it and the version.
set(QVD_WINDOWS_ICO ${CMAKE_CURRENT_BINARY_DIR}/qwenvl-desk.ico)
qvd_render_icon(${QVD_WINDOWS_ICO})
add_custom_target(qvd_windows_icon ALL DEPENDS ${QVD_WINDOWS_ICO})
configure_file(${CMAKE_CURRENT_LIST_DIR}/qwenvl-desk.rc.in
    ${CMAKE_CURRENT_BINARY_DIR}/qwenvl-desk.rc @ONLY)
target_sources(qwenvl-desk PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/qwenvl-desk.rc)
set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/qwenvl-desk.rc
    TARGET_DIRECTORY qwenvl-desk PROPERTIES OBJECT_DEPENDS ${QVD_WINDOWS_ICO})
add_dependencies(qwenvl-desk qvd_windows_icon)

# The MSVC run time goes next to the exe (no vc_redist step in the installer).
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

# QtKeychain is not a Qt module, so windeployqt does not copy it.
if(TARGET qt6keychain)
    install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# windeployqt copies the Qt DLLs, plugins (platforms, styles, imageformats, iconengines,
# sqldrivers, tls) and Qt's translations that both executables need into bin/.
find_program(QVD_WINDEPLOYQT windeployqt HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS} REQUIRED)
install(CODE "
    set(bin \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    execute_process(
        COMMAND \"${QVD_WINDEPLOYQT}\" --release --no-compiler-runtime --no-opengl-sw
                --no-system-d3d-compiler --translations en,zh_CN
                \"\${bin}/qwenvl-desk.exe\" \"\${bin}/qwenvl-desk-cli.exe\"
        RESULT_VARIABLE result)
    if(result)
        message(FATAL_ERROR \"windeployqt failed: \${result}\")
    endif()
    # History is SQLite only; the other drivers would need client DLLs we do not ship.
    file(GLOB drivers \"\${bin}/sqldrivers/*.dll\")
    list(FILTER drivers EXCLUDE REGEX \"/qsqlite[.]dll$\")
    if(drivers)
        file(REMOVE \${drivers})
    endif()
")

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_FILE_NAME "QwenVLDesk-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${QVD_APP_NAME}")
set(CPACK_NSIS_PACKAGE_NAME "${QVD_APP_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${QVD_APP_NAME}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON ${QVD_WINDOWS_ICO})
set(CPACK_NSIS_MUI_UNIICON ${QVD_WINDOWS_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\qwenvl-desk.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY ${CMAKE_INSTALL_BINDIR})
set(CPACK_CREATE_DESKTOP_LINKS qwenvl-desk)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN qwenvl-desk.exe)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# "Open with" for images: register the exe under Applications with the image types it opens.
set(qvd_app_key "Software\\Classes\\Applications\\qwenvl-desk.exe")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr SHCTX '${qvd_app_key}' 'FriendlyAppName' '${QVD_APP_NAME}'
  WriteRegStr SHCTX '${qvd_app_key}\\shell\\open\\command' '' '\"$INSTDIR\\bin\\qwenvl-desk.exe\" \"%1\"'
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.png' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.jpg' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.jpeg' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.webp' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.gif' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.bmp' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.tif' ''
  WriteRegStr SHCTX '${qvd_app_key}\\SupportedTypes' '.tiff' ''
  WriteRegStr SHCTX 'Software\\Classes\\.png\\OpenWithList\\qwenvl-desk.exe' '' ''
  WriteRegStr SHCTX 'Software\\Classes\\.jpg\\OpenWithList\\qwenvl-desk.exe' '' ''
  WriteRegStr SHCTX 'Software\\Classes\\.jpeg\\OpenWithList\\qwenvl-desk.exe' '' ''
  WriteRegStr SHCTX 'Software\\Classes\\.webp\\OpenWithList\\qwenvl-desk.exe' '' ''
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey SHCTX '${qvd_app_key}'
  DeleteRegKey SHCTX 'Software\\Classes\\.png\\OpenWithList\\qwenvl-desk.exe'
  DeleteRegKey SHCTX 'Software\\Classes\\.jpg\\OpenWithList\\qwenvl-desk.exe'
  DeleteRegKey SHCTX 'Software\\Classes\\.jpeg\\OpenWithList\\qwenvl-desk.exe'
  DeleteRegKey SHCTX 'Software\\Classes\\.webp\\OpenWithList\\qwenvl-desk.exe'
")
