// The style wrapper that keeps Qt's image-format plugins out of start-up (src/app/LazyIconStyle).
#include "app/LazyIconStyle.h"

#include "TestMain.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using qvd::LazyIconStyle;

namespace {

// Linux: whether any of Qt's image-format plugins is mapped into this process.
bool imageFormatPluginLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/imageformats/");
}

QImage imageOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    return icon.pixmap(QSize(16, 16), 1.0, mode).toImage();
}

// The share of the pixels of `a` and `b` whose opacity differs by more than a quarter.
double differing(const QImage &a, const QImage &b)
{
    if (a.size() != b.size() || a.isNull())
        return 1.0;
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += qAbs(qAlpha(a.pixel(x, y)) - qAlpha(b.pixel(x, y))) > 64;
    }
    return double(count) / (a.width() * a.height());
}

} // namespace

class TestLazyIconStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First: it needs a process that has not loaded an image-format plugin yet.
    void windowWithMenuToolAndClearButtonsLoadsNoImagePlugin();
    void toolBarOverflowMarkIsDrawn();
    void deferredIconsAreTheWrappedStylesIcons_data();
    void deferredIconsAreTheWrappedStylesIcons();
    void otherCallsGoToTheWrappedStyle();
};

void TestLazyIconStyle::windowWithMenuToolAndClearButtonsLoadsNoImagePlugin()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc/self/maps");
#endif
    QVERIFY(!imageFormatPluginLoaded());
    QApplication::setStyle(new LazyIconStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    {
        QMainWindow window;
        window.menuBar()->addMenu(QStringLiteral("&File"));
        // More actions than the tool bar has room for: its overflow mark is in the frame.
        QToolBar *tools = window.addToolBar(QStringLiteral("Tools"));
        for (int i = 0; i < 12; ++i)
            tools->addAction(QStringLiteral("Zoom %1").arg(i));
        auto *search = new QLineEdit(&window);
        search->setClearButtonEnabled(true);
        window.setCentralWidget(search);
        window.resize(240, 120);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.repaint();
        auto *overflow = tools->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        QVERIFY(overflow);
        QVERIFY(overflow->isVisible());
        QVERIFY(!imageFormatPluginLoaded());

        // The clear button appears with text: its icon is made then, the plain Qt way.
        search->setText(QStringLiteral("dog"));
        QTRY_VERIFY(imageFormatPluginLoaded());
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestLazyIconStyle::toolBarOverflowMarkIsDrawn()
{
    QVERIFY(LazyIconStyle::draws(QStyle::SP_ToolBarHorizontalExtensionButton));
    QVERIFY(LazyIconStyle::draws(QStyle::SP_ToolBarVerticalExtensionButton));
    QVERIFY(!LazyIconStyle::draws(QStyle::SP_LineEditClearButton));
    const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
    LazyIconStyle lazy(QStyleFactory::create(QStringLiteral("Fusion")));
    QStyleOption ltr;
    ltr.direction = Qt::LeftToRight;
    QStyleOption rtl;
    rtl.direction = Qt::RightToLeft;
    const QIcon right = lazy.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &ltr);
    const QIcon left = lazy.standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &rtl);
    const QIcon down = lazy.standardIcon(QStyle::SP_ToolBarVerticalExtensionButton, &ltr);
    QVERIFY(!right.isNull());
    // The size Qt's own mark has, so that tool bars lay it out the same.
    QCOMPARE(right.actualSize(QSize(16, 16)),
             plain->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &ltr)
                 .actualSize(QSize(16, 16)));
    QCOMPARE(right.actualSize(QSize(16, 16)), QSize(16, 10));
    QCOMPARE(down.actualSize(QSize(16, 16)), QSize(10, 16));

    // In the palette's button text colour, dimmed when disabled.
    const QImage image = right.pixmap(QSize(32, 20)).toImage();
    QCOMPARE(image.size(), QSize(32, 20));
    const QColor ink = QGuiApplication::palette().color(QPalette::Active, QPalette::ButtonText);
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() == 255) {
                ++inked;
                QCOMPARE(pixel.rgb(), ink.rgb());
            }
        }
    }
    QVERIFY2(inked >= 20, qPrintable(QString::number(inked)));
    QCOMPARE(image.pixelColor(31, 0).alpha(), 0);
    const QImage disabled = right.pixmap(QSize(32, 20), QIcon::Disabled).toImage();
    QVERIFY(disabled != image);

    // Its two arrowheads point right, left right to left, and down on a vertical bar.
    QCOMPARE(differing(left.pixmap(QSize(32, 20)).toImage(), image.mirrored(true, false)), 0.0);
    QVERIFY(differing(left.pixmap(QSize(32, 20)).toImage(), image) > 0.05);
    const QImage transposed = image.transformed(QTransform(0, 1, 1, 0, 0, 0));
    QVERIFY(differing(down.pixmap(QSize(20, 32)).toImage(), transposed) < 0.01);
    // At twice the scale: twice the pixels, the same drawing.
    const QPixmap sharp = right.pixmap(QSize(16, 10), 2.0);
    QCOMPARE(sharp.deviceIndependentSize(), QSizeF(16, 10));
    QCOMPARE(differing(sharp.toImage(), image), 0.0);
}

