// Journey: a person with a folder of photos opens File → Batch Jobs…, makes a job over the
// folder, reads the estimate, confirms, and watches it run through DashScope's Batch API (a
// loopback Batch API server); then browses its images with their boxes in the inspector,
// filters the ones with nothing found and the failed ones, and exports the data set as COCO.
// A job started with the command line shows up in the same window, and a model the Batch API
// refuses is reported against the job in the person's language.
#include "core/settings/EndpointProfile.h"
#include "core/settings/Settings.h"
#include "ui/LanguageManager.h"
#include "ui/batch/BatchWindow.h"
#include "ui/batch/ExportJobDialog.h"
#include "ui/batch/JobBrowser.h"
#include "ui/batch/NewJobDialog.h"

#include "BatchApiServer.h"
#include "CliRunner.h"
#include "HttpTestServer.h"
#include "JourneyApp.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>

#include <QPointer>

#include <functional>

using namespace qvd;
using namespace qvd::test;

namespace {

const QString kKey = QStringLiteral("sk-journey-batch-0123456789");
const QString kModel = QStringLiteral("qwen3-vl-plus");

// Columns of the job list, as the person reads them.
enum Column { Created, State, Progress, Done, Failed, Waiting, Mode, Model, Folder };

// `count` distinct 400 × 200 PNGs in `folder`.
bool writePhotos(const QString &folder, int count)
{
    if (!QDir().mkpath(folder))
        return false;
    for (int i = 0; i < count; ++i) {
        QImage image(400, 200, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 53) % 360, 180, 220));
        image.setPixel(i, 1, qRgb(i, 0, 255 - i)); // distinct bytes
        if (!image.save(QDir(folder).filePath(QStringLiteral("photo-%1.png").arg(i))))
            return false;
    }
    return true;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

void typeInto(QLineEdit *edit, const QString &text)
{
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestJourneyBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void folderToDatasetThroughTheBatchWindow();
    void jobStartedByTheCommandLineShowsUp();
    void cancelledJobStopsItsBatchAndRetries();
    void refusedModelIsShownInChinese();
    void validationAndExpiryAreShownOnTheirImages();
    void estimateCancelledSendsNothing();
    void localServerJobRunsDirect();
    void quittingMidJobLosesNothing();

private:
    BatchWindow *openBatchWindow();
    // Fills the New Job dialog for `folder` in batch mode and asks for the estimate.
    // `more` fills in the rest of the form before Estimate is pressed.
    NewJobDialog *startNewJob(BatchWindow *window, const QString &folder,
                              const std::function<void(NewJobDialog *)> &more = {});
    // The same, then confirms the estimate: the new job's id once it is listed first (empty if
    // it never is).
    QString confirmNewJob(BatchWindow *window, const QString &folder);
    int rowOf(BatchWindow *window, const QString &jobId);
    QString cell(BatchWindow *window, int row, int column);
    QString selectedJob(BatchWindow *window);

    std::unique_ptr<BatchApiServer> m_server;
    std::unique_ptr<JourneyApp> m_journey;
    QTemporaryDir m_dir;
    QSet<QString> m_failing; // custom_ids the server answers with an error
    QSet<QString> m_empty; // custom_ids answered with nothing found
};

void TestJourneyBatch::initTestCase()
{
    QVD_REQUIRE_SECRET_SERVICE();
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<BatchApiServer>();
    QVERIFY(m_server->listen());
    QUrl native = m_server->baseUrl();
    native.setPath(QStringLiteral("/api/v1"));
    qputenv("DASHSCOPE_HTTP_BASE_URL", native.toEncoded());
    qputenv("DASHSCOPE_API_KEY", kKey.toUtf8());
    // Status checks every 20 ms instead of every minute (only the test environment can).
    qputenv("QVD_BATCH_MIN_POLL_MS", "20");
    m_journey = std::make_unique<JourneyApp>();
    m_journey->window().resize(1400, 900);
    QVERIFY(m_journey->waitStarted());
}

