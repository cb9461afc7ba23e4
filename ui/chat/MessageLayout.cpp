#include "ui/chat/MessageLayout.h"

#include "ui/chat/TextBody.h"
#include "ui/chat/ThumbnailCache.h"

#include <QLocale>
#include <QPainter>

#include <cmath>

namespace qvd {
namespace {

constexpr int kMargin = 14; // left and right of the view
constexpr int kTop = 6;
constexpr int kBottom = 6;
constexpr int kBubblePadding = 10;
constexpr int kUserIndent = 56; // a user bubble never spans the full width
constexpr int kMaxBubble = 640;
constexpr int kMaxAnswer = 860;
constexpr int kThumbHeight = 110;
constexpr int kThumbMaxWidth = 180;
constexpr int kGap = 6;
constexpr int kErrorPadding = 8;

QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QString usageText(const Message &message)
{
    QStringList pieces;
    const QLocale locale;
    if (!message.usage.isEmpty()) {
        //: token usage under an answer: input, output, and how many of the input were images
        pieces.append(MessageLayout::tr("%1 in · %2 out · %3 image tokens")
                          .arg(locale.toString(message.usage.inputTokens),
                               locale.toString(message.usage.outputTokens),
                               locale.toString(message.usage.imageTokens)));
    }
    if (!message.requestId.isEmpty())
        pieces.append(MessageLayout::tr("request %1").arg(message.requestId));
    if (message.finishReason == QLatin1String("length"))
        pieces.append(MessageLayout::tr("cut off at the token limit"));
    return pieces.join(QStringLiteral("  ·  "));
}

} // namespace

MessageLayout::MessageLayout(const Message &message, const MessageContext &context,
                             const QFont &font, const QPalette &palette, int width,
                             const MessageLayout *previous)
    : m_user(message.role != Message::Role::Assistant),
      m_font(font),
      m_small(font),
      m_palette(palette),
      m_width(width)
{
    m_small.setPointSizeF(font.pointSizeF() * 0.85);
    const bool comparable = previous && previous->m_width == width && previous->m_font == font
        && previous->m_palette == palette;
    if (m_user)
        layoutUser(message, context);
    else
        layoutAssistant(message, context, comparable ? previous->m_body.get() : nullptr);
}

MessageLayout::~MessageLayout() = default;

int MessageLayout::estimateHeight(const Message &message, const QFont &font, int width)
{
    const QFontMetrics metrics(font);
    const bool user = message.role != Message::Role::Assistant;
    const int content = user
        ? qMax(120, qMin(width - 2 * kMargin - kUserIndent, kMaxBubble)) - 2 * kBubblePadding
        : qMax(120, qMin(width - 2 * kMargin, kMaxAnswer));
    const QString text = user ? message.plainText() : message.text;
    const int narrow = qMax(1, metrics.averageCharWidth());
    const int wide = metrics.height(); // CJK ideographs are about square
    int lines = 0;
    int lineWidth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            lines += 1 + lineWidth / content;
            lineWidth = 0;
            continue;
        }
        lineWidth += c.unicode() >= 0x2E80 ? wide : narrow;
    }
    if (lineWidth > 0 || lines == 0)
        lines += 1 + lineWidth / content;
    int height = kTop + lines * metrics.lineSpacing() + kBottom + metrics.height();
    if (user) {
        int images = 0;
        for (const Part &part : message.parts)
            images += part.kind == Part::Kind::Image ? 1 : 0;
        const int perRow = qMax(1, content / (kThumbMaxWidth + kGap));
        if (images > 0)
            height += ((images + perRow - 1) / perRow) * (kThumbHeight + kGap);
        height += 2 * kBubblePadding;
    } else if (!message.reasoning.isEmpty()) {
        height += metrics.height();
    }
    return height;
}

