#include "app/LazyIconStyle.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>

#include <algorithm>
#include <optional>

namespace qvd {
namespace {

// Asks the style for the real icon the first time the icon is drawn or measured.
class LazyIconEngine : public QIconEngine
{
public:
    LazyIconEngine(const QStyle *style, QStyle::StandardPixmap standardIcon,
                   const QStyleOption *option, const QWidget *widget)
        : m_style(style), m_standardIcon(standardIcon), m_widget(widget)
    {
        if (option)
            m_option = *option;
        else
            m_option.direction = QGuiApplication::layoutDirection();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    void addPixmap(const QPixmap &pixmap, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addPixmap(pixmap, mode, state);
    }
    void addFile(const QString &fileName, const QSize &size, QIcon::Mode mode,
                 QIcon::State state) override
    {
        icon().addFile(fileName, size, mode, state);
    }
    QString iconName() override { return icon().name(); }
    // The deferred icons are files Qt ships with every style; asking would load them.
    bool isNull() override { return m_icon ? m_icon->isNull() : false; }
    QString key() const override { return QStringLiteral("qvd.LazyIcon"); }
    QIconEngine *clone() const override { return new LazyIconEngine(*this); }

private:
    QIcon &icon()
    {
        if (!m_icon) {
            // The wrapped style goes with the wrapper when the app changes style.
            const QStyle *style = m_style ? m_style.data() : QApplication::style();
            m_icon = style->standardIcon(m_standardIcon, &m_option, m_widget.data());
        }
        return *m_icon;
    }

    QPointer<const QStyle> m_style;
    QStyle::StandardPixmap m_standardIcon;
    QStyleOption m_option; // the caller's direction (arrows point the other way in RTL)
    QPointer<const QWidget> m_widget;
    std::optional<QIcon> m_icon;
};

// A tool bar's overflow mark, "»" (or "«" right to left, pointing down for a vertical bar), in
// the proportions of Qt's own (16 × 10), drawn in the palette's button text colour at any size
// and scale.
class ChevronIconEngine : public QIconEngine
{
public:
    ChevronIconEngine(bool vertical, Qt::LayoutDirection direction)
        : m_vertical(vertical), m_direction(direction)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal scale = fit(rect.size());
        if (scale <= 0)
            return;
        const QPalette palette = QGuiApplication::palette();
        QPen pen(palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                               QPalette::ButtonText),
                 1.6);
        pen.setCapStyle(Qt::FlatCap);
        pen.setJoinStyle(Qt::MiterJoin);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(QRectF(rect).center());
        painter->scale(scale, scale);
        if (m_vertical)
            painter->rotate(90);
        else if (m_direction == Qt::RightToLeft)
            painter->scale(-1, 1);
        painter->setPen(pen);
        // Two arrowheads pointing along +x, in a 16 × 10 box around the origin.
        for (const qreal x : {-5.0, 2.0}) {
            const QPointF head[] = {{x, -4}, {x + 4, 0}, {x, 4}};
            painter->drawPolyline(head, 3);
        }
        painter->restore();
    }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        return (designSize() * fit(size)).toSize();
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        const QSize design = designSize().toSize();
        return {design / 2, design, design * 2};
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    // `size` is in device pixels (QIcon::pixmap); QIcon sets the pixmap's device pixel ratio.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal) override
    {
        const QSize pixels = actualSize(size, mode, state);
        QPixmap pixmap(pixels);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), pixels), mode, state);
        return pixmap;
    }
    QString key() const override { return QStringLiteral("qvd.ChevronIcon"); }
    QIconEngine *clone() const override { return new ChevronIconEngine(*this); }

private:
    QSizeF designSize() const { return m_vertical ? QSizeF(10, 16) : QSizeF(16, 10); }
    // How much the design is scaled to fit `room`.
    qreal fit(const QSize &room) const
    {
        const QSizeF design = designSize();
        return std::min(room.width() / design.width(), room.height() / design.height());
    }

    bool m_vertical;
    Qt::LayoutDirection m_direction;
};

} // namespace

LazyIconStyle::LazyIconStyle(QStyle *base) : QProxyStyle(base) { }

bool LazyIconStyle::defers(StandardPixmap standardIcon)
{
    return standardIcon == SP_LineEditClearButton;
}

bool LazyIconStyle::draws(StandardPixmap standardIcon)
{
    return standardIcon == SP_ToolBarHorizontalExtensionButton
        || standardIcon == SP_ToolBarVerticalExtensionButton;
}

QIcon LazyIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                  const QWidget *widget) const
{
    if (draws(standardIcon)) {
        const Qt::LayoutDirection direction =
            option ? option->direction : QGuiApplication::layoutDirection();
        return QIcon(
            new ChevronIconEngine(standardIcon == SP_ToolBarVerticalExtensionButton, direction));
    }
    if (!defers(standardIcon))
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    return QIcon(new LazyIconEngine(baseStyle(), standardIcon, option, widget));
}

} // namespace qvd
