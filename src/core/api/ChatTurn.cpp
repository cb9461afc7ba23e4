#include "core/api/ChatTurn.h"

#include "core/api/ChatBackend.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>
#include <utility>

namespace qvd {

namespace {

constexpr qsizetype kMaxErrorBody = 64 * 1024;
constexpr qint64 kReadSlice = 64 * 1024; // read in one turn of the event loop
constexpr qint64 kReadBuffer = 1024 * 1024; // held for reading; the rest waits in the socket

// Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok && seconds >= 0)
        return std::chrono::milliseconds(seconds * 1000);
    // The preferred HTTP-date form, IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), is in UTC;
    // Qt::RFC2822Date refuses its "GMT" zone, so it is read field by field.
    const QString text = QString::fromLatin1(trimmed);
    const QDateTime fields =
        QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    const QDateTime when = fields.isValid() ? QDateTime(fields.date(), fields.time(), Qt::UTC)
                                            : QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(
        std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
}

// UTF-8 size of `text`, without converting it.
qint64 utf8Size(const QString &text)
{
    qint64 size = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        size += u < 0x80 ? 1 : u < 0x800 ? 2 : c.isSurrogate() ? 2 : 3; // a pair makes 4
    }
    return size;
}

QString mebibytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / ReplyLimits::kMiB, 'g', 3);
}

ApiError eventTooLarge(qint64 maxBytes)
{
    //: %1 is a size in MiB, e.g. "8"
    return ApiError::limit(
        ChatTurn::tr("One line or event of the stream was larger than %1 MiB, the most one may "
                     "have.")
            .arg(mebibytes(maxBytes)));
}

QString duration(std::chrono::milliseconds time)
{
    const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(time).count();
    if (seconds < 120)
        return ChatTurn::tr("%n second(s)", "", int(seconds));
    return ChatTurn::tr("%n minute(s)", "", int(seconds / 60));
}

} // namespace

ChatTurn::ChatTurn(QNetworkAccessManager *network, const ChatBackend *backend,
                   const ChatRequest &request, QObject *parent)
    : QObject(parent), m_network(network), m_backend(backend), m_request(request)
{
    m_answer.role = Message::Role::Assistant;
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    m_parser.setMaxEventBytes(m_limits.maxEventBytes);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        abortWith(ApiError::timeout(
            tr("No data for %n second(s).", "", int(m_stallTimeout.count() / 1000))));
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatTurn::sendAttempt);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        m_retryTimer.stop(); // a limit is never retried
        //: %1 is a duration, e.g. "30 minutes"
        abortWith(
            ApiError::limit(tr("The request took longer than %1, the longest one request may take.")
                                .arg(duration(m_limits.deadline))));
    });
}

void ChatTurn::setLimits(const ReplyLimits &limits)
{
    m_limits = limits;
    m_parser.setMaxEventBytes(limits.maxEventBytes);
}

ChatTurn::~ChatTurn()
{
    stopReply();
}

void ChatTurn::start()
{
    if (m_running)
        return;
    m_running = true;
    m_attempt = 0;
    m_emitted = false;
    m_body = m_backend->body(m_request);
    if (m_limits.deadline.count() > 0)
        m_deadlineTimer.start(m_limits.deadline);
    sendAttempt();
}

void ChatTurn::cancel()
{
    if (!m_running)
        return;
    flushDelta(); // what arrived is shown before the end
    if (!m_running)
        return; // a slot of delta() stopped it already
    m_retryTimer.stop();
    m_stallTimer.stop();
    m_deadlineTimer.stop();
    stopReply();
    m_running = false;
    m_answer.state = Message::State::Interrupted;
    Q_EMIT finished(m_answer);
}

void ChatTurn::sendAttempt()
{
    ++m_attempt;
    m_answer = Message();
    m_answer.role = Message::Role::Assistant;
    m_answerBytes = 0;
    m_pendingText.clear();
    m_pendingReasoning.clear();
    m_parser.reset();
    m_buffer.clear();
    m_status = 0;
    m_eventStream = false;
    m_receivedBody = false;
    m_streamDone = false;
    m_cutByServer = false;

    m_reply = m_network->post(m_backend->networkRequest(m_request), m_body);
    // What is not read yet stays with the server (TCP flow control), not in memory here.
    m_reply->setReadBufferSize(kReadBuffer);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ChatTurn::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatTurn::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatTurn::onFinished);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        restartStallTimer();
        Q_EMIT uploadProgress(sent, total);
    });
    restartStallTimer();
}

void ChatTurn::restartStallTimer()
{
    if (m_stallTimeout.count() <= 0)
        return;
    m_stallTimer.start(m_request.stream ? m_stallTimeout
                                        : std::max(m_stallTimeout, kNonStreamedWait));
}