void TestJourneyBatch::cleanup()
{
    if (!m_server)
        return;
    m_server->afterAction = {};
    m_server->failingIds.clear();
    m_server->unsupportedModel.clear();
    m_server->invalidLines.clear();
    m_server->expireAfter = -1;
    m_server->answer = [](const QString &) {
        return QStringLiteral(
            "```json\n[{\"bbox_2d\": [0, 0, 500, 500], \"label\": \"dog\"}]\n```");
    };
    if (m_journey && m_journey->app().context().language->language() != QStringLiteral("en"))
        m_journey->app().context().language->setLanguage(QStringLiteral("en"));
}

void TestJourneyBatch::cleanupTestCase()
{
    m_journey.reset();
    m_server.reset();
}

BatchWindow *TestJourneyBatch::openBatchWindow()
{
    QAction *open = m_journey->action(QStringLiteral("actionBatchJobs"));
    if (!open)
        return nullptr;
    open->trigger();
    return m_journey->waitForWindow<BatchWindow>();
}

NewJobDialog *TestJourneyBatch::startNewJob(BatchWindow *window, const QString &folder,
                                            const std::function<void(NewJobDialog *)> &more)
{
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("newJobButton")),
                      Qt::LeftButton);
    auto *dialog = m_journey->waitForWindow<NewJobDialog>();
    if (!dialog)
        return nullptr;
    typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("folderEdit")), folder);
    auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QTest::mouseClick(prompt->viewport(), Qt::LeftButton);
    QTest::keyClicks(prompt, QStringLiteral("Find every cat. Answer with bbox_2d and label."));
    auto *model = dialog->findChild<QComboBox *>(QStringLiteral("modelCombo"));
    model->setCurrentText(kModel);
    auto *mode = dialog->findChild<QComboBox *>(QStringLiteral("modeCombo"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("batch")));
    if (more)
        more(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("estimateButton")),
                      Qt::LeftButton);
    return dialog;
}

QString TestJourneyBatch::confirmNewJob(BatchWindow *window, const QString &folder)
{
    QPointer<NewJobDialog> dialog = startNewJob(window, folder);
    if (!dialog)
        return {};
    auto *estimate = dialog->findChild<QLabel *>(QStringLiteral("estimateText"));
    if (!QTest::qWaitFor([&] { return estimate->isVisible(); }, 30000))
        return {};
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                      Qt::LeftButton);
    const bool listed = QTest::qWaitFor(
        [&] {
            return (!dialog || !dialog->isVisible()) && !selectedJob(window).isEmpty()
                && rowOf(window, selectedJob(window)) == 0;
        },
        15000);
    return listed ? selectedJob(window) : QString();
}

// `batch submit FOLDER … --yes --json` with the real command line: the job's id, or empty.
static QString submitWithCli(const QString &folder)
{
    const CliRun submitted =
        runCli({QStringLiteral("batch"), QStringLiteral("submit"), folder,
                QStringLiteral("--prompt"), QStringLiteral("Find every dog."),
                QStringLiteral("--model"), kModel, QStringLiteral("--mode"),
                QStringLiteral("batch"), QStringLiteral("--yes"), QStringLiteral("--json")});
    if (submitted.exitCode != 0)
        qWarning("batch submit failed: %s", qPrintable(submitted.err));
    return submitted.exitCode == 0 ? submitted.json().value(QLatin1String("job")).toString()
                                   : QString();
}

int TestJourneyBatch::rowOf(BatchWindow *window, const QString &jobId)
{
    QAbstractItemModel *model = window->findChild<QTreeView *>(QStringLiteral("jobList"))->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::UserRole).toString() == jobId)
            return row;
    }
    return -1;
}

QString TestJourneyBatch::cell(BatchWindow *window, int row, int column)
{
    QAbstractItemModel *model = window->findChild<QTreeView *>(QStringLiteral("jobList"))->model();
    return model->index(row, column).data().toString();
}

QString TestJourneyBatch::selectedJob(BatchWindow *window)
{
    const QModelIndex current =
        window->findChild<QTreeView *>(QStringLiteral("jobList"))->currentIndex();
    return current.siblingAtColumn(0).data(Qt::UserRole).toString();
}

