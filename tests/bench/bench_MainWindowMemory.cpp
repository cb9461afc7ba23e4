// Main-window memory with a long conversation open: peak RSS with a 300-image conversation
// against the same window with an empty conversation, same run (goal: at most 3 times, about
// 120 MB; BenchReport.h). Each image is a real prepared upload (a textured 1600x1200 picture,
// held as the encoded bytes that are sent), the way a conversation opened from history holds
// them; the window is shown and painted at the bottom. The sent bytes themselves are printed
// too: the floor for the data.
//   build/bin/bench_MainWindowMemory [images]      (default 300; QVD_BENCH_QUICK=1: 30)

#include "core/conversation/ChatSession.h"
#include "core/imaging/ImagePreparer.h"
#include "core/models/ModelRegistry.h"
#include "core/session/DeskSession.h"
#include "ui/chat/ChatPane.h"
#include "ui/window/MainWindow.h"

#include "BenchReport.h"
#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QBuffer>
#include <QPainter>
#include <QRandomGenerator>

using namespace qvd;

namespace {

qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray texturedJpeg(int seed)
{
    QImage image(1600, 1200, QImage::Format_RGB32);
    QRandomGenerator random{quint32(seed)};
    QPainter painter(&image);
    image.fill(QColor::fromHsv(seed * 37 % 360, 120, 200));
    for (int i = 0; i < 400; ++i)
        painter.fillRect(int(random.bounded(1600)), int(random.bounded(1200)), 40, 30,
                         QColor::fromHsv(int(random.bounded(360)), 180, 160));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

Conversation conversationWith(int images, const ModelInfo &model)
{
    Conversation conversation;
    conversation.id = QStringLiteral("memory-bench");
    conversation.modelId = model.id;
    const ImagePreparer preparer(model);
    for (int i = 0; i < images; ++i) {
        const PrepareResult prepared =
            preparer.prepareBytes(texturedJpeg(i), QStringLiteral("photo-%1.jpg").arg(i));
        conversation.messages.append(Message::user(
            {Part::fromPrepared(prepared.image), Part::fromText(QStringLiteral("What is this?"))}));
        conversation.messages.append(Message::assistant(QStringLiteral("A picture.")));
    }
    return conversation;
}

} // namespace

class BenchMainWindowMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void peakRss();
};

void BenchMainWindowMemory::peakRss()
{
    const QStringList args = QCoreApplication::arguments();
    const int images = args.size() > 1 ? args.last().toInt() : bench::pick(300, 30);
    test::TestAppContext app;
    const ModelInfo model = app.context().models->find(QStringLiteral("qwen3-vl-plus"));
    {
        MainWindow window(app.context());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
    }
    const qint64 baseline = statusKiB("VmHWM");
    const Conversation conversation = conversationWith(images, model);
    const qint64 afterData = statusKiB("VmRSS");
    qint64 sentBytes = 0;
    for (const Message &message : conversation.messages) {
        for (const Part &part : message.parts)
            sentBytes += part.imageUrl.data().size();
    }
    {
        MainWindow window(app.context());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.session().chat()->setConversation(conversation);
        // Let the view lay out, decode the visible thumbnails and paint.
        for (int i = 0; i < 50; ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        window.grab();
    }
    const qint64 peak = statusKiB("VmHWM");
    qInfo("%d images; the conversation data alone brought RSS to %.1f MiB; its images are %.1f "
          "MiB on the wire, before base64",
          images, afterData / 1024.0, sentBytes / 1048576.0);
    QVERIFY(peak > 0 && baseline > 0);
    QVD_BENCH_GOAL("main window with 300 images: peak RSS (MiB)", peak / 1024.0, "MiB",
                   "the same window, empty conversation", baseline / 1024.0, bench::Better::Lower,
                   3);
}

QVD_TEST_WIDGETS_MAIN(BenchMainWindowMemory)
#include "bench_MainWindowMemory.moc"
