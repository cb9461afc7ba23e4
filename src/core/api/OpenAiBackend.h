#pragma once

#include "core/api/ChatBackend.h"

namespace qvd {

// OpenAI-compatible chat completions: DashScope compatible-mode, vLLM, Ollama, LM Studio,
// llama.cpp (docs/dashscope-protocol.md §7).
class OpenAiBackend : public ChatBackend
{
public:
    static QUrl defaultBaseUrl(); // DashScope compatible-mode, Beijing

    explicit OpenAiBackend(const Endpoint &endpoint);

    QUrl url() const override;
    QByteArray body(const ChatRequest &request) const override;
    ChatChunk parseEvent(const SseEvent &event) const override;
    ChatChunk parseReply(const QByteArray &body) const override;

protected:
    void addStreamingHeaders(QNetworkRequest &request) const override;

private:
    static ChatChunk parseChoice(const QByteArray &json, const QLatin1String &messageKey);
};

} // namespace qvd