void TestJourneyBatch::folderToDatasetThroughTheBatchWindow()
{
    const QString folder = m_dir.filePath(QStringLiteral("photos"));
    QVERIFY(writePhotos(folder, 4));
    QVERIFY(writePhotos(folder + QStringLiteral("/more"), 0));
    // Two more in a subfolder: the folder is read recursively.
    {
        QImage image(400, 200, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(folder + QStringLiteral("/more/a.png")));
        image.fill(Qt::darkMagenta);
        QVERIFY(image.save(folder + QStringLiteral("/more/b.png")));
    }
    // Once the batch exists: its first line fails, the next two find nothing, the rest find
    // one box at 100,200 – 500,600 of 0..1000 (Qwen3-VL), i.e. 40,40 – 200,120 of 400 × 200.
    // Members, not locals: the server's callbacks outlive a case that fails half-way.
    QSet<QString> &failing = m_failing;
    QSet<QString> &empty = m_empty;
    m_server->afterAction = [this](const RecordedRequest &request) {
        if (request.method == "POST" && request.target.endsWith("/batches")) {
            const QStringList ids = m_server->submittedIds();
            m_failing = {ids.value(0)};
            m_empty = {ids.value(1), ids.value(2)};
            m_server->failingIds = m_failing;
        }
    };
    m_server->answer = [this](const QString &customId) {
        return m_empty.contains(customId)
            ? QStringLiteral("```json\n[]\n```")
            : QStringLiteral("```json\n[{\"bbox_2d\": [100, 200, 500, 600], \"label\": "
                             "\"cat\"}]\n```");
    };

    BatchWindow *window = openBatchWindow();
    QVERIFY2(window, "File → Batch Jobs… did not open the Batch window");
    // A new user's first look: no empty table, a line saying what to do.
    auto *noJobs = window->findChild<QLabel *>(QStringLiteral("noJobsHint"));
    QVERIFY2(noJobs, "the Batch window has no empty-state line");
    auto *jobList = window->findChild<QTreeView *>(QStringLiteral("jobList"));
    QTRY_VERIFY(noJobs->isVisible());
    QVERIFY2(noJobs->text().contains(QStringLiteral("No batch jobs yet")),
             qPrintable(noJobs->text()));
    QVERIFY(!jobList->isVisible());
    // The job is to give COCO and LabelMe (COCO is ticked already).
    bool labelMeTicked = false;
    QPointer<NewJobDialog> dialog = startNewJob(window, folder, [&](NewJobDialog *form) {
        auto *labelMe = form->findChild<QCheckBox *>(QStringLiteral("labelMeCheck"));
        QTest::mouseClick(labelMe, Qt::LeftButton);
        labelMeTicked = labelMe->isChecked();
    });
    QVERIFY(dialog);
    QVERIFY(labelMeTicked);
    auto *estimate = dialog->findChild<QLabel *>(QStringLiteral("estimateText"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->isVisible(), 30000);
    QVERIFY2(estimate->text().contains(QStringLiteral("6 images to send")),
             qPrintable(estimate->text()));
    QVERIFY2(estimate->text().contains(QStringLiteral("input tokens")),
             qPrintable(estimate->text()));
    QVERIFY(m_server->requests().isEmpty()); // nothing is sent before the person confirms
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    // The new job is listed first, runs, and ends with its counts.
    QTRY_VERIFY_WITH_TIMEOUT(!selectedJob(window).isEmpty(), 15000);
    const QString job = selectedJob(window);
    QCOMPARE(rowOf(window, job), 0);
    QVERIFY(jobList->isVisible());
    QVERIFY(!noJobs->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    const int row = rowOf(window, job);
    QCOMPARE(cell(window, row, Done), QStringLiteral("5"));
    QCOMPARE(cell(window, row, Failed), QStringLiteral("1"));
    QCOMPARE(cell(window, row, Waiting), QStringLiteral("0"));
    QCOMPARE(cell(window, row, Mode), QStringLiteral("Batch API"));
    QCOMPARE(cell(window, row, Model), kModel);
    QCOMPARE(cell(window, row, Progress), QStringLiteral("100%"));
    QCOMPARE(m_server->submittedIds().size(), 6);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
    QCOMPARE(m_server->lastAuthorization(), QStringLiteral("Bearer ") + kKey);

    // Its images in the inspector, with the boxes on the right pixels of the originals.
    auto *browser = window->findChild<JobBrowser *>(QStringLiteral("jobBrowser"));
    auto *items = browser->findChild<QListWidget *>(QStringLiteral("itemList"));
    QTRY_COMPARE(items->count(), 6);
    int boxes = 0;
    for (int i = 0; i < items->count(); ++i) {
        const QString id = items->item(i)->data(Qt::UserRole).toString();
        if (i > 0)
            QTest::mouseClick(browser->findChild<QPushButton *>(QStringLiteral("nextItemButton")),
                              Qt::LeftButton);
        QTRY_COMPARE(items->currentRow(), i);
        ImageCanvas *canvas = browser->inspector()->canvas();
        QTRY_COMPARE(canvas->image().size(), QSize(400, 200));
        if (failing.contains(id)) {
            const QString message =
                browser->findChild<QLabel *>(QStringLiteral("itemMessage"))->text();
            QVERIFY2(message.contains(QStringLiteral("DataInspectionFailed")), qPrintable(message));
            QVERIFY(canvas->detections().isEmpty());
        } else if (empty.contains(id)) {
            QVERIFY(canvas->detections().isEmpty());
        } else {
            QCOMPARE(canvas->detections().size(), 1);
            QCOMPARE(canvas->detections().first().label, QStringLiteral("cat"));
            QCOMPARE(canvas->detections().first().rect, QRectF(40, 40, 160, 80));
            ++boxes;
        }
    }
    QCOMPARE(boxes, 3);
    QTest::mouseClick(browser->findChild<QPushButton *>(QStringLiteral("previousItemButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(items->currentRow(), 4);

    // Filters: nothing found, failed, by label.
    auto *filter = browser->findChild<QComboBox *>(QStringLiteral("itemFilter"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("none")));
    QTRY_COMPARE(items->count(), 2);
    for (int i = 0; i < items->count(); ++i)
        QVERIFY(empty.contains(items->item(i)->data(Qt::UserRole).toString()));
    filter->setCurrentIndex(filter->findData(QStringLiteral("errors")));
    QTRY_COMPARE(items->count(), 1);
    QCOMPARE(items->item(0)->data(Qt::UserRole).toString(), *failing.begin());
    QVERIFY2(items->item(0)->text().contains(QStringLiteral("DataInspectionFailed")),
             qPrintable(items->item(0)->text()));
    auto *label = browser->findChild<QComboBox *>(QStringLiteral("labelFilter"));
    QCOMPARE(label->findText(QStringLiteral("cat")) >= 0, true);
    label->setCurrentIndex(label->findText(QStringLiteral("cat")));
    filter->setCurrentIndex(filter->findData(QStringLiteral("label")));
    QTRY_COMPARE(items->count(), 3);
    filter->setCurrentIndex(filter->findData(QStringLiteral("all")));
    QTRY_COMPARE(items->count(), 6);

    // Export… offers the job's own formats, COCO and LabelMe, into a folder of the person's
    // choice.
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("exportJobButton")),
                      Qt::LeftButton);
    QPointer<ExportJobDialog> exporter = m_journey->waitForWindow<ExportJobDialog>();
    QVERIFY(exporter);
    const auto ticked = [&](const char *name) {
        const auto *box = exporter->findChild<QCheckBox *>(QLatin1String(name));
        return box && box->isChecked();
    };
    QVERIFY(ticked("cocoCheck"));
    QVERIFY(ticked("labelMeCheck"));
    QVERIFY(!ticked("yoloCheck"));
    const QString dataset = m_dir.filePath(QStringLiteral("dataset"));
    typeInto(exporter->findChild<QLineEdit *>(QStringLiteral("exportFolderEdit")), dataset);
    QTest::mouseClick(exporter->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!exporter || !exporter->isVisible());
    auto *message = window->findChild<QLabel *>(QStringLiteral("jobMessage"));
    QTRY_VERIFY2(message->text().contains(QStringLiteral("5 images")), qPrintable(message->text()));
    // coco.json and one LabelMe file for each of the 5 images.
    const QStringList written = QDir(dataset).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(written.size(), 6);
    QVERIFY(written.contains(QStringLiteral("coco.json")));
    const QJsonObject coco = readJson(QDir(dataset).filePath(QStringLiteral("coco.json")));
    const QJsonArray images = coco.value(QLatin1String("images")).toArray();
    const QJsonArray annotations = coco.value(QLatin1String("annotations")).toArray();
    QCOMPARE(images.size(), 5); // the failed image is left out, the empty ones kept
    QCOMPARE(annotations.size(), 3);
    QSet<int> imageIds;
    for (const QJsonValue &image : images) {
        imageIds.insert(image[QLatin1String("id")].toInt());
        const QString name = image[QLatin1String("file_name")].toString();
        QVERIFY2(!QDir::isAbsolutePath(name), qPrintable(name));
        QVERIFY2(QFileInfo::exists(QDir(dataset).filePath(name)), qPrintable(name));
    }
    QCOMPARE(imageIds.size(), 5);
    for (const QJsonValue &annotation : annotations) {
        QVERIFY(imageIds.contains(annotation[QLatin1String("image_id")].toInt()));
        const QJsonArray bbox = annotation[QLatin1String("bbox")].toArray();
        QCOMPARE(bbox, (QJsonArray{40, 40, 160, 80}));
    }
    // A LabelMe file for each image, naming it, its box in the image's pixels.
    int shapes = 0;
    for (const QString &name : written) {
        if (name == u"coco.json")
            continue;
        const QJsonObject annotated = readJson(QDir(dataset).filePath(name));
        const QString picture = annotated.value(QLatin1String("imagePath")).toString();
        QVERIFY2(QFileInfo::exists(QDir(dataset).filePath(picture)), qPrintable(picture));
        for (const QJsonValue &shape : annotated.value(QLatin1String("shapes")).toArray()) {
            ++shapes;
            QCOMPARE(shape[QLatin1String("points")].toArray(),
                     (QJsonArray{QJsonArray{40, 40}, QJsonArray{200, 120}}));
        }
    }
    QCOMPARE(shapes, 3);

    // Retry Failed: only the failed image goes again, as a new batch, and is answered.
    m_server->afterAction = {};
    m_server->failingIds.clear();
    auto *retry = window->findChild<QPushButton *>(QStringLiteral("retryJobButton"));
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), Done), QStringLiteral("6"), 120000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Failed), QStringLiteral("0"));
    QCOMPARE(m_server->submittedIds().size(), 7);
    QCOMPARE(m_server->submittedIds().count(*failing.begin()), 2);
    QVERIFY(!retry->isEnabled());
}

