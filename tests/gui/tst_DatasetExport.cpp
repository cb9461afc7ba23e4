// One YOLO data set built from the app and the command line together: two exports from the real
// inspector (its Export menu and save dialog) into one folder, then `qwenvl-desk-cli boxes
// --format yolo --output` into the same folder. The class list is one merged classes.txt and
// a class keeps its number across every label file, whoever wrote it.
#include "core/grounding/GroundingParser.h"
#include "core/models/ModelRegistry.h"
#include "ui/inspector/InspectorPane.h"

#include "CliRunner.h"
#include "TestMain.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QTemporaryDir>
#include <QTimer>

using qvd::InspectorPane;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The class number at the start of each line of a YOLO label file.
QList<int> classIds(const QString &labelFile)
{
    QList<int> ids;
    const QStringList lines = readText(labelFile).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        ids.append(line.section(QLatin1Char(' '), 0, 0).toInt());
    return ids;
}

// A Qwen3-VL answer (0..1000 of the image) naming `labels` in order.
QString qwen3Answer(const QStringList &labels)
{
    QString json = QStringLiteral("```json\n[");
    for (int i = 0; i < labels.size(); ++i) {
        json += QStringLiteral("%1{\"bbox_2d\": [%2, 100, %3, 500], \"label\": \"%4\"}")
                    .arg(i ? QStringLiteral(", ") : QString())
                    .arg(100 + 200 * i)
                    .arg(250 + 200 * i)
                    .arg(labels.at(i));
    }
    return json + QStringLiteral("]\n```");
}

qvd::ImageTransform transformOf(const QImage &image)
{
    qvd::ImageTransform transform;
    transform.storedSize = transform.originalSize = image.size();
    transform.sentSize = image.size();
    return transform;
}

} // namespace

class TestDatasetExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yoloFromTheAppTwiceThenTheCliKeepsClassIds();

private:
    // Shows `labels` on a new image named `fileName` and saves its YOLO labels as `path`
    // through the Export menu and the save dialog, as a person does.
    void exportYoloFromTheMenu(InspectorPane &pane, const QString &fileName,
                               const QStringList &labels, const QString &path);

    qvd::ModelRegistry m_models;
};

void TestDatasetExport::exportYoloFromTheMenu(InspectorPane &pane, const QString &fileName,
                                              const QStringList &labels, const QString &path)
{
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(Qt::darkGray);
    pane.setImage(image, transformOf(image), 0, fileName);
    const QString answer = qwen3Answer(labels);
    pane.setAnswer(answer, qvd::GroundingParser().parse(answer),
                   m_models.find(QStringLiteral("qwen3-vl-plus")), {transformOf(image)});

    bool dialogSeen = false;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        dialogSeen = true;
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    });
    poll.start();
    auto *action = pane.findChild<QAction *>(QStringLiteral("actionExportYolo"));
    QVERIFY(action);
    action->trigger(); // returns once the dialog is answered and the files are written
    QVERIFY(dialogSeen);
    QVERIFY2(QFile::exists(path), qPrintable(pane.lastError()));
}

void TestDatasetExport::yoloFromTheAppTwiceThenTheCliKeepsClassIds()
{
    QTemporaryDir dataset;
    QVERIFY(dataset.isValid());
    const QString classesTxt = dataset.filePath(QStringLiteral("classes.txt"));

    InspectorPane pane;
    pane.resize(700, 800);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));

    const QString first = dataset.filePath(QStringLiteral("street.txt"));
    exportYoloFromTheMenu(pane, QStringLiteral("street.png"),
                          {QStringLiteral("dog"), QStringLiteral("cat")}, first);
    QCOMPARE(readText(classesTxt), QStringLiteral("dog\ncat\n"));
    QCOMPARE(classIds(first), QList<int>({0, 1}));

    // A second image with one new label and one seen before: the list grows, "dog" stays 0.
    const QString second = dataset.filePath(QStringLiteral("park.txt"));
    exportYoloFromTheMenu(pane, QStringLiteral("park.png"),
                          {QStringLiteral("bird"), QStringLiteral("dog")}, second);
    QCOMPARE(readText(classesTxt), QStringLiteral("dog\ncat\nbird\n"));
    QCOMPARE(classIds(second), QList<int>({2, 0}));

    // The command line adds a third image to the same folder.
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString imagePath = dataset.filePath(QStringLiteral("garden.png"));
    QVERIFY(image.save(imagePath));
    const qvd::test::CliRun run = qvd::test::runCli(
        {QStringLiteral("boxes"), QStringLiteral("--model"), QStringLiteral("qwen3-vl-plus"),
         QStringLiteral("--format"), QStringLiteral("yolo"), QStringLiteral("--image"), imagePath,
         QStringLiteral("--output"), dataset.path()},
        qwen3Answer({QStringLiteral("cat"), QStringLiteral("person"), QStringLiteral("bird")})
            .toUtf8());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString third = dataset.filePath(QStringLiteral("garden.txt"));
    QCOMPARE(classIds(third), QList<int>({1, 3, 2}));
    QCOMPARE(readText(classesTxt), QStringLiteral("dog\ncat\nbird\nperson\n"));

    // What the app wrote before still reads with the final list.
    QCOMPARE(classIds(first), QList<int>({0, 1}));
    QCOMPARE(classIds(second), QList<int>({2, 0}));
}

QVD_TEST_WIDGETS_MAIN(TestDatasetExport)
#include "tst_DatasetExport.moc"
