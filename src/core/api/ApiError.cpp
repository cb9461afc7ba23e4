#include "core/api/ApiError.h"

#include "core/api/SseParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace qvd {

namespace {

bool codeIs(const QString &code, const char *name)
{
    return code.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

bool codeStarts(const QString &code, const char *prefix)
{
    return code.startsWith(QLatin1String(prefix), Qt::CaseInsensitive);
}

QString jsonText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

// The JSON an error body carries. A non-2xx answer to a streaming request may itself be an event
// stream holding the error event ([PY] _handle_http_failed_response, docs/dashscope-protocol.md
// §5).
QByteArray errorJson(const QByteArray &body)
{
    QJsonParseError parseError;
    QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError || !body.contains("data:"))
        return body;
    SseParser parser;
    QList<SseEvent> events = parser.feed(body);
    events += parser.finish();
    for (const SseEvent &event : std::as_const(events)) {
        if (QJsonDocument::fromJson(event.data).isObject())
            return event.data;
    }
    return body;
}

} // namespace

ApiError ApiError::network(const QString &detail, bool beforeFirstByte)
{
    ApiError error;
    error.kind = Kind::Network;
    error.detail = detail;
    error.beforeFirstByte = beforeFirstByte;
    return error;
}

ApiError ApiError::timeout(const QString &detail)
{
    ApiError error;
    error.kind = Kind::Timeout;
    error.detail = detail;
    return error;
}

ApiError ApiError::malformed(const QString &detail)
{
    ApiError error;
    error.kind = Kind::MalformedReply;
    error.detail = detail;
    return error;
}

ApiError ApiError::limit(const QString &detail)
{
    ApiError error;
    error.kind = Kind::LimitExceeded;
    error.detail = detail;
    return error;
}

ApiError ApiError::redirect(int status, const QUrl &requestUrl, const QByteArray &location)
{
    ApiError error;
    error.kind = Kind::HttpStatus;
    error.httpStatus = status;
    const QUrl target = QUrl::fromEncoded(location.trimmed());
    if (!location.trimmed().isEmpty() && target.isValid())
        error.redirectTarget = requestUrl.resolved(target)
                                   .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath
                                             | QUrl::RemoveQuery | QUrl::RemoveFragment)
                                   .toDisplayString();
    return error;
}

ApiError ApiError::fromServerJson(int status, const QByteArray &json)
{
    ApiError error;
    error.kind = Kind::Server;
    error.httpStatus = status;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue nested = object.value(QLatin1String("error"));
    if (nested.isObject()) {
        // OpenAI-compatible shape (§7); `code` may be null, then `type` says it.
        const QJsonObject inner = nested.toObject();
        error.code = jsonText(inner.value(QLatin1String("code")));
        if (error.code.isEmpty())
            error.code = jsonText(inner.value(QLatin1String("type")));
        error.message = jsonText(inner.value(QLatin1String("message")));
    } else if (nested.isString()) {
        error.message = nested.toString(); // some local servers: {"error": "text"}
    } else {
        error.code = jsonText(object.value(QLatin1String("code")));
        error.message = jsonText(object.value(QLatin1String("message")));
    }
    error.requestId = jsonText(object.value(QLatin1String("request_id")));
    if (error.code.isEmpty() && error.message.isEmpty())
        error.message = QString::fromUtf8(json.left(500)).trimmed();
    return error;
}

ApiError ApiError::fromHttpBody(int status, const QByteArray &body)
{
    ApiError error = fromServerJson(status, errorJson(body));
    error.kind = Kind::HttpStatus;
    return error;
}

bool ApiError::retryable() const
{
    switch (kind) {
    case Kind::Network:
        return beforeFirstByte;
    case Kind::HttpStatus:
    case Kind::Server:
        break;
    default:
        return false;
    }
    if (httpStatus == 429) {
        // Billing states and free-tier exhaustion do not pass with time (§6).
        return !codeIs(code, "PrepaidBillOverdue") && !codeIs(code, "PostpaidBillOverdue")
            && !codeIs(code, "CommodityNotPurchased")
            && !message.contains(QLatin1String("Free allocated quota exceeded"));
    }
    return httpStatus >= 500 && httpStatus <= 599;
}

ApiError::Category ApiError::category() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Tls:
        return Category::Network;
    case Kind::Timeout:
        return Category::Timeout;
    case Kind::Cancelled:
        return Category::Cancelled;
    case Kind::MalformedReply:
        return Category::MalformedReply;
    case Kind::LimitExceeded:
        return Category::Limit;
    case Kind::HttpStatus:
    case Kind::Server:
        break;
    }
    // Codes from docs/dashscope-protocol.md §6 (native) and §7 (compatible mode).
    if (codeIs(code, "InvalidApiKey") || codeIs(code, "invalid_api_key"))
        return Category::Auth;
    if (codeStarts(code, "DataInspectionFailed") || codeIs(code, "data_inspection_failed"))
        return Category::ContentInspection;
    if (codeIs(code, "Arrearage") || codeIs(code, "PrepaidBillOverdue")
        || codeIs(code, "PostpaidBillOverdue") || codeIs(code, "CommodityNotPurchased")
        || codeStarts(code, "Throttling") || codeStarts(code, "limit_")
        || codeIs(code, "insufficient_quota"))
        return Category::Quota;
    if (codeStarts(code, "AccessDenied") || codeStarts(code, "Model.AccessDenied")
        || codeStarts(code, "Workspace.AccessDenied") || codeStarts(code, "AllocationQuota.")
        || codeIs(code, "access_denied"))
        return Category::Permission;
    if (codeStarts(code, "InvalidParameter") || codeStarts(code, "BadRequest")
        || codeStarts(code, "InvalidURL") || codeIs(code, "ModelNotFound")
        || codeIs(code, "model_not_found") || codeIs(code, "model_not_supported")
        || codeIs(code, "invalid_parameter_error"))
        return Category::InvalidRequest;
    // OpenAI's type "invalid_request_error" (our code when `code` is null) covers 401 and 404
    // alike: the status says more.
    // A redirect means the address is not the API's: the profile's URL needs fixing.
    if (httpStatus >= 300 && httpStatus <= 399)
        return Category::InvalidRequest;
    switch (httpStatus) {
    case 401:
        return Category::Auth;
    case 403:
        return Category::Permission;
    case 429:
        return Category::Quota;
    default:
        break;
    }
    if (httpStatus >= 400 && httpStatus <= 499)
        return Category::InvalidRequest;
    return Category::Server;
}

