#pragma once

#include <QProxyStyle>

namespace qvd {

// Wraps the application's style so that the standard icons widgets ask for while they are
// built need no image file before the first frame. Qt's styles read them from PNG resources
// through QImageReader, which first loads every image-format plugin (and libtiff, libwebp,
// libmng…) to ask whether it reads PNG: about 15 M instructions and a dozen libraries.
//  - The overflow marks of tool bars are drawn, not read: a tool bar too narrow for its actions
//    (the inspector's, at the window's first size) shows one in the first frame.
//  - The clear buttons of line edits show only once there is text: that icon is the wrapped
//    style's own, made when first painted or measured.
// Every other call goes to the wrapped style unchanged.
class LazyIconStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // Takes ownership of `base`, as QProxyStyle does.
    explicit LazyIconStyle(QStyle *base);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

    // Whether `standardIcon` is the wrapped style's own, made on first use.
    static bool defers(StandardPixmap standardIcon);
    // Whether `standardIcon` is drawn (a tool bar's overflow mark).
    static bool draws(StandardPixmap standardIcon);
};

} // namespace qvd
