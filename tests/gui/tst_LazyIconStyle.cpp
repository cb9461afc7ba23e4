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

} // namespace

class TestLazyIconStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First: it needs a process that has not loaded an image-format plugin yet.
    void windowWithMenuToolAndClearButtonsLoadsNoImagePlugin();
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
        window.addToolBar(QStringLiteral("Tools"))->addAction(QStringLiteral("Zoom"));
        auto *search = new QLineEdit(&window);
        search->setClearButtonEnabled(true);
        window.setCentralWidget(search);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.repaint();
        QVERIFY(!imageFormatPluginLoaded());

        // The clear button appears with text: its icon is made then, the plain Qt way.
        search->setText(QStringLiteral("dog"));
        QTRY_VERIFY(imageFormatPluginLoaded());
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestLazyIconStyle::deferredIconsAreTheWrappedStylesIcons_data()
{
    QTest::addColumn<int>("icon");
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::newRow("tool bar, horizontal")
        << int(QStyle::SP_ToolBarHorizontalExtensionButton) << Qt::LeftToRight;
    QTest::newRow("tool bar, horizontal, right to left")
        << int(QStyle::SP_ToolBarHorizontalExtensionButton) << Qt::RightToLeft;
    QTest::newRow("tool bar, vertical")
        << int(QStyle::SP_ToolBarVerticalExtensionButton) << Qt::LeftToRight;
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
