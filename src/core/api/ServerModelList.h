#pragma once

#include "core/api/ApiError.h"
#include "core/models/ModelInfo.h"
#include "core/settings/EndpointProfile.h"

#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace qvd {

class ModelRegistry;

// The models an OpenAI-compatible server serves itself (vLLM, Ollama, LM Studio, llama.cpp),
// from GET {base}/models: each id with its family guessed from the id by the registry's patterns
// (Hugging Face names, Ollama tags, GGUF file names), or the family the person chose for it on
// this profile (Settings::modelFamily), and source ModelSource::Server. A picker lists models()
// for such a profile instead of DashScope's ids.
//
// One fetch at a time: fetch() again abandons the one running. Ends with finished() (models()
// holds the new list, which may be empty) or failed() (models() keeps the last good list).
class ServerModelList : public QObject
{
    Q_OBJECT
public:
    // `network` and `registry` must outlive the list.
    ServerModelList(QNetworkAccessManager *network, const ModelRegistry *registry,
                    QObject *parent = nullptr);
    ~ServerModelList() override;

    // `families`: the person's choices for this profile's ids (Settings::modelFamilies).
    void fetch(const EndpointProfile &profile, const QString &apiKey,
               const QHash<QString, ModelFamily> &families = {},
               std::chrono::milliseconds timeout = std::chrono::seconds(20));
    void abort();
    bool isFetching() const { return m_reply != nullptr; }

    QList<ModelInfo> models() const { return m_models; }
    QStringList ids() const;
    // One model of the list; with the registry's guess for an id the server did not list.
    ModelInfo find(const QString &id) const;
    // The person chose `family` for `id` (nullopt: back to the guess). Save it with
    // Settings::setModelFamily; here it applies to the list at once and emits changed().
    void setFamily(const QString &id, std::optional<ModelFamily> family);

    // The ids of a GET /models body, in order, without repeats: "data": [{"id"}] (OpenAI, vLLM,
    // LM Studio, llama.cpp, Ollama's /v1), else "models": [{"model"|"name"|"id"}] (Ollama's
    // /api/tags, llama.cpp's own list). nullopt when the body is neither.
    static std::optional<QStringList> parseIds(const QByteArray &body);

Q_SIGNALS:
    void finished();
    void failed(const qvd::ApiError &error);
    void changed(); // a family was chosen; models() changed

private:
    void onFinished(QNetworkReply *reply);
    ModelInfo infoFor(const QString &id) const;

    QNetworkAccessManager *m_network;
    const ModelRegistry *m_registry;
    QPointer<QNetworkReply> m_reply;
    QString m_apiKey; // only to mask it in error texts
    QHash<QString, ModelFamily> m_families;
    QList<ModelInfo> m_models;
};

} // namespace qvd
