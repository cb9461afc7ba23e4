#include "core/api/ChatBackend.h"

#include "core/AppInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

#include <algorithm>

namespace qvd {

namespace {

bool usesOssUrls(const ChatRequest &request)
{
    for (const Message &message : request.messages) {
        for (const Part &part : message.parts) {
            if (part.kind == Part::Kind::Image && !part.imageUrl.isData()
                && part.imageUrl.toString().startsWith(QLatin1String("oss://"),
                                                       Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

// "<appname>/<ver>; qt/<ver>; platform/<os>" as the spec suggests (§1.2; the server needs none).
QByteArray userAgent()
{
    return QByteArray(appinfo::kAppName).replace(' ', '-') + '/' + appinfo::kVersion + "; qt/"
        + qVersion() + "; platform/" + QSysInfo::productType().toUtf8();
}

} // namespace

ChatBackend::ChatBackend(const Endpoint &endpoint) : m_endpoint(endpoint) { }

ChatBackend::~ChatBackend() = default;

QNetworkRequest ChatBackend::networkRequest(const ChatRequest &request) const
{
    QNetworkRequest out(url());
    // Keys start "sk-"; local servers run without one, then no header at all (§1.2, §7).
    if (!m_endpoint.apiKey.isEmpty())
        out.setRawHeader("Authorization", "Bearer " + m_endpoint.apiKey.toUtf8());
    out.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    out.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (request.stream)
        addStreamingHeaders(out);
    else
        out.setRawHeader("Accept", "application/json");
    // oss:// image URLs are resolved only with this header (§1.2, [TMP]).
    if (usesOssUrls(request))
        out.setRawHeader("X-DashScope-OssResourceResolve", "enable");
    if (!m_endpoint.workspace.isEmpty())
        out.setRawHeader("X-DashScope-WorkSpace", m_endpoint.workspace.toUtf8());
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Never followed: a redirect would carry the key to wherever the server points (another
    // host, or plain http). A 3xx is an error naming its target (core/secrets/KeyScope.h).
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return out;
}

QUrl ChatBackend::joinUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QLatin1Char('/') + path);
    return url;
}

void ChatBackend::writeParameters(QJsonObject &into, const GenerationParameters &p)
{
    if (p.temperature)
        into.insert(QLatin1String("temperature"), *p.temperature);
    if (p.topP)
        into.insert(QLatin1String("top_p"), *p.topP);
    if (p.topK)
        into.insert(QLatin1String("top_k"), *p.topK);
    if (p.seed)
        into.insert(QLatin1String("seed"), *p.seed);
    if (p.maxTokens)
        into.insert(QLatin1String("max_tokens"), *p.maxTokens);
    if (p.repetitionPenalty)
        into.insert(QLatin1String("repetition_penalty"), *p.repetitionPenalty);
    if (p.presencePenalty)
        into.insert(QLatin1String("presence_penalty"), *p.presencePenalty);
    // `stop` is a string or a list of strings (§2.2); one stop word goes as the string.
    if (p.stop.size() == 1)
        into.insert(QLatin1String("stop"), p.stop.first());
    else if (!p.stop.isEmpty())
        into.insert(QLatin1String("stop"), QJsonArray::fromStringList(p.stop));
    if (p.highResolutionImages)
        into.insert(QLatin1String("vl_high_resolution_images"), *p.highResolutionImages);
}

void ChatBackend::writeThinking(QJsonObject &into, const GenerationParameters &p,
                                const ModelInfo &model)
{
    if (model.thinkingSwitchable() && p.enableThinking)
        into.insert(QLatin1String("enable_thinking"), *p.enableThinking);
    if (model.thinkingBudget && p.thinkingBudget && ChatRequest::thinks(model, p))
        into.insert(QLatin1String("thinking_budget"), *p.thinkingBudget);
}

QJsonObject ChatBackend::parseObject(const QByteArray &json, QString *error)
{
    // Control characters appear in JSON only escaped (RFC 8259 §7), tab, line feed and carriage
    // return also as white space between tokens. Qt's parser lets the others through inside
    // strings, so a NUL byte would reach the answer, the history and the clipboard: refused.
    const auto control = std::find_if(json.cbegin(), json.cend(), [](char c) {
        const auto byte = uchar(c);
        return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    });
    if (control != json.cend()) {
        //: %1 is a byte value such as 0x00, %2 a position in bytes
        *error =
            tr("The reply holds the control character %1 at byte %2, which JSON does not "
               "allow.")
                .arg(QStringLiteral("0x%1").arg(uint(uchar(*control)), 2, 16, QLatin1Char('0')))
                .arg(control - json.cbegin());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *error = parseError.errorString();
    else if (!document.isObject())
        *error = QStringLiteral("not a JSON object");
    return document.object();
}

} // namespace qvd
