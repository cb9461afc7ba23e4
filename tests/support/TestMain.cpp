#include "TestMain.h"

#include <QDir>

namespace qvd::test {
namespace {

const char *const kIsolatedVariables[][2] = {
    {"XDG_CONFIG_HOME", ".config"},
    {"XDG_DATA_HOME", ".local/share"},
    {"XDG_CACHE_HOME", ".cache"},
    {"XDG_STATE_HOME", ".local/state"},
};

} // namespace

IsolatedEnvironment::IsolatedEnvironment()
    : m_home(QDir::tempPath() + QStringLiteral("/qvd-test-home-XXXXXX"))
{
    if (!m_home.isValid())
        qFatal("cannot create a temporary HOME: %s", qPrintable(m_home.errorString()));
    qputenv("HOME", QFile::encodeName(m_home.path()));
    for (const auto &variable : kIsolatedVariables) {
        const QString dir = m_home.filePath(QString::fromLatin1(variable[1]));
        QDir().mkpath(dir);
        qputenv(variable[0], QFile::encodeName(dir));
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

IsolatedEnvironment::~IsolatedEnvironment() = default;

QString dataPath(const QString &relative)
{
    return QStringLiteral(QVD_TEST_DATA_DIR "/") + relative;
}

} // namespace qvd::test
