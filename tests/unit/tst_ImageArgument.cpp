// The command line's image arguments as the app reads them, once, in the launching folder.
#include "core/imaging/ImageArgument.h"

#include "TestMain.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using qvd::localImagePath;
using qvd::localImagePaths;

class TestImageArgument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relativePathsAreReadInTheCurrentFolder();
    void fileUrlsBecomeTheirPaths();
    void otherUrlsStayAsWritten();
};

void TestImageArgument::relativePathsAreReadInTheCurrentFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString before = QDir::currentPath();
    QDir::setCurrent(dir.path());
    const QStringList paths =
        localImagePaths({QStringLiteral("cat.png"), QStringLiteral("sub/../dog.jpg"),
                         QStringLiteral("/abs/x.png")});
    QDir::setCurrent(before);
    const QString root = QDir(dir.path()).canonicalPath();
    QCOMPARE(paths,
             QStringList({root + QStringLiteral("/cat.png"), root + QStringLiteral("/dog.jpg"),
                          QStringLiteral("/abs/x.png")}));
}

void TestImageArgument::fileUrlsBecomeTheirPaths()
{
    QCOMPARE(localImagePath(QStringLiteral("file:///home/me/My%20Photos/a.jpg")),
             QStringLiteral("/home/me/My Photos/a.jpg"));
    QCOMPARE(localImagePath(QStringLiteral("file:///tmp/%E7%8C%AB.png")),
             QStringLiteral("/tmp/猫.png"));
}

void TestImageArgument::otherUrlsStayAsWritten()
{
    QCOMPARE(localImagePath(QStringLiteral("https://example.com/a.jpg")),
             QStringLiteral("https://example.com/a.jpg"));
}

QVD_TEST_MAIN(TestImageArgument)
#include "tst_ImageArgument.moc"
