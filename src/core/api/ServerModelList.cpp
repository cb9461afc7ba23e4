#include "core/api/ServerModelList.h"

#include "core/api/BackendFactory.h"
#include "core/models/ModelRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace qvd {

namespace {

constexpr qsizetype kMaxBody = 4 * 1024 * 1024;

// An entry of a model list: an object naming its id under one of `keys`, or a bare string.
QString idOf(const QJsonValue &entry, const QList<QLatin1String> &keys)
{
    if (entry.isString())
        return entry.toString().trimmed();
    const QJsonObject object = entry.toObject();
    for (const QLatin1String &key : keys) {
        const QString id = object.value(key).toString().trimmed();
        if (!id.isEmpty())
            return id;
    }
    return {};
}

} // namespace

ServerModelList::ServerModelList(QNetworkAccessManager *network, const ModelRegistry *registry,
                                 QObject *parent)
    : QObject(parent), m_network(network), m_registry(registry)
{ }

ServerModelList::~ServerModelList()
{
    abort();
}

void ServerModelList::fetch(const EndpointProfile &profile, const QString &apiKey,
                            const QHash<QString, ModelFamily> &families,
                            std::chrono::milliseconds timeout)
{
    abort();
    m_families = families;
    m_apiKey = apiKey;
    // The backend's own request headers: Authorization only with a key, the app's User-Agent.
    const auto backend = makeBackend(profile, apiKey);
    ChatRequest probe;
    probe.stream = false;
    QNetworkRequest request = backend->networkRequest(probe);
    request.setUrl(ChatBackend::joinUrl(profile.baseUrl, QStringLiteral("models")));
    request.setTransferTimeout(int(timeout.count()));
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void ServerModelList::abort()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ServerModelList::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const QByteArray body = reply->read(kMaxBody);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    std::optional<ApiError> error;
    std::optional<QStringList> ids;
    if (status >= 300) {
        error = ApiError::fromHttpBody(status, body);
    } else if (reply->error() != QNetworkReply::NoError) {
        error = ApiError::network(reply->errorString(), true);
        if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError)
            error->kind = ApiError::Kind::Timeout;
    } else if (!(ids = parseIds(body))) {
        error = ApiError::malformed(
            tr("The server's model list is not an OpenAI-compatible \"data\" list."));
    }
    if (error) {
        // Servers sometimes echo the key; it must never reach a message.
        if (!m_apiKey.isEmpty()) {
            error->message.replace(m_apiKey, QStringLiteral("***"));
            error->detail.replace(m_apiKey, QStringLiteral("***"));
        }
        Q_EMIT failed(*error);
        return;
    }
    m_models.clear();
    for (const QString &id : std::as_const(*ids))
        m_models.append(infoFor(id));
    Q_EMIT finished();
}

std::optional<QStringList> ServerModelList::parseIds(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject root = document.object();
    QJsonArray entries;
    QList<QLatin1String> keys{QLatin1String("id")};
    if (root.value(QLatin1String("data")).isArray()) {
        entries = root.value(QLatin1String("data")).toArray();
    } else if (root.value(QLatin1String("models")).isArray()) {
        entries = root.value(QLatin1String("models")).toArray();
        keys = {QLatin1String("model"), QLatin1String("name"), QLatin1String("id")};
    } else if (document.isArray()) {
        entries = document.array();
    } else {
        return std::nullopt;
    }
    QStringList ids;
    for (const QJsonValue &entry : std::as_const(entries)) {
        const QString id = idOf(entry, keys);
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QStringList ServerModelList::ids() const
{
    QStringList ids;
    for (const ModelInfo &model : m_models)
        ids.append(model.id);
    return ids;
}

ModelInfo ServerModelList::find(const QString &id) const
{
    for (const ModelInfo &model : m_models) {
        if (model.id == id)
            return model;
    }
    return infoFor(id);
}

void ServerModelList::setFamily(const QString &id, std::optional<ModelFamily> family)
{
    if (family)
        m_families.insert(id, *family);
    else
        m_families.remove(id);
    for (ModelInfo &model : m_models) {
        if (model.id == id)
            model = infoFor(id);
    }
    Q_EMIT changed();
}

ModelInfo ServerModelList::infoFor(const QString &id) const
{
    ModelInfo info = m_registry->find(id);
    info.source = ModelSource::Server;
    info.legacy = false; // the server serves it
    const auto family = m_families.constFind(id);
    if (family != m_families.constEnd())
        info = ModelRegistry::withFamily(info, *family);
    return info;
}

} // namespace qvd