void TestJourneyBatch::jobStartedByTheCommandLineShowsUp()
{
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    const QString folder = m_dir.filePath(QStringLiteral("cli-photos"));
    QVERIFY(writePhotos(folder, 3));
    const QString job = submitWithCli(folder);
    QVERIFY(!job.isEmpty());

    // Listed first, without reopening the window; the app carries it on to the end.
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(window, job), 0, 15000);
    QCOMPARE(cell(window, 0, Folder), QDir::toNativeSeparators(folder));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("jobList"));
    list->setCurrentIndex(list->model()->index(0, 0));
    QCOMPARE(selectedJob(window), job);
    auto *resume = window->findChild<QPushButton *>(QStringLiteral("resumeJobButton"));
    QTRY_VERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Done), QStringLiteral("3"));
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
    auto *browser = window->findChild<JobBrowser *>(QStringLiteral("jobBrowser"));
    auto *items = browser->findChild<QListWidget *>(QStringLiteral("itemList"));
    QTRY_COMPARE(items->count(), 3);
    QTRY_COMPARE(browser->inspector()->canvas()->detections().size(), 1);
    // [0, 0, 500, 500] of 0..1000 → 0,0 – 200,100 of 400 × 200.
    QCOMPARE(browser->inspector()->canvas()->detections().first().rect, QRectF(0, 0, 200, 100));
}

