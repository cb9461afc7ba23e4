#include "ui/settings/ProfilesPage.h"

#include "core/secrets/ApiKeyVault.h"
#include "core/settings/Settings.h"
#include "ui/AppContext.h"
#include "ui/settings/ProfileEditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace qvd {
namespace {

// Counts the keychain calls of one save and finishes it after the last one.
struct SaveState
{
    int pending = 1; // the save itself, released after every call is started
    QStringList notices;
    std::function<void(const QStringList &notices)> finish;

    void release()
    {
        if (--pending == 0)
            finish(notices);
    }
};

} // namespace

ProfilesPage::ProfilesPage(QWidget *parent)
    : QWidget(parent),
      m_list(new QListWidget(this)),
      m_add(new QPushButton(this)),
      m_remove(new QPushButton(this)),
      m_editor(new ProfileEditor(this))
{
    m_list->setObjectName(QStringLiteral("profileList"));
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    m_list->setMaximumWidth(300);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addWidget(m_editor, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeCurrent();
        m_current = row;
        showCurrent();
    });
    connect(m_add, &QPushButton::clicked, this, &ProfilesPage::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesPage::removeCurrent);
    connect(m_editor, &ProfileEditor::edited, this, [this] {
        storeCurrent();
        refreshItems();
        Q_EMIT profilesEdited();
    });
    retranslate();
}

void ProfilesPage::setContext(AppContext *context)
{
    m_context = context;
    m_editor->setContext(context);
    reload();
}

void ProfilesPage::reload()
{
    m_drafts.clear();
    m_removed.clear();
    const QList<EndpointProfile> builtIns = EndpointProfile::builtIns();
    const QList<EndpointProfile> saved = m_context->settings->profiles();
    for (const EndpointProfile &profile : saved) {
        const bool builtIn = std::any_of(builtIns.begin(), builtIns.end(),
                                         [&](const auto &b) { return b.name == profile.name; });
        m_drafts.append(ProfileDraft{profile, profile, builtIn, {}, {}, false});
    }
    m_current = -1;
    refreshItems();
    selectProfile(m_context->settings->defaultProfileName());
}

void ProfilesPage::refreshItems()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ProfileDraft &draft : std::as_const(m_drafts)) {
        auto *item =
            new QListWidgetItem(draft.builtIn ? tr("%1 (built-in)").arg(draft.profile.displayName)
                                              : draft.profile.displayName,
                                m_list);
        item->setToolTip(draft.profile.baseUrl.toString());
        item->setData(Qt::UserRole, draft.profile.name);
    }
    m_list->setCurrentRow(m_current);
    m_remove->setEnabled(m_current >= 0 && !m_drafts.at(m_current).builtIn);
}

void ProfilesPage::showCurrent()
{
    m_editor->setEnabled(m_current >= 0);
    if (m_current >= 0)
        m_editor->load(m_drafts.at(m_current));
    m_remove->setEnabled(m_current >= 0 && !m_drafts.at(m_current).builtIn);
}

void ProfilesPage::storeCurrent()
{
    if (m_current >= 0 && m_current < m_drafts.size())
        m_editor->store(m_drafts[m_current]);
}

void ProfilesPage::selectProfile(const QString &name)
{
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).profile.name == name)
            m_list->setCurrentRow(i);
    }
}

