#pragma once

#include "ui/settings/ProfileDraft.h"

#include <QWidget>

#include <functional>

class QListWidget;
class QPushButton;

namespace qvd {

struct AppContext;
class ProfileEditor;

// The "Endpoints" page of the settings dialog: built-in and custom profiles, add and remove
// custom ones, edit any. Changes are drafts until save().
class ProfilesPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProfilesPage(QWidget *parent = nullptr);

    void setContext(AppContext *context);
    ProfileEditor *editor() const { return m_editor; }
    QListWidget *list() const { return m_list; }

    void addProfile();
    void removeCurrent();
    void selectProfile(const QString &name);

    // Validates every draft; selects the first bad one and returns why, or "" when all are fine.
    QString validate();
    // Writes secrets to the keychain and then the profiles to the settings; `done` gets the
    // notices to show (e.g. a key kept for this session only). Call validate() first.
    void save(std::function<void(const QStringList &notices)> done);
    QList<EndpointProfile> profiles() const;

Q_SIGNALS:
    void profilesEdited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showCurrent();
    void storeCurrent();
    void refreshItems();
    void retranslate();

    AppContext *m_context = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    ProfileEditor *m_editor = nullptr;
    QList<ProfileDraft> m_drafts;
    QList<EndpointProfile> m_removed;
    int m_current = -1;
};

} // namespace qvd
