#pragma once

#include "core/conversation/GenerationParameters.h"
#include "core/conversation/Message.h"
#include "core/models/ModelInfo.h"
#include "ui/chat/AttachmentSource.h"

#include <QWidget>

#include <QSet>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;

namespace qvd {

struct Attachment;
class AttachmentList;
class AttachmentStrip;
class ComposerEdit;
class ModelRegistry;
class ParametersPopup;

// The bottom of the chat: what the person is about to send (text, images, regions), the model
// and the conversation's parameters, and Send — which turns into Stop while an answer runs.
// It only collects; ChatPane hands the parts to ChatSession.
class Composer : public QWidget
{
    Q_OBJECT
public:
    Composer(const ModelRegistry *models, QNetworkAccessManager *network,
             QWidget *parent = nullptr);
    ~Composer() override;

    ComposerEdit *input() const { return m_input; }
    AttachmentList *attachments() const { return m_attachments; }
    AttachmentStrip *strip() const { return m_strip; }
    QPushButton *sendButton() const { return m_send; }
    // "Ask several models": the draft goes to several models at once (askSeveralRequested).
    QPushButton *askSeveralButton() const { return m_askSeveral; }
    QComboBox *modelPicker() const { return m_model; }
    // The popover behind "Parameters", made when first needed: until the person opens it or a
    // conversation brings settings of its own, every value is the default and nothing is built.
    ParametersPopup *parametersPopup();
    // What is shown under the input: why the last question could not go out (the session's
    // one notice), then images that were refused ("… is not an image …"); empty when none.
    QString notice() const;

    QString modelId() const;
    void setModelId(const QString &id);
    // The model of the next question as the session knows it (family, budgets, thinking).
    void setModel(const ModelInfo &model);
    // What the picker lists (a local server's own models, or DashScope's).
    void setOfferedModels(const QList<ModelInfo> &models);
    // For a server's own models: a button that says how the model's boxes are read (its
    // family, guessed from the id) with a one-click choice of another; hidden otherwise.
    void setFamilyChoice(bool offered);
    QToolButton *familyButton() const { return m_family; }
    void setConversationSettings(const GenerationParameters &parameters,
                                 const QString &systemPrompt);
    void setBusy(bool busy);
    GenerationParameters parameters() const;
    QString systemPrompt() const;

    // Images first, then regions, then the text: what Send would send now.
    QList<Part> draft() const;
    void clear();

    // Edit-and-resend: loads a sent user message; Send then asks to replace it, and the
    // `laterCount` messages after it are dropped once the person confirms.
    void beginEdit(int userIndex, const Message &message, int laterCount);
    // Writes each waiting region's chip text again (the model changed).
    void updateRegionTexts(const std::function<QString(const Part &)> &textOf);
    void cancelEdit();
    int editingIndex() const { return m_editing; }

public Q_SLOTS:
    void addImages(const QList<qvd::AttachmentSource> &sources);
    void addRegion(const qvd::Part &region);
    void chooseImages();
    void submit();
    // A line under the input in the warning colour, once however often it comes; cleared by
    // clear() or new images.
    void showNotice(const QString &text);
    // The session's notice (replaces the previous one; empty clears it).
    void setSessionNotice(const QString &text);

Q_SIGNALS:
    void submitted(const QList<qvd::Part> &parts);
    void resendRequested(int userIndex, const QList<qvd::Part> &parts);
    // The person wants the draft put to several models; the pane asks which.
    void askSeveralRequested();
    void stopRequested();
    void modelChanged(const QString &modelId);
    // The person reads the current (server) model as another family; nullopt: the guess.
    void familyChosen(const QString &modelId, std::optional<qvd::ModelFamily> family);
    // An image became ready to send (`first`: for the first time, not prepared again).
    void attachmentReady(const qvd::Attachment &attachment, bool first);
    // The person clicked an image waiting to be sent.
    void attachmentActivated(const qvd::Attachment &attachment);
    // Parameters, system prompt or high-resolution changed in the popover.
    void settingsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateNoticeColour();
    void showNotices();
    void retranslate();
    void updateSendButton();
    void commitModelText();
    void updatePreparer();
    void updateFamilyButton();
    void confirmResend(const QList<Part> &parts);

    const ModelRegistry *m_models;
    AttachmentList *m_attachments;
    QLabel *m_editBanner;
    QPushButton *m_cancelEdit;
    QLabel *m_notice;
    AttachmentStrip *m_strip;
    ComposerEdit *m_input;
    QPushButton *m_addImages;
    QComboBox *m_model;
    QToolButton *m_parametersButton;
    QToolButton *m_family;
    ParametersPopup *m_parameters = nullptr;
    ModelInfo m_modelInfo; // the picked model, for the popup once it is made
    QLabel *m_hint;
    QPushButton *m_send;
    QPushButton *m_askSeveral;
    QList<QPair<int, Part>> m_regions;
    QStringList m_notices;
    QString m_sessionNotice;
    int m_nextRegionId = 1;
    QSet<int> m_announced; // attachments announced ready once
    int m_editing = -1;
    int m_editLaterCount = 0;
    bool m_busy = false;
};

} // namespace qvd
