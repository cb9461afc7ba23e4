// Journey: a person who has used the app for months starts it. The window comes up at once;
// the conversation list, when it shows, is the whole list in its order with the last
// conversation selected — never "No conversations yet." while the history is being read —
// and the originals no saved message names any more are cleaned up, while the ones still
// named stay. (Version one showed the empty-list hint for a frame before the list.)
#include "core/AppInfo.h"
#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"
#include "core/storage/ImageStore.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/window/MainWindow.h"

#include "HistoryFixture.h"
#include "JourneyApp.h"

#include <QBuffer>
#include <QDir>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace qvd;
using namespace qvd::test;

namespace {

constexpr int kConversations = 300;
constexpr int kMessagesEach = 4;

// What the conversation pane showed each time part of it was painted.
struct Frame
{
    bool hint = false; // "No conversations yet."
    bool list = false;
    QStringList ids; // the list's rows, when it is shown
    QString current;
};

class PaneFrames : public QObject
{
public:
    QList<Frame> frames;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto *widget = qobject_cast<QWidget *>(watched);
            ConversationListPane *pane = nullptr;
            for (QWidget *w = widget; w && !pane; w = w->parentWidget())
                pane = qobject_cast<ConversationListPane *>(w);
            if (pane) {
                const auto *hint =
                    pane->findChild<QWidget *>(QStringLiteral("conversationListHint"));
                const auto *list = pane->findChild<QListView *>(QStringLiteral("conversationList"));
                Frame frame;
                frame.hint = hint && hint->isVisible();
                frame.list = list && list->isVisible();
                if (frame.list) {
                    frame.ids = pane->entryIds();
                    frame.current = pane->currentId();
                }
                frames.append(frame);
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

QByteArray photo(QColor colour)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool makeOld(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-2 * 3600),
                            QFileDevice::FileModificationTime);
}

} // namespace

class TestJourneyStartupHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listIsWholeInItsFirstFrameAndOrphansGo();
};

void TestJourneyStartupHistory::listIsWholeInItsFirstFrameAndOrphansGo()
{
    QVD_REQUIRE_SECRET_SERVICE();
    Application::applyIdentity();
    // Where the app keeps its history and originals.
    const QString data = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                             .filePath(QString::fromLatin1(appinfo::kSettingsName));
    ImageStore images(QDir(data).filePath(QStringLiteral("images")));
    const ImageStore::PutResult named = images.put(photo(Qt::darkGreen));
    const ImageStore::PutResult orphan = images.put(photo(Qt::magenta));
    QVERIFY(named.ok() && orphan.ok());
    // Both stored long ago; only the first is still named by a message.
    QVERIFY(makeOld(images.pathFor(named.sha256)));
    QVERIFY(makeOld(images.pathFor(orphan.sha256)));
    const WrittenHistory history = writeHistory(
        QDir(data).filePath(QStringLiteral("history.sqlite")), kConversations, kMessagesEach,
        [&named](int c, int m) { return c == 7 && m == 0 ? named.sha256 : QByteArray(); });
    QVERIFY2(history.error.isEmpty(), qPrintable(history.error));
    QCOMPARE(history.newestFirst.size(), kConversations);
    const QString last = history.newestFirst.at(41);
    Settings().setLastConversation(last);

    PaneFrames frames;
    qApp->installEventFilter(&frames);
    JourneyApp journey;
    QVERIFY(journey.waitStarted());
    ConversationListPane *pane = journey.window().conversationList();
    QTRY_COMPARE(pane->entryCount(), kConversations);
    QTRY_VERIFY(std::any_of(frames.frames.cbegin(), frames.frames.cend(),
                            [](const Frame &frame) { return frame.list; }));
    qApp->removeEventFilter(&frames);

    QVERIFY(!frames.frames.isEmpty());
    for (const Frame &frame : frames.frames)
        QVERIFY2(!frame.hint, "the empty-list hint was painted while the history was read");
    const Frame first = *std::find_if(frames.frames.cbegin(), frames.frames.cend(),
                                      [](const Frame &frame) { return frame.list; });
    QCOMPARE(first.ids, history.newestFirst);
    QCOMPARE(first.current, last);

    // Opening a conversation further down keeps the list where the person scrolled it: the
    // rows are the same, only the current one moves.
    QListView *list = pane->findChild<QListView *>(QStringLiteral("conversationList"));
    QScrollBar *scroll = list->verticalScrollBar();
    QVERIFY(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum() / 2);
    const int scrolled = scroll->value();
    const QModelIndex below = list->indexAt(list->viewport()->rect().center());
    QVERIFY(below.isValid());
    const QString opened = below.data(Qt::UserRole).toString();
    QVERIFY(opened != last);
    QSignalSpy reset(list->model(), &QAbstractItemModel::modelReset);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(below).center());
    QTRY_COMPARE(journey.window().session().chat()->conversation().id, opened);
    QCOMPARE(pane->currentId(), opened);
    QCOMPARE(scroll->value(), scrolled);
    QCOMPARE(reset.count(), 0);

    // The clean-up of originals: the one no message names goes, the named one stays.
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(images.pathFor(orphan.sha256)), 15000);
    QVERIFY(images.contains(named.sha256));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyStartupHistory)
#include "tst_JourneyStartupHistory.moc"