void MessageLayout::layoutUser(const Message &message, const MessageContext &context)
{
    const int bubbleMax = qMax(120, qMin(m_width - 2 * kMargin - kUserIndent, kMaxBubble));
    const int contentMax = bubbleMax - 2 * kBubblePadding;
    const int imagesHeight = layoutImages(message.parts, 0, 0, contentMax);
    int imagesWidth = 0;
    for (const ImageBox &image : std::as_const(m_images))
        imagesWidth = qMax(imagesWidth, image.rect.right() + 1);

    const QString text = message.plainText().trimmed();
    int bodyWidth = 0;
    int bodyHeight = 0;
    if (!text.isEmpty()) {
        m_body = TextBody::plain(text, m_font, contentMax);
        bodyWidth = m_body->size().width();
        bodyHeight = m_body->size().height();
    }
    const int gap = imagesHeight > 0 && bodyHeight > 0 ? kGap : 0;
    const int bubbleWidth = qMax(bodyWidth, imagesWidth) + 2 * kBubblePadding;
    const int bubbleHeight = imagesHeight + gap + bodyHeight + 2 * kBubblePadding;
    m_bubble = QRect(m_width - kMargin - bubbleWidth, kTop, bubbleWidth, bubbleHeight);
    const QPoint content = m_bubble.topLeft() + QPoint(kBubblePadding, kBubblePadding);
    for (ImageBox &image : m_images) {
        image.rect.translate(content);
        for (QRectF &region : image.regions)
            region.translate(content);
    }
    m_bodyRect = QRect(content + QPoint(0, imagesHeight + gap), QSize(bodyWidth, bodyHeight));

    QList<Button> buttons{{Action::Copy, MessageLayout::tr("Copy"), {}}};
    if (context.canEdit)
        buttons.append({Action::Edit, MessageLayout::tr("Edit"), {}});
    m_height =
        layoutFooter({}, buttons, kMargin, m_bubble.bottom() + 3, m_width - kMargin) + kBottom;
}

