#pragma once

#include <QProxyStyle>

namespace qvd {

// Wraps the application's style so that the standard icons widgets ask for while they are
// built, and show only later if ever (the overflow arrows of menu and tool bars, the clear
// buttons of line edits), are made when first painted. Qt's styles read them from PNG
// resources through QImageReader, which first loads every image-format plugin (and libtiff,
// libwebp, libmng…) to ask whether it reads PNG: about 4 ms before the first frame.
// Every other call goes to the wrapped style unchanged.
class LazyIconStyle : public QProxyStyle
{
    Q_OBJECT
public:
    // Takes ownership of `base`, as QProxyStyle does.
    explicit LazyIconStyle(QStyle *base);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

    // Whether `standardIcon` is one of those made on first use.
    static bool defers(StandardPixmap standardIcon);
};

} // namespace qvd