void TestLazyIconStyle::deferredIconsAreTheWrappedStylesIcons_data()
{
    QTest::addColumn<int>("icon");
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::newRow("line edit clear button")
        << int(QStyle::SP_LineEditClearButton) << Qt::LeftToRight;
    QTest::newRow("line edit clear button, right to left")
        << int(QStyle::SP_LineEditClearButton) << Qt::RightToLeft;
}

void TestLazyIconStyle::deferredIconsAreTheWrappedStylesIcons()
{
    QFETCH(int, icon);
    QFETCH(Qt::LayoutDirection, direction);
    const auto standardIcon = QStyle::StandardPixmap(icon);
    QVERIFY(LazyIconStyle::defers(standardIcon));
    const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
    LazyIconStyle lazy(QStyleFactory::create(QStringLiteral("Fusion")));
    QStyleOption option;
    option.direction = direction;

    const QIcon expected = plain->standardIcon(standardIcon, &option);
    const QIcon deferred = lazy.standardIcon(standardIcon, &option);
    QVERIFY(!expected.isNull());
    QVERIFY(!deferred.isNull());
    QCOMPARE(deferred.actualSize(QSize(16, 16)), expected.actualSize(QSize(16, 16)));
    QCOMPARE(deferred.availableSizes(), expected.availableSizes());
    QCOMPARE(imageOf(deferred), imageOf(expected));
    QCOMPARE(imageOf(deferred, QIcon::Disabled), imageOf(expected, QIcon::Disabled));
    QCOMPARE(deferred.pixmap(QSize(16, 16), 2.0).toImage(),
             expected.pixmap(QSize(16, 16), 2.0).toImage());
    // A copy made before first use resolves on its own.
    const QIcon copy = lazy.standardIcon(standardIcon, &option);
    QIcon detached = copy;
    detached.addPixmap(QPixmap(8, 8), QIcon::Active);
    QCOMPARE(imageOf(copy), imageOf(expected));
}

void TestLazyIconStyle::otherCallsGoToTheWrappedStyle()
{
    const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
    LazyIconStyle lazy(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(!LazyIconStyle::defers(QStyle::SP_ArrowUp));
    QCOMPARE(imageOf(lazy.standardIcon(QStyle::SP_ArrowUp)),
             imageOf(plain->standardIcon(QStyle::SP_ArrowUp)));
    QCOMPARE(lazy.pixelMetric(QStyle::PM_ToolBarExtensionExtent),
             plain->pixelMetric(QStyle::PM_ToolBarExtensionExtent));
}

QVD_TEST_WIDGETS_MAIN(TestLazyIconStyle)
#include "tst_LazyIconStyle.moc"