void MessageLayout::layoutAssistant(const Message &message, const MessageContext &context,
                                    const TextBody *previousBody)
{
    const int left = kMargin;
    const int contentWidth = qMax(120, qMin(m_width - 2 * kMargin, kMaxAnswer));
    const QFontMetrics small(m_small);
    int y = kTop;

    if (!message.reasoning.isEmpty()) {
        const QString toggle = context.reasoningExpanded ? MessageLayout::tr("▾ Thought process")
                                                         : MessageLayout::tr("▸ Thought process");
        Button button{Action::ToggleReasoning, toggle,
                      QRect(left, y, small.horizontalAdvance(toggle) + 4, small.height())};
        m_buttons.append(button);
        y += small.height() + 4;
        if (context.reasoningExpanded) {
            m_reasoning = TextBody::plain(message.reasoning.trimmed(), m_small, contentWidth - 12);
            const int height = m_reasoning->size().height();
            m_reasoningRect = QRect(left + 12, y, contentWidth - 12, height);
            y += height + kGap;
        }
    }
    if (!message.text.isEmpty()) {
        const MarkdownRenderer::Style style{
            m_font, mix(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text), 0.07)};
        m_body =
            TextBody::markdown(message.text, context.detections, style, contentWidth, previousBody);
        const int height = m_body->size().height();
        m_bodyRect = QRect(left, y, contentWidth, height);
        y += height;
    }
    const bool sending = context.streaming && context.uploadTotal > 0
        && context.uploadSent < context.uploadTotal && message.text.isEmpty();
    if (sending) {
        const QLocale locale;
        //: while the question and its images are uploaded: "Sending 1.2 MB of 3.4 MB…"
        m_status = MessageLayout::tr("Sending %1 of %2…")
                       .arg(locale.formattedDataSize(context.uploadSent),
                            locale.formattedDataSize(context.uploadTotal));
        m_progress = qreal(context.uploadSent) / qreal(context.uploadTotal);
    } else if (context.streaming && message.text.isEmpty()) {
        m_status =
            message.reasoning.isEmpty() ? MessageLayout::tr("…") : MessageLayout::tr("Thinking…");
    } else if (message.state == Message::State::Interrupted) {
        m_status = MessageLayout::tr("(interrupted)");
    } else if (message.state == Message::State::CutByServer) {
        //: the server ended a non-streamed answer at its time limit; the text is incomplete
        m_status = MessageLayout::tr("(cut off by the server at its time limit)");
    }
    if (!m_status.isEmpty()) {
        m_statusRect = QRect(left, y + 2, contentWidth, small.height());
        y = m_statusRect.bottom() + 1;
    }
    if (sending) {
        m_progressRect = QRect(left, y + 3, qMin(200, contentWidth), 4);
        y = m_progressRect.bottom() + 1;
    }
    if (message.state == Message::State::Failed && !context.streaming) {
        m_errorText = context.error ? context.error->userMessage()
                                    : MessageLayout::tr("The answer could not be completed.");
        const QFontMetrics metrics(m_font);
        const int textWidth = contentWidth - 2 * kErrorPadding;
        const QRect text =
            metrics.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, m_errorText);
        int height = text.height() + 2 * kErrorPadding;
        if (context.canRegenerate) {
            const QString retry = MessageLayout::tr("Retry");
            const int buttonWidth = metrics.horizontalAdvance(retry) + 20;
            m_buttons.append({Action::Retry, retry,
                              QRect(left + contentWidth - kErrorPadding - buttonWidth,
                                    y + kGap + text.height() + kErrorPadding + 4, buttonWidth,
                                    metrics.height() + 6)});
            height += metrics.height() + 10;
        }
        m_errorRect = QRect(left, y + kGap, contentWidth, height);
        y = m_errorRect.bottom() + 1;
    }
    QList<Button> buttons;
    if (!context.streaming) {
        if (!message.text.isEmpty())
            buttons.append({Action::Copy, MessageLayout::tr("Copy"), {}});
        if (context.canRegenerate && message.state != Message::State::Failed)
            buttons.append({Action::Regenerate, MessageLayout::tr("Regenerate"), {}});
    }
    const QString info = context.streaming ? QString() : usageText(message);
    m_height = layoutFooter(info, buttons, left, y + 4, left + contentWidth) + kBottom;
}

QList<QRectF> MessageLayout::regionsOn(const Part &image, int imageNumber, const QList<Part> &parts,
                                       const QRect &thumbnail)
{
    const QSizeF original = image.transform.originalSize;
    if (original.isEmpty())
        return {};
    const qreal sx = thumbnail.width() / original.width();
    const qreal sy = thumbnail.height() / original.height();
    QList<QRectF> regions;
    for (const Part &part : parts) {
        const bool on = part.kind == Part::Kind::Region
            && (part.imageId.isEmpty() ? part.imageIndex == imageNumber : part.imageId == image.id);
        if (!on)
            continue;
        const QRectF r = part.isPoint ? QRectF(part.point, QSizeF()) : part.rect.normalized();
        regions.append(QRectF(thumbnail.left() + r.x() * sx, thumbnail.top() + r.y() * sy,
                              r.width() * sx, r.height() * sy));
    }
    return regions;
}

int MessageLayout::layoutImages(const QList<Part> &parts, int left, int top, int maxWidth)
{
    int x = left;
    int y = top;
    int rowHeight = 0;
    int imageNumber = -1;
    for (const Part &part : parts) {
        if (part.kind != Part::Kind::Image)
            continue;
        ++imageNumber;
        QSize size = part.transform.sentSize.isValid() ? part.transform.sentSize : QSize(4, 3);
        size.scale(qMin(kThumbMaxWidth, maxWidth), kThumbHeight, Qt::KeepAspectRatio);
        size = size.expandedTo(QSize(24, 24));
        if (x > left && x + size.width() > left + maxWidth) {
            x = left;
            y += rowHeight + kGap;
            rowHeight = 0;
        }
        const QRect rect(QPoint(x, y), size);
        m_images.append({rect, ThumbnailCache::keyOf(part), part.imageUrl,
                         regionsOn(part, imageNumber, parts, rect)});
        x += size.width() + kGap;
        rowHeight = qMax(rowHeight, size.height());
    }
    return m_images.isEmpty() ? 0 : y + rowHeight - top;
}

