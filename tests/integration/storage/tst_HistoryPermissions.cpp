// The history holds private photos and conversations: its folder is 0700 and its database (with
// -wal and -shm) and images 0600, whether the app or the command-line tool made them, and an
// older install's looser modes are tightened when it is opened.
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include "BundleWriter.h"
#include "CliRunner.h"
#include "TestMain.h"

#include <QDirIterator>

#include <sys/stat.h>

using namespace qvd;

namespace {

int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

#define QVD_COMPARE_MODE(path, expected)                                                           \
    QVERIFY2(modeOf(path) == (expected),                                                           \
             qPrintable(QStringLiteral("%1 is %2, not %3")                                         \
                            .arg(path)                                                             \
                            .arg(modeOf(path), 0, 8)                                               \
                            .arg((expected), 0, 8)))

QByteArray png(QColor color)
{
    QImage image(QSize(8, 8), QImage::Format_RGB32);
    image.fill(color);
    return qvd::test::encodedImage(image, "PNG");
}

} // namespace

class TestHistoryPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void commandLineMakesAPrivateHistory();
    void openHistoryAndImagesArePrivate();
    void olderInstallIsTightenedWhenOpened();
    void importedImagesArePrivate();

private:
    qvd::test::CliRun cli(const QStringList &arguments) const;
    QString data() const { return m_home->filePath(QStringLiteral(".local/share/qwenvl-desk")); }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestHistoryPermissions::initTestCase()
{
    // The usual umask: without care, files come out 0644 and folders 0755.
    ::umask(022);
}

void TestHistoryPermissions::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

qvd::test::CliRun TestHistoryPermissions::cli(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    QStringList all{QStringLiteral("history")};
    all += arguments;
    return qvd::test::runCli(all, {}, env);
}

void TestHistoryPermissions::commandLineMakesAPrivateHistory()
{
    const qvd::test::CliRun run = cli({QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVD_COMPARE_MODE(data(), 0700);
    QVD_COMPARE_MODE(data() + QStringLiteral("/history.sqlite"), 0600);
    // The parent folders are the person's own business.
    QVD_COMPARE_MODE(m_home->filePath(QStringLiteral(".local/share")), 0755);
}

void TestHistoryPermissions::openHistoryAndImagesArePrivate()
{
    const HistoryLocation location(data());
    HistoryStore history;
    ImageStore images(location.imagesPath());
    QVERIFY(location.open(history, images).ok());
    Conversation header;
    header.id = QStringLiteral("c");
    header.title = QStringLiteral("私密");
    QVERIFY(!history.saveConversation(header).isError());
    // While it is open, SQLite's -wal and -shm hold its pages: private too.
    const QString database = location.databasePath();
    QVERIFY(QFileInfo::exists(database + QStringLiteral("-wal")));
    QVD_COMPARE_MODE(database, 0600);
    QVD_COMPARE_MODE(database + QStringLiteral("-wal"), 0600);
    QVD_COMPARE_MODE(database + QStringLiteral("-shm"), 0600);
    QVD_COMPARE_MODE(data(), 0700);

    const ImageStore::PutResult put = images.put(png(Qt::red));
    QVERIFY(put.ok());
    QVD_COMPARE_MODE(images.pathFor(put.sha256), 0600);
    QVD_COMPARE_MODE(QFileInfo(images.pathFor(put.sha256)).absolutePath(), 0700);
    QVD_COMPARE_MODE(images.root(), 0700);
}

void TestHistoryPermissions::olderInstallIsTightenedWhenOpened()
{
    // What an earlier version left: everything readable by everyone.
    const HistoryLocation location(data());
    QByteArray sha256;
    {
        HistoryStore history;
        ImageStore images(location.imagesPath());
        QVERIFY(location.open(history, images).ok());
        const ImageStore::PutResult put = images.put(png(Qt::blue));
        QVERIFY(put.ok());
        sha256 = put.sha256;
        const QString image = images.pathFor(sha256);
        for (const QString &file : {location.databasePath(), image})
            QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        for (const QString &folder :
             {data(), location.imagesPath(), QFileInfo(image).absolutePath()})
            QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    }
    QVD_COMPARE_MODE(location.databasePath(), 0644);

    const qvd::test::CliRun run = cli({QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString image = ImageStore(location.imagesPath()).pathFor(sha256);
    QVD_COMPARE_MODE(data(), 0700);
    QVD_COMPARE_MODE(location.databasePath(), 0600);
    QVD_COMPARE_MODE(location.imagesPath(), 0700);
    QVD_COMPARE_MODE(QFileInfo(image).absolutePath(), 0700);
    QVD_COMPARE_MODE(image, 0600);
}

void TestHistoryPermissions::importedImagesArePrivate()
{
    const QByteArray image = png(Qt::green);
    const QString bundle = m_home->filePath(QStringLiteral("b.json"));
    {
        qvd::test::BundleWriter writer(bundle);
        writer.addConversation(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("p")},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("role"), QStringLiteral("user")},
                 {QStringLiteral("parts"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("kind"), QStringLiteral("image")},
                      {QStringLiteral("image_url"), QStringLiteral("https://example.com/p.png")}}}},
                 {QStringLiteral("images"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("sha256"),
                                   QString::fromLatin1(qvd::test::sha256Of(image).toHex())}}}}}}}});
        writer.addImage(image);
        QVERIFY(writer.finish());
    }
    const qvd::test::CliRun run = cli({QStringLiteral("import"), bundle});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    const QString stored =
        ImageStore(HistoryLocation(data()).imagesPath()).pathFor(qvd::test::sha256Of(image));
    QVERIFY(QFileInfo::exists(stored));
    QVD_COMPARE_MODE(stored, 0600);
    QVD_COMPARE_MODE(QFileInfo(stored).absolutePath(), 0700);
}

QVD_TEST_GUI_MAIN(TestHistoryPermissions)
#include "tst_HistoryPermissions.moc"