void TestJourneyBatch::cancelledJobStopsItsBatchAndRetries()
{
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    const QString folder = m_dir.filePath(QStringLiteral("to-cancel"));
    QVERIFY(writePhotos(folder, 2));
    const QString job = submitWithCli(folder);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(window, job), 0, 15000);
    auto *list = window->findChild<QTreeView *>(QStringLiteral("jobList"));
    list->setCurrentIndex(list->model()->index(0, 0));
    QCOMPARE(selectedJob(window), job);

    // The batch on the server is asked to stop; the images it did not answer are cancelled.
    auto *cancel = window->findChild<QPushButton *>(QStringLiteral("cancelJobButton"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Cancelled"),
                              120000);
    bool cancelSent = false;
    for (const RecordedRequest &request : m_server->requests())
        cancelSent = cancelSent || (request.method == "POST" && request.target.endsWith("/cancel"));
    QVERIFY(cancelSent);
    QCOMPARE(cell(window, rowOf(window, job), Waiting), QStringLiteral("0"));
    QCOMPARE(cell(window, rowOf(window, job), Done), QStringLiteral("0"));
    QTRY_VERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
    QVERIFY(!cancel->isEnabled());

    // Retry Failed sends the cancelled images again.
    auto *retry = window->findChild<QPushButton *>(QStringLiteral("retryJobButton"));
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Done), QStringLiteral("2"));
}

