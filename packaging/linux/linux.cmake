# Linux desktop integration (freedesktop.org) and the Debian package. Included from
# packaging/CMakeLists.txt, so CMAKE_CURRENT_SOURCE_DIR is packaging/ and the CPACK_* variables set
# here reach include(CPack).

set(linux_dir ${CMAKE_CURRENT_LIST_DIR})
set(desktop_file ${linux_dir}/${QVD_APP_ID}.desktop)
set(metainfo_file ${linux_dir}/${QVD_APP_ID}.metainfo.xml)

# The newest release in the metainfo must be this version, so software centres show the notes of
# the release they install. Bumping project(VERSION) means adding a <release> entry.
file(READ ${metainfo_file} metainfo_text)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _ "${metainfo_text}")
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "${metainfo_file}: the newest <release> is '${CMAKE_MATCH_1}' but the "
        "project version is ${PROJECT_VERSION}; add a <release> entry with its notes")
endif()

# hicolor PNG sizes, rendered from the SVG at build time (the SVG itself goes to scalable/).
set(QVD_ICON_PNG_SIZES 16 22 24 32 48 64 128 256 512)
set(icon_outputs "")
foreach(size IN LISTS QVD_ICON_PNG_SIZES)
    set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/${QVD_APP_ID}.png)
    file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size})
    qvd_render_icon(${png} ${size})
    list(APPEND icon_outputs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(qvd_icons ALL DEPENDS ${icon_outputs})

install(FILES ${QVD_ICON_SVG}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${QVD_APP_ID}.svg)
install(FILES ${desktop_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${metainfo_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# qt_standard_project_setup() gives installed binaries RUNPATH $ORIGIN:$ORIGIN/../lib for shared
# libraries of our own. We have none (core and ui are static) and link the system Qt, so installed
# binaries get no RUNPATH: a /usr/bin binary must not search /usr/lib first (lintian flags it).
set_target_properties(qwenvl-desk qwenvl-desk-cli PROPERTIES INSTALL_RPATH "")

# Debian package: cpack -G DEB (packaging/linux/check-package.sh does it and tests the result).
set(CPACK_GENERATOR DEB)
# Debian wants the long description in lines under 80 columns; CPack does not wrap it.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Drop or paste images into a chat, ask in English or Chinese, and watch the\n"
    "answer stream in. Every box or point the model names is drawn over the right\n"
    "image. Works with Alibaba Cloud DashScope and with local OpenAI-compatible\n"
    "servers (vLLM, Ollama, LM Studio, llama.cpp). The API key is kept in the\n"
    "system keychain (Secret Service). Includes the qwenvl-desk-cli tool.")
set(CPACK_DEBIAN_PACKAGE_NAME qwenvl-desk)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the binaries link come from dpkg-shlibdeps (added to the list below); it cannot see
# what Qt loads at run time, so those packages are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
string(JOIN ", " CPACK_DEBIAN_PACKAGE_DEPENDS
    libqt6sql6-sqlite          # the QSQLITE driver for the history database
    qt6-image-formats-plugins  # WebP, TIFF... image plugins (PNG, JPEG, GIF are built in)
    qt6-qpa-plugins            # the xcb (X11) platform plugin, and offscreen for --version checks
    libqt6svg6                 # SVG icons load through the svg icon engine and image plugins
    libsecret-1-0)             # QtKeychain reaches the Secret Service through libsecret
string(JOIN ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS
    gnome-keyring              # a Secret Service to keep the API key in
    qt6-translations-l10n      # Qt's own dialog strings (zh_CN among them)
    qt6-wayland)               # native Wayland windows (without it Qt uses XWayland)
