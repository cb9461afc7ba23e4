#pragma once

#include "core/api/ChatBackend.h"

namespace qvd {

// DashScope's native multimodal-generation protocol (docs/dashscope-protocol.md §1–§6).
class DashScopeBackend : public ChatBackend
{
public:
    // Beijing; other regions and workspace hosts are other base URLs (§1.1).
    static QUrl defaultBaseUrl();

    explicit DashScopeBackend(const Endpoint &endpoint);

    QUrl url() const override;
    QByteArray body(const ChatRequest &request) const override;
    ChatChunk parseEvent(const SseEvent &event) const override;
    ChatChunk parseReply(const QByteArray &body) const override;

protected:
    void addStreamingHeaders(QNetworkRequest &request) const override;

private:
    static ChatChunk parseResult(const QByteArray &json);
};

} // namespace qvd