void ChatTurn::onMetaData()
{
    restartStallTimer();
    const bool first = m_status == 0;
    readMetaData();
    if (first && m_status > 0)
        Q_EMIT responseStarted(m_status);
    // Requests never follow redirects (ChatBackend::networkRequest): a 3xx ends the turn, naming
    // where it pointed, before any of its body is read.
    if (m_status >= 300 && m_status <= 399 && m_reply)
        abortWith(ApiError::redirect(m_status, m_reply->url(), m_reply->rawHeader("Location")));
}

void ChatTurn::readMetaData()
{
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    // DashScope streams are "text/event-stream;charset=UTF-8" (§1.3); a server that ignored the
    // stream switch answers with plain JSON, which is read whole.
    m_eventStream = type.isEmpty() ? m_request.stream
                                   : type.trimmed().toLower().startsWith("text/event-stream");
    // A non-streamed answer cut at the server's time limit comes with this (§8.1).
    m_cutByServer = m_reply->rawHeader("x-dashscope-partialresponse").trimmed().toLower() == "true";
}

void ChatTurn::onReadyRead()
{
    restartStallTimer();
    readSlice();
}

// Reads at most one slice of what arrived and comes back for the rest in a later turn of the
// event loop: however fast a server sends (a flood of tiny events, a body that arrived at
// once), one turn of the thread handles a bounded amount and the UI keeps answering.
void ChatTurn::readSlice()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    consume(reply->read(kReadSlice));
    if (m_reply != reply)
        return; // the bytes ended the turn (an error event, a limit), or a slot cancelled it
    if (reply->bytesAvailable() > 0) {
        QTimer::singleShot(0, this, [this, pending = m_reply] {
            if (pending && m_reply == pending)
                readSlice();
        });
        return;
    }
    if (reply->isFinished())
        finishReply();
}

void ChatTurn::consume(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_receivedBody = true;
    if (m_status == 0)
        readMetaData();
    if (m_status < 200 || m_status > 299 || !m_eventStream) {
        const bool success = m_status >= 200 && m_status <= 299;
        if (success && m_buffer.size() + bytes.size() > m_limits.maxBodyBytes) {
            //: %1 is a size in MiB, e.g. "16"
            abortWith(ApiError::limit(tr("The reply was larger than %1 MiB, the most a reply "
                                         "that is not streamed may have.")
                                          .arg(mebibytes(m_limits.maxBodyBytes))));
            return;
        }
        if (m_buffer.size() < kMaxErrorBody || success)
            m_buffer += bytes;
        return;
    }
    if (handleEvents(m_parser.feed(bytes)) && m_parser.overflowed())
        abortWith(eventTooLarge(m_parser.maxEventBytes()));
}

// False when the attempt is over: an error event, or a slot of delta() called cancel(). The
// events' text is announced as one delta: with reads bounded by readSlice(), a server sending a
// flood of tiny events costs its listeners one update per slice, not one per event.
bool ChatTurn::handleEvents(const QList<SseEvent> &events)
{
    const int attempt = m_attempt;
    for (const SseEvent &event : events) {
        if (!apply(m_backend->parseEvent(event)) || !m_running || m_attempt != attempt)
            return false;
    }
    flushDelta();
    return m_running && m_attempt == attempt;
}

void ChatTurn::flushDelta()
{
    if (m_pendingText.isEmpty() && m_pendingReasoning.isEmpty())
        return;
    const QString text = std::exchange(m_pendingText, {});
    const QString reasoning = std::exchange(m_pendingReasoning, {});
    Q_EMIT delta(text, reasoning);
}

// Adds a chunk to the answer; false when it carried an error (the turn is then over).
bool ChatTurn::apply(const ChatChunk &chunk)
{
    if (chunk.error) {
        ApiError error = *chunk.error;
        if (error.requestId.isEmpty())
            error.requestId = chunk.requestId;
        abortWith(error);
        return false;
    }
    if (!chunk.requestId.isEmpty())
        m_answer.requestId = chunk.requestId;
    if (chunk.usage)
        m_answer.usage = *chunk.usage;
    if (!chunk.finishReason.isEmpty())
        m_answer.finishReason = chunk.finishReason;
    m_streamDone = m_streamDone || chunk.done;
    if (!withinAnswerLimit(chunk))
        return false;
    if (!chunk.text.isEmpty() || !chunk.reasoning.isEmpty()) {
        m_answer.text += chunk.text;
        m_answer.reasoning += chunk.reasoning;
        m_pendingText += chunk.text;
        m_pendingReasoning += chunk.reasoning;
        m_emitted = true;
    }
    return true;
}

// False (and the turn failed, the text so far kept) when the chunk would take the answer past
// its limit.
bool ChatTurn::withinAnswerLimit(const ChatChunk &chunk)
{
    if (chunk.text.isEmpty() && chunk.reasoning.isEmpty())
        return true;
    m_answerBytes += utf8Size(chunk.text) + utf8Size(chunk.reasoning);
    if (m_answerBytes <= m_limits.maxAnswerBytes)
        return true;
    //: %1 is a size in MiB, e.g. "4"
    abortWith(ApiError::limit(tr("The answer reached %1 MiB of text, the most one answer may have.")
                                  .arg(mebibytes(m_limits.maxAnswerBytes))));
    return false;
}

