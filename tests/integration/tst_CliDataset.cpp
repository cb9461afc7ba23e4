// `qwenvl-desk-cli boxes --output` and `render` write through the data set writer the app's
// exports use: files named after the image in a data set's folder, the image named relative to
// that folder, YOLO classes numbered by the folder's classes.txt, Pascal VOC too.
#include "CliRunner.h"
#include "TestMain.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using qvd::test::CliRun;
using qvd::test::runCli;

namespace {

// Qwen3-VL: 0..1000 of the image. On 400 × 200: cat (40,40)–(200,120), dog (200,100)–(400,200).
const QByteArray kAnswer = R"([{"bbox_2d": [100, 200, 500, 600], "label": "cat"},
                               {"bbox_2d": [500, 500, 1000, 1000], "label": "dog"}])";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void outputFolderNamesTheFilesAfterTheImage();
    void outputFileAndClassesOption();
    void vocIsPrinted();
    void outputThatCannotBeWrittenSaysWhere();

private:
    CliRun boxes(const QStringList &options) const
    {
        return runCli(QStringList{QStringLiteral("boxes"), QStringLiteral("--model"),
                                  QStringLiteral("qwen3-vl-plus"), QStringLiteral("--image"),
                                  m_image}
                          + options,
                      kAnswer);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_image;
};

void TestCliDataset::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("pictures")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("set")));
    m_image = m_dir->filePath(QStringLiteral("pictures/photo.png"));
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    QVERIFY(image.save(m_image));
}

void TestCliDataset::outputFolderNamesTheFilesAfterTheImage()
{
    const QString set = m_dir->filePath(QStringLiteral("set"));
    for (const char *format : {"labelme", "voc", "yolo"}) {
        const CliRun run = boxes({QStringLiteral("--format"), QString::fromLatin1(format),
                                  QStringLiteral("--output"), set});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("photo.")), qPrintable(run.err));
    }
    const QJsonObject labelMe =
        QJsonDocument::fromJson(readAll(QDir(set).filePath(QStringLiteral("photo.json")))).object();
    QCOMPARE(labelMe.value(QStringLiteral("imagePath")).toString(),
             QStringLiteral("../pictures/photo.png"));
    QCOMPARE(labelMe.value(QStringLiteral("shapes")).toArray().size(), 2);
    const QString voc = QString::fromUtf8(readAll(QDir(set).filePath(QStringLiteral("photo.xml"))));
    QVERIFY2(voc.contains(QStringLiteral("<filename>../pictures/photo.png</filename>")),
             qPrintable(voc));
    QVERIFY(voc.contains(QStringLiteral("<xmin>40</xmin>")));
    QVERIFY(voc.contains(QStringLiteral("<ymax>120</ymax>")));
    QCOMPARE(readAll(QDir(set).filePath(QStringLiteral("photo.txt"))),
             QByteArray("0 0.300000 0.400000 0.400000 0.400000\n"
                        "1 0.750000 0.750000 0.500000 0.500000\n"));
    QCOMPARE(readAll(QDir(set).filePath(QStringLiteral("classes.txt"))), QByteArray("cat\ndog\n"));

    // A folder that does not exist yet, named with a trailing slash, is made.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh/set")) + QLatin1Char('/');
    const CliRun run = boxes(
        {QStringLiteral("--format"), QStringLiteral("yolo"), QStringLiteral("--output"), fresh});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::exists(fresh + QStringLiteral("photo.txt")));
    QCOMPARE(readAll(fresh + QStringLiteral("classes.txt")), QByteArray("cat\ndog\n"));
}

void TestCliDataset::outputFileAndClassesOption()
{
    // A named file, numbered by a class list elsewhere that already knows "dog".
    const QString classes = m_dir->filePath(QStringLiteral("names.txt"));
    QFile list(classes);
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("dog\n");
    list.close();
    const QString labels = m_dir->filePath(QStringLiteral("set/first.txt"));
    const CliRun run =
        boxes({QStringLiteral("--format"), QStringLiteral("yolo"), QStringLiteral("--output"),
               labels, QStringLiteral("--classes"), classes});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(readAll(labels).startsWith("1 0.300000"));
    QCOMPARE(readAll(classes), QByteArray("dog\ncat\n"));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("set/classes.txt"))));

    // json is printed, not written.
    const CliRun json = boxes({QStringLiteral("--output"), labels});
    QCOMPARE(json.exitCode, 2);
    QVERIFY2(json.err.contains(QStringLiteral("--output")), qPrintable(json.err));
}

void TestCliDataset::vocIsPrinted()
{
    const CliRun run = boxes({QStringLiteral("--format"), QStringLiteral("voc")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("<filename>photo.png</filename>")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("<width>400</width>")));
    QCOMPARE(run.out.count(QStringLiteral("<object>")), 2);
}

void TestCliDataset::outputThatCannotBeWrittenSaysWhere()
{
    const QString nowhere = m_dir->filePath(QStringLiteral("missing/dir/photo.json"));
    const CliRun run = boxes(
        {QStringLiteral("--format"), QStringLiteral("coco"), QStringLiteral("--output"), nowhere});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("photo.json")), qPrintable(run.err));
    const CliRun render =
        runCli({QStringLiteral("render"), QStringLiteral("--image"), m_image,
                QStringLiteral("--model"), QStringLiteral("qwen3-vl-plus"),
                QStringLiteral("--output"), m_dir->filePath(QStringLiteral("missing/out.png"))},
               kAnswer);
    QCOMPARE(render.exitCode, 1);
    QVERIFY2(render.err.contains(QStringLiteral("out.png")), qPrintable(render.err));
    // A folder given with no image to name the file after.
    const CliRun sized =
        runCli({QStringLiteral("boxes"), QStringLiteral("--size"), QStringLiteral("400x200"),
                QStringLiteral("--format"), QStringLiteral("yolo"), QStringLiteral("--output"),
                m_dir->filePath(QStringLiteral("set"))},
               kAnswer);
    QCOMPARE(sized.exitCode, 1);
    QVERIFY2(sized.err.contains(QStringLiteral("--image")), qPrintable(sized.err));
}

QVD_TEST_GUI_MAIN(TestCliDataset)
#include "tst_CliDataset.moc"