void ProfilesPage::addProfile()
{
    storeCurrent();
    ProfileDraft draft;
    int number = m_drafts.size();
    const auto taken = [this](const QString &name) {
        return std::any_of(m_drafts.begin(), m_drafts.end(),
                           [&](const ProfileDraft &d) { return d.profile.name == name; });
    };
    do {
        draft.profile.name = QStringLiteral("custom-%1").arg(++number);
    } while (taken(draft.profile.name));
    draft.profile.displayName = tr("New endpoint");
    draft.profile.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    draft.profile.baseUrl =
        QUrl(QStringLiteral("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    draft.profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    m_drafts.append(draft);
    refreshItems();
    m_list->setCurrentRow(m_drafts.size() - 1);
    Q_EMIT profilesEdited();
}

void ProfilesPage::removeCurrent()
{
    if (m_current < 0 || m_drafts.at(m_current).builtIn)
        return;
    const ProfileDraft removed = m_drafts.takeAt(m_current);
    if (!removed.isNew())
        m_removed.append(removed.saved);
    m_current = -1;
    refreshItems();
    m_list->setCurrentRow(0);
    Q_EMIT profilesEdited();
}

QList<EndpointProfile> ProfilesPage::profiles() const
{
    QList<EndpointProfile> result;
    for (const ProfileDraft &draft : m_drafts)
        result.append(draft.profile);
    return result;
}

QString ProfilesPage::validate()
{
    storeCurrent();
    for (int i = 0; i < m_drafts.size(); ++i) {
        const EndpointProfile &profile = m_drafts.at(i).profile;
        QString error = m_drafts.at(i).changed() ? profile.validationError() : QString();
        for (int j = 0; error.isEmpty() && j < i; ++j) {
            if (m_drafts.at(j).profile.name == profile.name)
                error = tr("Another profile already uses the identifier '%1'.").arg(profile.name);
        }
        if (!error.isEmpty()) {
            m_list->setCurrentRow(i);
            return error;
        }
    }
    return {};
}

void ProfilesPage::save(std::function<void(const QStringList &notices)> done)
{
    storeCurrent();
    auto state = std::make_shared<SaveState>();
    QList<ProfileDraft> changed;
    for (ProfileDraft &draft : m_drafts) {
        if (draft.changed())
            changed.append(draft);
    }
    const QList<EndpointProfile> removed = m_removed;
    // Profiles are written last, so listeners of Settings::profilesChanged (the proxy
    // installer) find the new proxy passwords already in the keychain.
    state->finish = [self = QPointer(this), changed, removed,
                     done = std::move(done)](const QStringList &notices) {
        if (!self)
            return;
        Settings *settings = self->m_context->settings;
        for (const EndpointProfile &profile : removed)
            settings->removeProfile(profile.name);
        for (const ProfileDraft &draft : changed)
            settings->saveProfile(draft.profile);
        settings->sync();
        self->reload();
        done(notices);
    };
    SecretStore *keychain = m_context->keychain;
    ApiKeyVault *keys = m_context->keys;
    const auto release = [state](const SecretResult &) {
        state->release();
    };
    for (const EndpointProfile &profile : removed) {
        state->pending += 2;
        keys->forget(profile, release);
        keychain->remove(profile.proxyPasswordKey(), release);
    }
    for (const ProfileDraft &draft : changed) {
        if (!draft.proxyPassword.isEmpty()) {
            ++state->pending;
            keychain->write(draft.profile.proxyPasswordKey(), draft.proxyPassword,
                            [state](const SecretResult &written) {
                                if (!written.ok())
                                    state->notices.append(written.message);
                                state->release();
                            });
        }
        if (draft.forgetKey) {
            ++state->pending;
            keys->forget(draft.profile, release);
        } else if (!draft.key.isEmpty()) {
            ++state->pending;
            keys->store(draft.profile, draft.key, [state](const ApiKeyLookup &stored) {
                if (!stored.notice.isEmpty())
                    state->notices.append(stored.notice);
                state->release();
            });
        }
    }
    // Finishes later even with no keychain call, so `done` never runs inside save().
    QMetaObject::invokeMethod(
        this, [state] { state->release(); }, Qt::QueuedConnection);
}

void ProfilesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProfilesPage::retranslate()
{
    m_add->setText(tr("&Add"));
    m_add->setToolTip(tr("Add a DashScope or OpenAI-compatible endpoint"));
    m_remove->setText(tr("&Remove"));
    m_list->setAccessibleName(tr("Endpoint profiles"));
    if (m_context) {
        // Built-in names are translated; drafts keep the user's own names.
        const QList<EndpointProfile> fresh = EndpointProfile::builtIns();
        for (ProfileDraft &draft : m_drafts) {
            for (const EndpointProfile &builtIn : fresh) {
                if (draft.builtIn && draft.profile.name == builtIn.name
                    && draft.profile.displayName == draft.saved.displayName) {
                    draft.profile.displayName = builtIn.displayName;
                    draft.saved.displayName = builtIn.displayName;
                }
            }
        }
        refreshItems();
    }
}

} // namespace qvd
