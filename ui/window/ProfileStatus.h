#pragma once

#include "core/secrets/ApiKeyVault.h"
#include "core/settings/EndpointProfile.h"

#include <QLabel>

#include <optional>

namespace qvd {

struct AppContext;

// The status bar's summary of where requests go: "DashScope (China, Beijing) · qwen3-vl-plus ·
// key in Secret Service" (or "no key", "key for this session only", ...).
class ProfileStatus : public QLabel
{
    Q_OBJECT
public:
    explicit ProfileStatus(AppContext &context, QWidget *parent = nullptr);

    // Reads the default profile again and looks up its key.
    void refresh();
    // The model in use, when the chat has chosen one other than the profile's default.
    void setModel(const QString &model);

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void makeSelectable();
    void showText();
    QString keyText() const;

    AppContext &m_context;
    EndpointProfile m_profile;
    QString m_model;
    std::optional<ApiKeyLookup::Source> m_source;
    QString m_variable; // the environment variable the key comes from, if it does
    quint64 m_generation = 0;
};

} // namespace qvd