void ChatTurn::onFinished()
{
    if (!m_reply)
        return;
    m_stallTimer.stop();
    readSlice(); // the rest, slice by slice, then finishReply()
}

void ChatTurn::finishReply()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    m_stallTimer.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0 && (status < 200 || status > 299)) {
        fail(httpError(reply, status));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        fail(transportError(reply));
        return;
    }
    if (m_answer.requestId.isEmpty())
        m_answer.requestId = QString::fromLatin1(reply->rawHeader("X-Request-ID"));
    completeBody();
}

// The body is in: flush the stream, or parse the whole reply, and decide how it ended.
void ChatTurn::completeBody()
{
    const int attempt = m_attempt;
    const bool goesOn =
        m_eventStream ? handleEvents(m_parser.finish()) : apply(m_backend->parseReply(m_buffer));
    if (!goesOn || !m_running || m_attempt != attempt)
        return;
    if (m_eventStream && m_parser.overflowed()) {
        fail(eventTooLarge(m_parser.maxEventBytes()));
        return;
    }
    // A DashScope stream ends with a finish_reason (§5), an OpenAI one with [DONE] (§7);
    // without either the connection closed early — unless the server said it cut the answer.
    if (m_answer.finishReason.isEmpty() && !m_streamDone && !m_cutByServer) {
        fail(ApiError::network(tr("The connection closed before the answer was complete."),
                               !m_receivedBody));
        return;
    }
    succeed();
}

ApiError ChatTurn::httpError(QNetworkReply *reply, int status) const
{
    ApiError error = ApiError::fromHttpBody(status, m_buffer);
    if (error.requestId.isEmpty())
        error.requestId = QString::fromLatin1(reply->rawHeader("X-Request-ID"));
    if (const auto after = parseRetryAfter(reply->rawHeader("Retry-After")))
        error.retryAfter = *after;
    return error;
}

ApiError ChatTurn::transportError(QNetworkReply *reply) const
{
    ApiError error = ApiError::network(reply->errorString(), !m_receivedBody);
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ApiError::Kind::Tls;
        break;
    case QNetworkReply::TimeoutError:
        error.kind = ApiError::Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        error.kind = ApiError::Kind::Cancelled;
        break;
    default:
        break;
    }
    return error;
}

void ChatTurn::abortWith(const ApiError &error)
{
    m_stallTimer.stop();
    stopReply();
    fail(error);
}

// Aborting a reply here rather than in its finished handler: the reply is disconnected first,
// so its finished signal reaches no one, and deleted later like every other reply.
void ChatTurn::stopReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ChatTurn::fail(ApiError error)
{
    flushDelta(); // listeners see all the text before the end
    if (!m_running)
        return; // a slot of delta() stopped the turn
    // Servers sometimes echo the key in messages; it must never reach the UI or a log.
    const QString key = m_backend->endpoint().apiKey;
    if (!key.isEmpty()) {
        error.message.replace(key, QStringLiteral("***"));
        error.detail.replace(key, QStringLiteral("***"));
    }
    // An error event without request_id, or unreadable data, still names the request the
    // stream so far belonged to: it is what support asks for.
    if (error.requestId.isEmpty())
        error.requestId = m_answer.requestId;
    if (!m_emitted && error.retryable() && m_attempt < m_policy.maxAttempts) {
        if (const auto delay = retryDelay(error)) {
            Q_EMIT retrying(m_attempt + 1, delay->count(), error);
            m_retryTimer.start(*delay);
            return;
        }
    }
    m_running = false;
    m_deadlineTimer.stop();
    m_answer.state = Message::State::Failed;
    Q_EMIT failed(error);
}

void ChatTurn::succeed()
{
    flushDelta();
    if (!m_running)
        return; // a slot of delta() stopped the turn
    m_running = false;
    m_deadlineTimer.stop();
    m_answer.state = m_cutByServer ? Message::State::CutByServer : Message::State::Complete;
    Q_EMIT finished(m_answer);
}

// Exponential backoff with "equal jitter": half the step fixed, half random; a server's
// Retry-After wins when present.
std::optional<std::chrono::milliseconds> ChatTurn::retryDelay(const ApiError &error) const
{
    if (error.retryAfter.count() >= 0) {
        if (error.retryAfter > m_policy.maxRetryAfter)
            return std::nullopt;
        return error.retryAfter;
    }
    const int shift = std::min(m_attempt - 1, 20);
    const qint64 step =
        std::min<qint64>(m_policy.baseDelay.count() << shift, m_policy.maxDelay.count());
    const double random =
        m_policy.random ? m_policy.random() : QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(step / 2 + qint64(random * double(step - step / 2)));
}

} // namespace qvd