int MessageLayout::layoutFooter(const QString &info, QList<Button> buttons, int left, int top,
                                int right)
{
    const QFontMetrics small(m_small);
    int x = right;
    for (auto it = buttons.rbegin(); it != buttons.rend(); ++it) {
        const int width = small.horizontalAdvance(it->text) + 4;
        x -= width;
        it->rect = QRect(x, top, width, small.height());
        x -= 10;
        m_buttons.append(*it);
    }
    m_info = info;
    if (!info.isEmpty())
        m_infoRect = QRect(left, top, qMax(0, x - left), small.height());
    if (buttons.isEmpty() && info.isEmpty())
        return top;
    return top + small.height();
}

bool MessageLayout::startsRequest(Action action)
{
    return action == Action::Regenerate || action == Action::Retry || action == Action::Edit;
}

void MessageLayout::paint(QPainter *painter, QPoint topLeft, const PaintState &state) const
{
    painter->save();
    painter->translate(topLeft);
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor bubble = mix(base, m_palette.color(QPalette::Highlight), 0.16);
    if (m_user) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(bubble);
        painter->drawRoundedRect(m_bubble, 10, 10);
    }
    for (int i = 0; i < m_images.size(); ++i) {
        const ImageBox &box = m_images.at(i);
        const QImage image =
            state.thumbnails ? state.thumbnails->thumbnail(box.key, box.url) : QImage();
        if (image.isNull()) {
            painter->setPen(dim);
            painter->setBrush(mix(base, text, 0.08));
            painter->drawRoundedRect(box.rect.adjusted(0, 0, -1, -1), 4, 4);
        } else {
            painter->drawImage(box.rect, image);
        }
        // What the question asked about, where it is on the picture.
        const QColor mark = m_palette.color(QPalette::Highlight);
        for (const QRectF &region : box.regions) {
            QColor fill = mark;
            fill.setAlphaF(0.25);
            painter->setPen(QPen(mark, 2));
            painter->setBrush(fill);
            if (region.isEmpty())
                painter->drawEllipse(region.center(), 3.5, 3.5);
            else
                painter->drawRect(region);
        }
        if (state.hovered.action == Action::Image && state.hovered.index == i) {
            painter->setPen(QPen(m_palette.color(QPalette::Highlight), 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(box.rect.adjusted(1, 1, -1, -1));
        }
    }
    TextBody::Paint how{m_palette, dim, {}, 0, 0, {}};
    // Answers and reasoning are drawn on the view's own background, a question on its bubble.
    how.background = m_user ? bubble : base;
    if (m_reasoning) {
        painter->fillRect(
            QRect(m_reasoningRect.left() - 10, m_reasoningRect.top(), 3, m_reasoningRect.height()),
            mix(base, dim, 0.6));
        how.clip =
            state.visible.isNull() ? QRect() : state.visible.translated(-m_reasoningRect.topLeft());
        m_reasoning->paint(painter, m_reasoningRect.topLeft(), how);
    }
    if (m_body) {
        how.text = text;
        how.clip =
            state.visible.isNull() ? QRect() : state.visible.translated(-m_bodyRect.topLeft());
        how.selectionStart = state.selectionStart;
        how.selectionEnd = state.selectionEnd;
        m_body->paint(painter, m_bodyRect.topLeft(), how);
        if (state.emphasizedDetection >= 0) {
            QColor fill = m_palette.color(QPalette::Highlight);
            painter->setPen(QPen(fill, 2));
            fill.setAlphaF(0.3);
            painter->setBrush(fill);
            // Inside its line: the outline does not reach into the lines above and below.
            for (const QRectF &rect : m_body->detectionRects(state.emphasizedDetection))
                painter->drawRoundedRect(
                    rect.translated(m_bodyRect.topLeft()).adjusted(-2, 1, 2, -1), 3, 3);
        }
    }
    if (!m_status.isEmpty()) {
        QFont italic = m_small;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(m_statusRect, Qt::AlignLeft | Qt::AlignVCenter, m_status);
    }
    if (!m_progressRect.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(base, text, 0.12));
        painter->drawRoundedRect(m_progressRect, 2, 2);
        painter->setBrush(m_palette.color(QPalette::Highlight));
        QRect done = m_progressRect;
        done.setWidth(qMax(4, int(m_progressRect.width() * m_progress)));
        painter->drawRoundedRect(done, 2, 2);
    }
    if (!m_errorText.isEmpty()) {
        const QColor red(0xd0, 0x3a, 0x2f);
        painter->setPen(QPen(red, 1));
        painter->setBrush(mix(base, red, 0.12));
        painter->drawRoundedRect(QRectF(m_errorRect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        painter->setFont(m_font);
        painter->setPen(text);
        painter->drawText(
            m_errorRect.adjusted(kErrorPadding, kErrorPadding, -kErrorPadding, -kErrorPadding),
            Qt::TextWordWrap | Qt::AlignTop | Qt::AlignLeft, m_errorText);
    }
    if (!m_info.isEmpty()) {
        painter->setFont(m_small);
        painter->setPen(dim);
        painter->drawText(
            m_infoRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(m_small).elidedText(m_info, Qt::ElideMiddle, m_infoRect.width()));
    }
    paintButtons(painter, state);
    painter->restore();
}

void MessageLayout::paintButtons(QPainter *painter, const PaintState &state) const
{
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    const QColor disabled = m_palette.color(QPalette::Disabled, QPalette::ButtonText);
    for (const Button &button : m_buttons) {
        const bool off = state.busy && startsRequest(button.action);
        const bool hot = state.hovered.action == button.action && !off;
        if (button.action == Action::Retry) {
            painter->setFont(m_font);
            painter->setPen(off ? disabled : m_palette.color(QPalette::ButtonText));
            painter->setBrush(hot ? m_palette.color(QPalette::Light)
                                  : m_palette.color(QPalette::Button));
            painter->drawRoundedRect(QRectF(button.rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->drawText(button.rect, Qt::AlignCenter, button.text);
            continue;
        }
        QFont font = m_small;
        font.setUnderline(hot);
        painter->setFont(font);
        painter->setPen(off ? disabled : hot ? m_palette.color(QPalette::Link) : dim);
        painter->drawText(button.rect, Qt::AlignCenter, button.text);
    }
}

MessageLayout::Hit MessageLayout::hitAt(QPoint position) const
{
    for (const Button &button : m_buttons) {
        if (button.rect.adjusted(-3, -3, 3, 3).contains(position))
            return {button.action, -1};
    }
    for (int i = 0; i < m_images.size(); ++i) {
        if (m_images.at(i).rect.contains(position))
            return {Action::Image, i};
    }
    return {};
}

int MessageLayout::detectionAt(QPoint position) const
{
    if (!m_body || m_user || !m_bodyRect.contains(position))
        return -1;
    return m_body->detectionAt(position - m_bodyRect.topLeft());
}

int MessageLayout::bodyPositionAt(QPoint position, Qt::HitTestAccuracy accuracy) const
{
    if (!m_body || !m_bodyRect.contains(position))
        return -1;
    return m_body->positionAt(position - m_bodyRect.topLeft(), accuracy);
}

QString MessageLayout::bodyText() const
{
    return m_body ? m_body->text() : QString();
}

QList<QPair<MessageLayout::Action, QRect>> MessageLayout::buttons() const
{
    QList<QPair<Action, QRect>> list;
    for (const Button &button : m_buttons)
        list.append({button.action, button.rect});
    return list;
}

} // namespace qvd
