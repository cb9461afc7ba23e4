#pragma once

#include "ui/settings/ProfileDraft.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ProfileEditor;
}

namespace qvd {

struct AppContext;
class ApiKeyField;

// The fields of one endpoint profile: address, protocol, default model, API key (masked, with
// "Test Connection") and the profile's proxy.
class ProfileEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);
    ~ProfileEditor() override;

    void setContext(AppContext *context);
    void load(const ProfileDraft &draft);
    // Writes the fields into `draft` (its profile and typed secrets).
    void store(ProfileDraft &draft) const;

    ApiKeyField *keyField() const;

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    EndpointProfile editedProfile() const;
    void updateEnabled();
    void lookupKeyStatus();
    void showKeyStatus();
    void retranslate();

    std::unique_ptr<Ui::ProfileEditor> m_ui;
    AppContext *m_context = nullptr;
    ProfileDraft m_draft;
    int m_keySource = -1; // ApiKeyLookup::Source of the stored key, -1 while unknown
    QString m_keyVariable; // the environment variable the key comes from, if it does
    quint64 m_lookupGeneration = 0;
    bool m_loading = false;
};

} // namespace qvd
