#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace qvd {

struct AppContext;
class ProfilesPage;

// Endpoint profiles (with their keys and proxies), language, theme and the default endpoint.
// OK and Apply write the secrets to the keychain and the rest to the settings file, then switch
// language and theme at once, without a restart.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppContext &context, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    ProfilesPage *profilesPage() const;
    // Validates and saves; `then` runs when everything is written (not on a validation error).
    void apply(std::function<void()> then = {});

Q_SIGNALS:
    // After a save: texts to show the user (e.g. a key kept for this session only).
    void applied(const QStringList &notices);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillGeneral();
    void fillDefaultProfiles();
    void applyGeneral();
    void showError(const QString &error);
    void retranslate();

    AppContext &m_context;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    bool m_saving = false;
};

} // namespace qvd