QString ApiError::maskKeys(QString text)
{
    static const QRegularExpression key(QStringLiteral("sk-[A-Za-z0-9_\\-*]{4,}"));
    return text.replace(key, QStringLiteral("sk-***"));
}

QString ApiError::serverText() const
{
    return maskKeys(message.isEmpty() ? detail : message);
}

bool operator==(const ApiError &a, const ApiError &b)
{
    return a.kind == b.kind && a.httpStatus == b.httpStatus && a.code == b.code
        && a.message == b.message && a.requestId == b.requestId && a.detail == b.detail
        && a.beforeFirstByte == b.beforeFirstByte && a.retryAfter == b.retryAfter
        && a.redirectTarget == b.redirectTarget;
}

// The sentences people read; codes from docs/dashscope-protocol.md §6 and §7.

QString ApiError::summary() const
{
    switch (kind) {
    case Kind::Network:
        return tr("Could not reach the model server.");
    case Kind::Timeout:
        return tr("The model server stopped sending data and the request timed out.");
    case Kind::Tls:
        return tr("The secure connection to the model server failed.");
    case Kind::MalformedReply:
        return tr("The model server sent a reply this app cannot read.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::LimitExceeded:
        return tr("The reply was stopped because it went past a limit of this app. The text "
                  "received until then is kept.");
    case Kind::HttpStatus:
    case Kind::Server:
        break;
    }
    if (httpStatus >= 300 && httpStatus <= 399) {
        if (redirectTarget.isEmpty())
            return tr("The server answered with a redirect, which is never followed. Check the "
                      "address of the profile.");
        //: %1 is where the server pointed, e.g. https://example.com
        return tr("The server redirected the request to %1. Requests are never sent on to "
                  "another address, so nothing went there. Check the address of the profile.")
            .arg(redirectTarget);
    }
    // Keys are bound to a region: a Beijing key is rejected by the international host (§1.1).
    if (codeIs(code, "InvalidApiKey") || codeIs(code, "invalid_api_key") || httpStatus == 401)
        return tr("The API key was rejected. Check the key, and that it belongs to the region of "
                  "the endpoint: keys from the Beijing region do not work on the international "
                  "endpoint, and the other way round.");
    if (codeIs(code, "Arrearage") || codeStarts(code, "PrepaidBillOverdue")
        || codeStarts(code, "PostpaidBillOverdue"))
        return tr("The account is in arrears. Top up or settle the bill in the Alibaba Cloud "
                  "console, then try again.");
    if (codeStarts(code, "DataInspectionFailed"))
        return tr("The content safety check rejected the input or the answer.");
    if (codeStarts(code, "Throttling") || codeIs(code, "limit_requests")
        || codeIs(code, "insufficient_quota") || httpStatus == 429)
        return tr("Too many requests or the quota is used up. Wait a little and try again.");
    if (codeIs(code, "ModelNotFound") || codeIs(code, "model_not_found")
        || codeIs(code, "model_not_supported"))
        return tr("The model is not available on this endpoint.");
    if (codeStarts(code, "AccessDenied") || codeStarts(code, "Model.AccessDenied")
        || codeStarts(code, "Workspace.AccessDenied") || httpStatus == 403)
        return tr("Access was denied. The account or workspace may not have this model.");
    if (codeStarts(code, "InvalidParameter") || codeStarts(code, "BadRequest"))
        return tr("The server did not accept the request.");
    if (httpStatus >= 500)
        return tr("The model server had a problem. Try again later.");
    return tr("The model server returned an error.");
}

QString ApiError::userMessage() const
{
    QString text = summary();
    const QString server = serverText();
    if (!server.isEmpty()) {
        if (kind == Kind::HttpStatus || kind == Kind::Server) {
            if (httpStatus > 0)
                text += QLatin1Char('\n')
                    + tr("Server (HTTP %1, %2): %3")
                          .arg(httpStatus)
                          .arg(code.isEmpty() ? QStringLiteral("-") : code, server);
            else
                text += QLatin1Char('\n')
                    + tr("Server (%1): %2")
                          .arg(code.isEmpty() ? QStringLiteral("-") : code, server);
        } else {
            text += QLatin1Char('\n') + tr("Details: %1").arg(server);
        }
    }
    if (!requestId.isEmpty())
        text += QLatin1Char('\n') + tr("Request ID: %1").arg(requestId);
    return text;
}

} // namespace qvd