void TestJourneyBatch::refusedModelIsShownInChinese()
{
    m_journey->app().context().language->setLanguage(QStringLiteral("zh_CN"));
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    // The window made before the switch speaks the new language too.
    QTRY_COMPARE(window->findChild<QPushButton *>(QStringLiteral("newJobButton"))->text(),
                 QStringLiteral("新建任务(&N)…"));
    m_server->unsupportedModel = kModel;
    const QString folder = m_dir.filePath(QStringLiteral("refused"));
    QVERIFY(writePhotos(folder, 2));
    const QString job = confirmNewJob(window, folder);
    QVERIFY(!job.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("失败"),
                              120000);
    auto *message = window->findChild<QLabel *>(QStringLiteral("jobMessage"));
    QTRY_VERIFY2(message->text().contains(QStringLiteral("Batch API 不接受模型")),
                 qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("model_not_found")),
             qPrintable(message->text()));
    auto *items =
        window->findChild<JobBrowser *>()->findChild<QListWidget *>(QStringLiteral("itemList"));
    QTRY_COMPARE(items->count(), 2);
    QVERIFY2(items->item(0)->text().contains(QStringLiteral("失败")),
             qPrintable(items->item(0)->text()));
}

// A batch that fails validation names its bad line: the window shows that line's error on its
// image and the others' reason; retried, a batch that expires half-way keeps what it answered and
// marks the rest; retried once more, every image is answered, none sent twice once accepted.
void TestJourneyBatch::validationAndExpiryAreShownOnTheirImages()
{
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    m_server->invalidLines = {2};
    const QString folder = m_dir.filePath(QStringLiteral("invalid"));
    QVERIFY(writePhotos(folder, 3));
    const int before = int(m_server->submittedIds().size());
    const QString job = confirmNewJob(window, folder);
    QVERIFY(!job.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), Failed), QStringLiteral("3"),
                              120000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Done), QStringLiteral("0"));

    // The bad line's image says which line and why; the other two say the batch never ran.
    auto *browser = window->findChild<JobBrowser *>(QStringLiteral("jobBrowser"));
    auto *items = browser->findChild<QListWidget *>(QStringLiteral("itemList"));
    QTRY_COMPARE(items->count(), 3);
    int badLine = 0;
    int neverRan = 0;
    for (int i = 0; i < items->count(); ++i) {
        const QString text = items->item(i)->text();
        if (text.contains(QStringLiteral("Line 2 of batch file 1"))
            && text.contains(QStringLiteral("url_not_found")))
            ++badLine;
        else if (text.contains(QStringLiteral("The batch failed before it ran")))
            ++neverRan;
        else
            QFAIL(qPrintable(QStringLiteral("unexpected item text: ") + text));
    }
    QCOMPARE(badLine, 1);
    QCOMPARE(neverRan, 2);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));

    // Retried: the new batch expires after one answer; the other two say so.
    m_server->invalidLines.clear();
    m_server->expireAfter = 1;
    auto *retry = window->findChild<QPushButton *>(QStringLiteral("retryJobButton"));
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), Done), QStringLiteral("1"), 120000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Failed), QStringLiteral("2"));
    auto *filter = browser->findChild<QComboBox *>(QStringLiteral("itemFilter"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("errors")));
    QTRY_COMPARE(items->count(), 2);
    for (int i = 0; i < items->count(); ++i)
        QVERIFY2(items->item(i)->text().contains(QStringLiteral("The batch expired")),
                 qPrintable(items->item(i)->text()));
    const QStringList expired{items->item(0)->data(Qt::UserRole).toString(),
                              items->item(1)->data(Qt::UserRole).toString()};
    filter->setCurrentIndex(filter->findData(QStringLiteral("all")));

    // Retried again: the two expired images go once more, the answered one does not.
    m_server->expireAfter = -1;
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), Done), QStringLiteral("3"), 120000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              120000);
    QCOMPARE(cell(window, rowOf(window, job), Failed), QStringLiteral("0"));
    const QStringList sent = m_server->submittedIds().mid(before);
    QCOMPARE(sent.size(), 3 + 3 + 2);
    for (const QString &id : expired)
        QCOMPARE(sent.mid(6).count(id), 1);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

