#pragma once

#include <QByteArray>
#include <QTemporaryDir>
#include <QtTest>

namespace qvd::test {

// Gives the test process its own HOME and XDG directories (removed at exit), so no test reads
// or writes a real profile, and makes Qt render offscreen. Constructed before the application.
class IsolatedEnvironment
{
public:
    IsolatedEnvironment();
    ~IsolatedEnvironment();

    IsolatedEnvironment(const IsolatedEnvironment &) = delete;
    IsolatedEnvironment &operator=(const IsolatedEnvironment &) = delete;

    QString home() const { return m_home.path(); }

private:
    QTemporaryDir m_home;
};

// A fixture under tests/data.
QString dataPath(const QString &relative);

} // namespace qvd::test

// Defined when built with AddressSanitizer (the CI's ASan + UBSan run): about ten times slower,
// and its allocator keeps freed memory, so sizes and memory figures are not the program's own.
#if defined(__has_feature) // clang
#if __has_feature(address_sanitizer)
#define QVD_TEST_UNDER_ASAN
#endif
#elif defined(__SANITIZE_ADDRESS__) // GCC
#define QVD_TEST_UNDER_ASAN
#endif

#define QVD_TEST_MAIN_WITH(AppType, TestObject)                                                    \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        qvd::test::IsolatedEnvironment isolated;                                                   \
        AppType app(argc, argv);                                                                   \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

// Core tests: no window system at all.
#define QVD_TEST_MAIN(TestObject) QVD_TEST_MAIN_WITH(QCoreApplication, TestObject)
// Tests that paint (QImage, fonts) but create no widget.
#define QVD_TEST_GUI_MAIN(TestObject) QVD_TEST_MAIN_WITH(QGuiApplication, TestObject)
// Widget tests; the test file includes <QApplication>.
#define QVD_TEST_WIDGETS_MAIN(TestObject) QVD_TEST_MAIN_WITH(QApplication, TestObject)

// For tests of the real Secret Service: skips when run by hand outside a D-Bus session, but
// fails under the test command (tests/support/with-keyring.sh sets QVD_REQUIRE_KEYRING).
#define QVD_REQUIRE_SECRET_SERVICE()                                                               \
    do {                                                                                           \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {                             \
            if (qEnvironmentVariableIntValue("QVD_REQUIRE_KEYRING"))                               \
                QFAIL("QVD_REQUIRE_KEYRING is set but there is no D-Bus session");                 \
            QSKIP("no D-Bus session: run through the README's test command");                      \
        }                                                                                          \
    } while (false)
