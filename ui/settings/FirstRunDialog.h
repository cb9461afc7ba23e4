#pragma once

#include "core/secrets/ApiKeyVault.h"
#include "core/settings/EndpointProfile.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class FirstRunDialog;
}

namespace qvd {

struct AppContext;

// Shown at start when the default profile needs a key and none is found: pick the endpoint,
// give a local server's address, enter the key (stored in the keychain through ApiKeyVault),
// test it. Skippable. Save makes the chosen endpoint the default; the app's session follows
// the settings and the vault, so the next question uses them without a restart.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(AppContext &context, QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    // The chosen profile, with the address as typed.
    EndpointProfile selectedProfile() const;
    // Shows ApiKeyVault's notice (e.g. the keychain is unavailable); empty hides it.
    void setKeychainNotice(const QString &notice);

Q_SIGNALS:
    // The key went to the keychain, or to this session only (then `lookup.notice` says why).
    void keyStored(const QString &profileName, const qvd::ApiKeyLookup &lookup);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitToContents();
    void fillProfiles();
    void showProfile();
    void updateButtons();
    void save();
    void retranslate();

    AppContext &m_context;
    std::unique_ptr<Ui::FirstRunDialog> m_ui;
    QList<EndpointProfile> m_profiles;
    QPushButton *m_save = nullptr;
    QPushButton *m_skip = nullptr;
    bool m_saving = false;
};

} // namespace qvd
