#include "cli/HistoryCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "cli/Interrupt.h"
#include "cli/TerminalOutput.h"
#include "core/storage/HistoryLocation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/HistoryTransfer.h"
#include "core/storage/ImageStore.h"
#include "core/storage/MarkdownWriter.h"
#include "core/storage/RecordJson.h"
#include "core/storage/StorageCodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace qvd::cli {

namespace {

constexpr int kMinPrefix = 4;

QString oneLine(QString text)
{
    text.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
    return text;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void writeJson(QTextStream &out, const QJsonDocument &document)
{
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

struct Session
{
    HistoryStore history;
    std::unique_ptr<ImageStore> images;
    std::unique_ptr<HistoryTransfer> transfer;
};

// The history the app uses, opened as the app opens it (owner-only files).
std::unique_ptr<Session> openHistory(QTextStream &err)
{
    auto session = std::make_unique<Session>();
    const HistoryLocation location = HistoryLocation::standard();
    session->images = std::make_unique<ImageStore>(location.imagesPath());
    const HistoryStore::OpenResult opened = location.open(session->history, *session->images);
    if (!opened.message.isEmpty())
        err << opened.message << Qt::endl;
    if (!opened.ok())
        return nullptr;
    session->transfer = std::make_unique<HistoryTransfer>(session->history, *session->images);
    return session;
}

// An id as given, or the one saved conversation whose id starts with it.
QString resolveId(const HistoryStore &history, const QString &given, QTextStream &err)
{
    if (history.contains(given))
        return given;
    QStringList matches;
    if (given.size() >= kMinPrefix) {
        for (const ConversationSummary &summary : history.conversations()) {
            if (summary.id.startsWith(given))
                matches.append(summary.id);
        }
    }
    if (matches.size() == 1)
        return matches.constFirst();
    if (matches.isEmpty())
        err << Cli::tr("There is no saved conversation “%1”. Run “history list” to see them.")
                   .arg(given)
            << Qt::endl;
    else
        err << Cli::tr("“%1” is the beginning of %2 conversation ids; give more of it.")
                   .arg(given)
                   .arg(matches.size())
            << Qt::endl;
    return {};
}

int list(Session &session, bool json, QTextStream &out, QTextStream &err)
{
    StorageError error;
    const QList<ConversationSummary> conversations = session.history.conversations(&error);
    if (error) {
        err << error.userMessage() << Qt::endl;
        return ExitFailure;
    }
    if (json) {
        QJsonArray array;
        for (const ConversationSummary &c : conversations) {
            array.append(QJsonObject{{QStringLiteral("id"), c.id},
                                     {QStringLiteral("title"), c.title},
                                     {QStringLiteral("model_id"), c.modelId},
                                     {QStringLiteral("created_at"), isoTime(c.createdAt)},
                                     {QStringLiteral("updated_at"), isoTime(c.updatedAt)},
                                     {QStringLiteral("messages"), c.messageCount}});
        }
        writeJson(out, QJsonDocument(array));
        return ExitOk;
    }
    if (conversations.isEmpty())
        err << Cli::tr("No saved conversations.") << Qt::endl;
    for (const ConversationSummary &c : conversations) {
        out << c.id << "  "
            << c.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
            << QString::number(c.messageCount).rightJustified(4) << "  " << oneLine(c.title)
            << Qt::endl;
    }
    return ExitOk;
}

int search(Session &session, const QString &query, bool json, QTextStream &out, QTextStream &err)
{
    StorageError error;
    const QList<SearchHit> hits = session.history.search(query, 200, &error);
    if (error) {
        err << error.userMessage() << Qt::endl;
        return ExitFailure;
    }
    if (json) {
        QJsonArray array;
        for (const SearchHit &hit : hits) {
            array.append(QJsonObject{{QStringLiteral("conversation_id"), hit.conversationId},
                                     {QStringLiteral("title"), hit.conversationTitle},
                                     {QStringLiteral("in_title"), hit.messageId == 0},
                                     {QStringLiteral("snippet"), hit.snippet}});
        }
        writeJson(out, QJsonDocument(array));
        return ExitOk;
    }
    if (hits.isEmpty())
        err << Cli::tr("No saved conversation contains “%1”.").arg(query) << Qt::endl;
    for (const SearchHit &hit : hits) {
        out << hit.conversationId << "  " << oneLine(hit.conversationTitle);
        if (hit.messageId != 0)
            out << ": " << oneLine(hit.snippet);
        out << Qt::endl;
    }
    return ExitOk;
}

int show(Session &session, const QString &given, bool json, QTextStream &out, QTextStream &err)
{
    const QString id = resolveId(session.history, given, err);
    if (id.isEmpty())
        return ExitFailure;
    StorageError error;
    const auto record = session.history.conversation(id, &error);
    if (!record) {
        err << error.userMessage() << Qt::endl;
        return ExitFailure;
    }
    if (json) {
        writeJson(out, QJsonDocument(storage::recordToJson(*record)));
        return ExitOk;
    }
    const ImageStore &images = *session.images;
    out << MarkdownWriter::render(*record, [&](const ImageSource &source) {
        const QString what = images.contains(source.sha256)
            ? QDir::toNativeSeparators(images.pathFor(source.sha256))
            : Cli::tr("missing");
        return QStringLiteral("[%1: %2]").arg(MarkdownWriter::linkText(source.name), what);
    });
    out.flush();
    return ExitOk;
}

int exportHistory(Session &session, const QCommandLineParser &parser, const QStringList &given,
                  QTextStream &out, QTextStream &err)
{
    const bool all = parser.isSet(QStringLiteral("all"));
    const QString format = parser.value(QStringLiteral("format"));
    const QString output = parser.value(QStringLiteral("output"));
    if (all == !given.isEmpty() || output.isEmpty()
        || (format != u"json" && format != u"markdown")) {
        err << Cli::tr("Usage: qwenvl-desk-cli history export ID…|--all --format json|markdown "
                       "--output PATH")
            << Qt::endl;
        return ExitUsage;
    }
    QStringList ids;
    for (const QString &one : given) {
        const QString id = resolveId(session.history, one, err);
        if (id.isEmpty())
            return ExitFailure;
        ids.append(id);
    }
    HistoryTransfer &transfer = *session.transfer;
    ExportReport report;
    if (format == u"json")
        report = transfer.exportBundle(ids, output);
    else if (ids.size() == 1)
        report = transfer.exportMarkdown(ids.constFirst(), output);
    else
        report = transfer.exportMarkdownFolder(ids, output);
    (report.ok() ? out : err) << report.summary(output) << Qt::endl;
    return report.ok() ? ExitOk : ExitFailure;
}

int importHistory(Session &session, const QString &file, QTextStream &out, QTextStream &err)
{
    // Ctrl+C stops the import cleanly: nothing of it stays.
    bool interrupted = false;
    Interrupt interrupt([&] { interrupted = true; });
    int shown = -1;
    const ImportReport report =
        session.transfer->importBundle(file, [&](qint64 done, qint64 total) {
            QCoreApplication::processEvents();
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent != shown) {
                shown = percent;
                TerminalOutput::showProgress(err, Cli::tr("Importing… %1%").arg(percent));
            }
            return !interrupted;
        });
    if (shown >= 0)
        TerminalOutput::showProgress(err, QString());
    (report.ok() ? out : err) << report.summary() << Qt::endl;
    if (report.cancelled)
        return ExitInterrupted;
    return report.ok() ? ExitOk : ExitFailure;
}

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        Cli::tr("The conversations the app saved.\n\n"
                "  list                    every conversation, newest first\n"
                "  search TERM…            conversations whose title or messages contain every "
                "term (any script, Chinese too)\n"
                "  show ID                 one conversation as Markdown (--json: every stored "
                "field)\n"
                "  export ID…|--all --format json|markdown --output PATH\n"
                "                          a bundle with the original images (json), or Markdown "
                "with an images folder (one ID: PATH is the .md file; several or --all: PATH is "
                "a folder)\n"
                "  import FILE             adds the conversations of a bundle; never overwrites, "
                "all or nothing\n\n"
                "An ID may be shortened to a unique beginning of at least 4 characters."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
                                 Cli::tr("list, search, show, export or import"));
    parser.addOptions({
        QCommandLineOption(QStringLiteral("json"),
                           Cli::tr("list, search, show: print JSON instead of text.")),
        QCommandLineOption(QStringLiteral("all"), Cli::tr("export: every conversation.")),
        QCommandLineOption(QStringLiteral("format"), Cli::tr("export: json (default) or markdown."),
                           QStringLiteral("FORMAT"), QStringLiteral("json")),
        QCommandLineOption(QStringLiteral("output"),
                           Cli::tr("export: the file or folder to write."), QStringLiteral("PATH")),
    });
}

} // namespace

int runHistoryCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QStringList rest = positional.mid(1);
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool usageOk = (action == u"list" && rest.isEmpty())
        || (action == u"search" && !rest.isEmpty()) || (action == u"show" && rest.size() == 1)
        || action == u"export" || (action == u"import" && rest.size() == 1);
    if (!usageOk) {
        err << Cli::tr("Usage: qwenvl-desk-cli history list|search TERM…|show ID|export ID…|"
                       "import FILE (see --help)")
            << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<Session> session = openHistory(err);
    if (!session)
        return ExitFailure;
    if (action == u"list")
        return list(*session, json, out, err);
    if (action == u"search")
        return search(*session, rest.join(u' '), json, out, err);
    if (action == u"show")
        return show(*session, rest.constFirst(), json, out, err);
    if (action == u"export")
        return exportHistory(*session, parser, rest, out, err);
    return importHistory(*session, rest.constFirst(), out, err);
}

} // namespace qvd::cli
