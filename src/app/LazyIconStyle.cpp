#include "app/LazyIconStyle.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>

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

} // namespace

LazyIconStyle::LazyIconStyle(QStyle *base) : QProxyStyle(base) { }

bool LazyIconStyle::defers(StandardPixmap standardIcon)
{
    return standardIcon == SP_ToolBarHorizontalExtensionButton
        || standardIcon == SP_ToolBarVerticalExtensionButton
        || standardIcon == SP_LineEditClearButton;
}

QIcon LazyIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                  const QWidget *widget) const
{
    if (!defers(standardIcon))
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    return QIcon(new LazyIconEngine(baseStyle(), standardIcon, option, widget));
}

} // namespace qvd
