#pragma once

#include "core/api/ApiError.h"
#include "core/conversation/Message.h"
#include "core/grounding/Detection.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QRect>

#include <memory>
#include <optional>

class QPainter;

namespace qvd {

class TextBody;
class ThumbnailCache;

// What a row of the chat view shows besides the message itself.
struct MessageContext
{
    QList<Detection> detections;
    std::optional<ApiError> error;
    bool streaming = false; // the answer is arriving into this message
    bool canRegenerate = false; // the last answer, and nothing is running
    bool canEdit = false; // a user message, and nothing is running
    bool reasoningExpanded = false;
    qint64 uploadSent = 0; // the request while it is being sent (total 0: not sending)
    qint64 uploadTotal = 0;
};

// One message laid out for a given width: user messages as a bubble on the right with their
// image thumbnails, answers full width with markdown, collapsed reasoning, the
// "(interrupted)" mark, an inline error with Retry, and a dim footer with token usage, the
// request id and the actions. Built once per change of the message (or of the width) and then
// only painted, so scrolling and other rows' streaming cost nothing here.
class MessageLayout
{
    Q_DECLARE_TR_FUNCTIONS(qvd::MessageLayout)

public:
    enum class Action { None, Copy, Regenerate, Edit, Retry, ToggleReasoning, Image };
    struct Hit
    {
        Action action = Action::None;
        int index = -1; // Image: the image's index within the message
    };

    // `previous`: this message's layout before its last change (may be null); what did not
    // change in its text is shared rather than laid out again.
    MessageLayout(const Message &message, const MessageContext &context, const QFont &font,
                  const QPalette &palette, int width, const MessageLayout *previous = nullptr);
    ~MessageLayout();

    QSize size() const { return {m_width, m_height}; }
    // A guess at size().height() without laying out any text (counts characters and line
    // breaks): rows far from view start with it and are measured when shown or when idle.
    static int estimateHeight(const Message &message, const QFont &font, int width);
    int width() const { return m_width; }

    struct PaintState
    {
        Hit hovered; // underlined
        // Gives the images; null ones are drawn as placeholders until they are decoded.
        ThumbnailCache *thumbnails = nullptr;
        bool busy = false; // actions that start a request are greyed out
        QRect visible; // relative to the row; text out of it is not drawn (null: all)
        int selectionStart = 0; // selected body text, positions as in body()
        int selectionEnd = 0;
        // The detection hovered or chosen elsewhere (its row, its box): its ref is outlined.
        int emphasizedDetection = -1;
    };
    void paint(QPainter *painter, QPoint topLeft, const PaintState &state) const;
    static bool startsRequest(Action action);
    // Positions are relative to the row's top-left.
    Hit hitAt(QPoint position) const;
    // The detection whose highlighted text is under `position`, or -1.
    int detectionAt(QPoint position) const;
    QList<QPair<Action, QRect>> buttons() const;
    QRect imageRect(int index) const { return m_images.value(index).rect; }
    // The regions marked on image `index` of this message, as drawn on its thumbnail (row
    // coordinates); a point is a rectangle of no size.
    QList<QRectF> imageRegions(int index) const { return m_images.value(index).regions; }
    QRect bodyRect() const { return m_bodyRect; }
    // What the row shows, as text (tests, accessibility): the body, the status mark, the error.
    QString bodyText() const;
    QString statusText() const { return m_status; }
    QString errorText() const { return m_errorText; }
    const TextBody *body() const { return m_body.get(); }
    // The body position under `position` (relative to the row), or -1 outside the body text;
    // FuzzyHit gives the nearest position for a point inside the body's rectangle.
    int bodyPositionAt(QPoint position, Qt::HitTestAccuracy accuracy) const;

private:
    struct Button
    {
        Action action;
        QString text;
        QRect rect;
    };
    struct ImageBox
    {
        QRect rect;
        QString key; // in ThumbnailCache
        ImageUrl url; // the part's image; its bytes are shared, not copied
        QList<QRectF> regions; // marked on it in this message, in row coordinates
    };

    void layoutUser(const Message &message, const MessageContext &context);
    void layoutAssistant(const Message &message, const MessageContext &context,
                         const TextBody *previousBody);
    int layoutImages(const QList<Part> &parts, int left, int top, int maxWidth);
    static QList<QRectF> regionsOn(const Part &image, int imageNumber, const QList<Part> &parts,
                                   const QRect &thumbnail);
    int layoutFooter(const QString &info, QList<Button> buttons, int left, int top, int right);
    void paintButtons(QPainter *painter, const PaintState &state) const;

    bool m_user = false;
    QFont m_font;
    QFont m_small;
    QPalette m_palette;
    int m_width = 0;
    int m_height = 0;
    QRect m_bubble; // user messages
    std::unique_ptr<TextBody> m_body;
    QRect m_bodyRect;
    std::unique_ptr<TextBody> m_reasoning;
    QRect m_reasoningRect;
    QString m_status; // "(interrupted)", "…" while waiting
    QRect m_statusRect;
    QRect m_progressRect; // under the status while the request is sent
    qreal m_progress = 0;
    QString m_errorText;
    QRect m_errorRect;
    QString m_info; // usage, request id
    QRect m_infoRect;
    QList<Button> m_buttons;
    QList<ImageBox> m_images;
};

} // namespace qvd