// The estimate names the copies and the files that are not images (and no zero counts); the
// person cancels it, and nothing is stored or sent.
void TestJourneyBatch::estimateCancelledSendsNothing()
{
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    const QString folder = m_dir.filePath(QStringLiteral("estimate"));
    QVERIFY(writePhotos(folder, 2));
    QVERIFY(QFile::copy(folder + QStringLiteral("/photo-0.png"),
                        folder + QStringLiteral("/copy-of-0.png")));
    {
        QFile broken(folder + QStringLiteral("/broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a picture");
    }
    const int jobs = window->findChild<QTreeView *>(QStringLiteral("jobList"))->model()->rowCount();
    const int requests = int(m_server->requests().size());
    QPointer<NewJobDialog> dialog = startNewJob(window, folder);
    QVERIFY(dialog);
    auto *estimate = dialog->findChild<QLabel *>(QStringLiteral("estimateText"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->isVisible(), 30000);
    const QString text = estimate->text();
    QVERIFY2(text.contains(QStringLiteral("2 images to send, from 4 files found.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 copy of another image, sent once.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1 file not readable as an image.")), qPrintable(text));

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(window->findChild<QTreeView *>(QStringLiteral("jobList"))->model()->rowCount(), jobs);
    QCOMPARE(int(m_server->requests().size()), requests);

    // A folder without copies or broken files says neither.
    const QString plain = m_dir.filePath(QStringLiteral("estimate-plain"));
    QVERIFY(writePhotos(plain, 1));
    dialog = startNewJob(window, plain);
    QVERIFY(dialog);
    estimate = dialog->findChild<QLabel *>(QStringLiteral("estimateText"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->isVisible(), 30000);
    QVERIFY2(estimate->text().contains(QStringLiteral("1 image to send, from 1 file found.")),
             qPrintable(estimate->text()));
    QVERIFY2(!estimate->text().contains(QStringLiteral("copy")), qPrintable(estimate->text()));
    QVERIFY2(!estimate->text().contains(QStringLiteral("readable")), qPrintable(estimate->text()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
}

// Last: the app quits while its job waits to create a batch (the server says 429); the command
// line then carries the job on to its end, every image answered once.
// A server of the person's own (OpenAI-compatible, no key): New Job picks direct mode for its
// profile, sends each image as a chat request, two at a time, without the DashScope key, and
// the job ends with its boxes in the inspector.
void TestJourneyBatch::localServerJobRunsDirect()
{
    HttpTestServer local;
    QVERIFY(local.listen());
    const QByteArray body =
        R"({"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":)"
        R"("assistant","content":"[{\"bbox_2d\": [100, 200, 500, 600], \"label\": )"
        R"(\"cat\"}]"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,)"
        R"("completion_tokens":9,"total_tokens":18}})";
    local.setResponder([&body](const RecordedRequest &) {
        return Reply::http(200, body, {"Content-Type: application/json", "Connection: close"});
    });
    EndpointProfile profile;
    profile.name = QStringLiteral("workstation");
    profile.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    profile.baseUrl = local.url(QStringLiteral("/v1"));
    profile.keyRequired = false;
    profile.defaultModel = kModel;
    m_journey->app().context().settings->saveProfile(profile);

    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    const QString folder = m_dir.filePath(QStringLiteral("direct"));
    QVERIFY(writePhotos(folder, 3));
    const int dashScopeRequests = int(m_server->requests().size());
    QString mode;
    bool concurrencyOffered = false;
    QPointer<NewJobDialog> dialog = startNewJob(window, folder, [&](NewJobDialog *form) {
        auto *profiles = form->findChild<QComboBox *>(QStringLiteral("profileCombo"));
        profiles->setCurrentIndex(profiles->findData(profile.name));
        mode = form->findChild<QComboBox *>(QStringLiteral("modeCombo"))->currentData().toString();
        auto *concurrency = form->findChild<QSpinBox *>(QStringLiteral("concurrencySpin"));
        concurrencyOffered = concurrency->isEnabled();
        concurrency->setValue(2);
    });
    QVERIFY(dialog);
    QCOMPARE(mode, QStringLiteral("direct"));
    QVERIFY(concurrencyOffered);
    auto *estimate = dialog->findChild<QLabel *>(QStringLiteral("estimateText"));
    QTRY_VERIFY_WITH_TIMEOUT(estimate->isVisible(), 30000);
    QVERIFY2(estimate->text().contains(QStringLiteral("3 images to send")),
             qPrintable(estimate->text()));
    QVERIFY(local.requests().isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(
        !selectedJob(window).isEmpty() && rowOf(window, selectedJob(window)) == 0, 15000);
    const QString job = selectedJob(window);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, job), State), QStringLiteral("Completed"),
                              60000);
    const int row = rowOf(window, job);
    QCOMPARE(cell(window, row, Mode), QStringLiteral("Direct"));
    QCOMPARE(cell(window, row, Done), QStringLiteral("3"));
    QCOMPARE(cell(window, row, Failed), QStringLiteral("0"));
    QCOMPARE(local.requests().size(), 3);
    for (const RecordedRequest &request : local.requests()) {
        QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
        QVERIFY(request.header("Authorization").isEmpty());
        for (const auto &header : request.headers)
            QVERIFY2(!header.second.contains(kKey.toUtf8()), header.first.constData());
        QVERIFY(!request.body.contains(kKey.toUtf8()));
    }
    QCOMPARE(int(m_server->requests().size()), dashScopeRequests);

    auto *browser = window->findChild<JobBrowser *>(QStringLiteral("jobBrowser"));
    auto *items = browser->findChild<QListWidget *>(QStringLiteral("itemList"));
    QTRY_COMPARE(items->count(), 3);
    ImageCanvas *canvas = browser->inspector()->canvas();
    QTRY_COMPARE(canvas->image().size(), QSize(400, 200));
    QTRY_COMPARE(canvas->detections().size(), 1);
    QCOMPARE(canvas->detections().first().label, QStringLiteral("cat"));
    QCOMPARE(canvas->detections().first().rect, QRectF(40, 40, 160, 80));
}

void TestJourneyBatch::quittingMidJobLosesNothing()
{
    BatchWindow *window = openBatchWindow();
    QVERIFY(window);
    m_server->throttleCreates = 1000;
    const QString folder = m_dir.filePath(QStringLiteral("quit"));
    QVERIFY(writePhotos(folder, 2));
    const QString job = confirmNewJob(window, folder);
    QVERIFY(!job.isEmpty());
    const int before = int(m_server->requests().size());
    const auto createAsked = [this, before] {
        const QList<RecordedRequest> requests = m_server->requests();
        for (int i = before; i < requests.size(); ++i) {
            if (requests[i].method == "POST" && requests[i].target.endsWith("/batches"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(createAsked(), 60000);
    auto *message = window->findChild<QLabel *>(QStringLiteral("jobMessage"));
    QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(QStringLiteral("429")),
                              qPrintable(message->text()), 30000);

    m_journey.reset(); // quit
    m_server->throttleCreates = 0;
    const CliRun fetched = runCli({QStringLiteral("batch"), QStringLiteral("fetch"), job});
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    const CliRun waited =
        runCli({QStringLiteral("batch"), QStringLiteral("status"), job, QStringLiteral("--wait"),
                QStringLiteral("--poll"), QStringLiteral("1")},
               {}, QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(waited.exitCode == 0, qPrintable(waited.err));
    const CliRun stored = runCli({QStringLiteral("batch"), QStringLiteral("fetch"), job});
    QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
    const CliRun status =
        runCli({QStringLiteral("batch"), QStringLiteral("status"), job, QStringLiteral("--json")});
    QCOMPARE(status.json().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(
        status.json().value(QLatin1String("items")).toObject().value(QLatin1String("done")).toInt(),
        2);
    QVERIFY2(m_server->fileIds().isEmpty(), qPrintable(m_server->fileIds().join(u',')));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyBatch)
#include "tst_JourneyBatch.moc"
