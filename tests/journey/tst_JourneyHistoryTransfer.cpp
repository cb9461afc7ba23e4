// Journey: the person asks about a photo, takes the conversation to another machine with
// File → Export Conversation…, and there `qwenvl-desk-cli history import` brings it in: the
// same messages, the same original photo and the same boxes. (Version one had the transfer
// code but no menu reached it, and the CLI's `history` answered "not available".)
#include "core/session/DeskSession.h"
#include "core/storage/HistoryStore.h"
#include "ui/history/HistoryTransferController.h"

#include "CliRunner.h"
#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcessEnvironment>

using namespace qvd;
using namespace qvd::test;

namespace {

// A person on another machine: HOME and the XDG folders under `home`.
QProcessEnvironment otherHome(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    return env;
}

// `history show ID --json` as the CLI prints it in `env`'s HOME; empty when it fails.
QJsonObject shownConversation(const QString &id, const QProcessEnvironment &env)
{
    const CliRun run = runCli(
        {QStringLiteral("history"), QStringLiteral("show"), id, QStringLiteral("--json")}, {}, env);
    if (run.exitCode != 0)
        qWarning("history show: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class TestJourneyHistoryTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportFromTheAppImportWithTheCli();
};

void TestJourneyHistoryTransfer::exportFromTheAppImportWithTheCli()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    qputenv("DASHSCOPE_API_KEY", "sk-journey-env-0123456789");
    QTemporaryDir dir;
    const QString photo = writeImage(dir, QStringLiteral("garden.png"), QSize(1000, 500));
    QFile photoFile(photo);
    QVERIFY(photoFile.open(QIODevice::ReadOnly));
    const QByteArray photoSha =
        QCryptographicHash::hash(photoFile.readAll(), QCryptographicHash::Sha256).toHex();

    JourneyApp journey;
    journey.window().resize(1400, 900);
    QVERIFY(journey.waitStarted());
    QVERIFY(journey.dropFiles({photo}));
    QTRY_VERIFY_WITH_TIMEOUT(!journey.canvas()->image().isNull(), 15000);
    // Qwen3-VL (the default model) reads 0–1000 of the image: the right half.
    server.enqueue(answer(
        QStringLiteral("```json\n[{\"bbox_2d\": [500, 0, 1000, 1000], \"label\": \"狗\"}]\n```")));
    journey.ask(QStringLiteral("Outline the dog"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.canvas()->detections().size(), 1, 15000);
    DeskSession &session = journey.window().session();
    QTRY_VERIFY_WITH_TIMEOUT(!session.chat()->isBusy(), 15000);
    const QString id = session.chat()->conversation().id;
    // Saved in its final state (the CLI reads the database, not the window).
    QJsonObject here;
    QTRY_VERIFY_WITH_TIMEOUT(
        (here = shownConversation(id, QProcessEnvironment::systemEnvironment()))
                .value(QLatin1String("messages"))
                .toArray()
                .at(1)
                .toObject()
                .value(QLatin1String("state"))
            == QLatin1String("complete"),
        30000);

    // File → Export Conversation…; the save dialog is answered with a path.
    auto *menu = journey.window().findChild<QMenu *>(QStringLiteral("menuFile"));
    auto *exportAction =
        journey.window().findChild<QAction *>(QStringLiteral("actionExportConversation"));
    QVERIFY(menu && exportAction && menu->actions().contains(exportAction));
    QVERIFY(exportAction->isEnabled());
    auto *transfer = journey.window().findChild<HistoryTransferController *>();
    QVERIFY(transfer);
    const QString bundle = dir.filePath(QStringLiteral("garden.json"));
    transfer->setFileChooser([bundle](QWidget *, const HistoryTransferController::FileRequest &) {
        return HistoryTransferController::FileChoice{bundle, 0};
    });
    QSignalSpy finished(transfer, &HistoryTransferController::finished);
    exportAction->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(QFileInfo::exists(bundle));

    // Another person, another HOME.
    QTemporaryDir home;
    const CliRun imported = runCli({QStringLiteral("history"), QStringLiteral("import"), bundle},
                                   {}, otherHome(home.path()));
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
    const QJsonObject there = shownConversation(id, otherHome(home.path()));
    QVERIFY2(!there.isEmpty(), "the conversation keeps its id on the other machine");
    QCOMPARE(there, here);

    // What "the same" means here, read from the copy: the question with the very photo, the
    // answer with its box on the right half of the photo.
    const QJsonArray messages = there.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    const QJsonArray images = messages.at(0).toObject().value(QLatin1String("images")).toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.at(0).toObject().value(QLatin1String("sha256")).toString().toLatin1(),
             photoSha);
    const QJsonArray boxes = messages.at(1).toObject().value(QLatin1String("detections")).toArray();
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.at(0).toObject().value(QLatin1String("label")).toString(), QStringLiteral("狗"));
    // Stored as the model wrote it (x, y, width, height in its 0–1000 space), with that space.
    const QJsonArray rect = boxes.at(0).toObject().value(QLatin1String("rect")).toArray();
    QCOMPARE(rect, (QJsonArray{500, 0, 500, 1000}));
    QVERIFY(
        !messages.at(1).toObject().value(QLatin1String("coordinate_space")).toString().isEmpty());
    // And the photo's bytes are in the other HOME's image store.
    const CliRun markdown =
        runCli({QStringLiteral("history"), QStringLiteral("show"), id}, {}, otherHome(home.path()));
    QCOMPARE(markdown.exitCode, 0);
    QVERIFY2(markdown.out.contains(home.path()), qPrintable(markdown.out));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyHistoryTransfer)
#include "tst_JourneyHistoryTransfer.moc"
