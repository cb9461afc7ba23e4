#pragma once

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace qvd {

struct AppContext;
class HistoryTransfer;

// File → Export Conversation…, Export All… and Import…: asks for the file, runs the transfer
// (core/storage/HistoryTransfer, the same code as `qwenvl-desk-cli history`) on a thread of its
// own with its own connection to the history, so the window stays responsive and the app keeps
// saving answers meanwhile, shows its progress with a Stop button, and ends with a report: what
// was written or imported, and what was left out and why. The menu actions are disabled while
// a transfer runs.
class HistoryTransferController : public QObject
{
    Q_OBJECT
public:
    struct FileRequest
    {
        enum class Mode { Save, Open };
        Mode mode = Mode::Save;
        QString title;
        QStringList filters; // "Name (*.ext)"
        QString suggestedPath;
    };
    struct FileChoice
    {
        QString path; // empty: cancelled
        int filter = 0; // index into FileRequest::filters
    };
    using FileChooser = std::function<FileChoice(QWidget *parent, const FileRequest &request)>;

    // `openConversation` gives the id of the conversation the window shows.
    HistoryTransferController(AppContext &context, QWidget *window,
                              std::function<QString()> openConversation);
    ~HistoryTransferController() override;

    // Answers the file dialogs instead of QFileDialog (tests).
    void setFileChooser(FileChooser chooser);
    void setActions(QAction *exportConversation, QAction *exportAll, QAction *import);
    bool isRunning() const { return m_running; }

    void exportConversation();
    void exportAll();
    void importBundle();

Q_SIGNALS:
    // The transfer ended; `report` is what the report dialog says.
    void finished(bool ok, const QString &report);
    // An import ended: where its conversations now live (the list shows them at once).
    void imported(const QStringList &conversationIds);

private:
    struct Outcome
    {
        bool ok = false;
        QString report;
        QStringList imported;
    };
    using Work = std::function<Outcome(HistoryTransfer &transfer,
                                       const std::function<bool(qint64, qint64)> &progress)>;

    bool historyAvailable();
    FileChoice choose(const FileRequest &request);
    void run(const QString &label, Work work);
    void done(const Outcome &outcome);
    void showReport(bool ok, const QString &text);
    void setRunning(bool running);

    AppContext &m_context;
    QWidget *m_window;
    std::function<QString()> m_openConversation;
    FileChooser m_chooser;
    QList<QAction *> m_actions;
    QThreadPool m_pool; // one thread: transfers never compete with image preparation
    QPointer<QProgressDialog> m_progress; // deletes itself when closed
    std::shared_ptr<std::atomic_bool> m_stop;
    bool m_running = false;
};

} // namespace qvd
