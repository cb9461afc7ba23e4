#include "core/grounding/LabelPalette.h"
#include "ui/inspector/ImageCanvas.h"

#include "TestMain.h"

#include <QApplication>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QScrollBar>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QWindow>

using qvd::DetectionKind;
using qvd::ImageCanvas;
using qvd::LabelPalette;
using qvd::MappedDetection;

namespace {

// A photo-like gradient: every pixel differs from its neighbours and from the palette.
QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, 100); // blue far from the palette
    }
    return image;
}

MappedDetection box(qreal x1, qreal y1, qreal x2, qreal y2, const QString &label)
{
    MappedDetection d;
    d.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
    d.label = label;
    d.image = 0;
    return d;
}

bool near(QRgb a, QColor b, int tolerance = 6)
{
    return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance
        && std::abs(qBlue(a) - b.blue()) <= tolerance;
}

QString describe(QRgb c)
{
    return QStringLiteral("rgb(%1,%2,%3)").arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

void sendWheel(QWidget *viewport, QPointF pos, int delta)
{
    QWheelEvent wheel(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
}

// What a platform plugin does with a touchpad pinch (xcb/libinput, Wayland, macOS): a
// QNativeGestureEvent to the top-level window, in window coordinates, which Qt then routes to
// the widget under the pointer.
void sendNativeGesture(QWidget *target, const QPointingDevice *device, Qt::NativeGestureType type,
                       QPointF targetPos, qreal value = 0)
{
    QWindow *window = target->window()->windowHandle();
    const QPointF global = target->mapToGlobal(targetPos);
    const QPointF local = global - QPointF(window->mapToGlobal(QPoint(0, 0)));
    QNativeGestureEvent event(type, device, 2, local, local, global, value, QPointF());
    QCoreApplication::sendEvent(window, &event);
}

qreal distance(QPointF a, QPointF b)
{
    return QLineF(a, b).length();
}

QString point(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

} // namespace

class TestImageCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void boxEdgesAtActualSizeAreInThePaletteColour();
    void boxEdgesAtFitAreInThePaletteColour();
    void hiddenDetectionsAreNotDrawn();
    void wheelZoomsAroundTheCursor();
    void pinchZoomsAroundTheFingers();
    void touchpadPinchThroughTheWindowZoomsAroundThePointer();
    void touchscreenPinchGestureZoomsAroundTheFingers();
    void fitAndActualSize();
    void middleButtonAndSpaceDragPan();
    void hoverAndClickReportTheDetection();
    void regionDragGivesOriginalPixelsAtZoomAndPan();
    void regionClickGivesAPoint();

private:
    void showCanvas();
    // The canvas inside a window with margins and a frame, so that viewport, canvas and window
    // coordinates all differ.
    std::unique_ptr<QWidget> embeddedCanvas(ImageCanvas **canvas);
    QImage viewportImage() const { return m_canvas->viewport()->grab().toImage(); }

    std::unique_ptr<ImageCanvas> m_canvas;
    QImage m_image;
};

void TestImageCanvas::init()
{
    m_canvas = std::make_unique<ImageCanvas>();
    m_image = gradient(800, 600);
    showCanvas();
    m_canvas->setImage(m_image);
    m_canvas->setDetections({box(100, 80, 300, 250, QStringLiteral("dog")),
                             box(500, 300, 700, 500, QStringLiteral("狗"))});
}

void TestImageCanvas::cleanup()
{
    m_canvas.reset();
}

void TestImageCanvas::showCanvas()
{
    m_canvas->setFrameShape(QFrame::NoFrame);
    m_canvas->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_canvas->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_canvas->resize(400, 300);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
    QCOMPARE(m_canvas->viewport()->size(), QSize(400, 300));
}

void TestImageCanvas::boxEdgesAtActualSizeAreInThePaletteColour()
{
    m_canvas->zoomToActualSize();
    m_canvas->horizontalScrollBar()->setValue(0);
    m_canvas->verticalScrollBar()->setValue(0);
    QCOMPARE(m_canvas->imageToViewport(QPointF(100, 80)), QPointF(100, 80));
    const QImage shot = viewportImage();
    const QColor dog = LabelPalette::colour(QStringLiteral("dog"));
    // Left and right edges below the label plate, bottom edge: 2-px lines centred on the edge.
    for (int y = 150; y < 240; y += 10) {
        QVERIFY2(near(shot.pixel(100, y), dog), qPrintable(describe(shot.pixel(100, y))));
        QVERIFY(near(shot.pixel(299, y), dog));
    }
    for (int x = 120; x < 290; x += 10)
        QVERIFY(near(shot.pixel(x, 250), dog));
    // Inside and outside the box the image is untouched, pixel for pixel.
    for (const QPoint p : {QPoint(200, 200), QPoint(50, 50), QPoint(350, 280), QPoint(10, 290)})
        QCOMPARE(shot.pixel(p), m_image.pixel(p));
}

void TestImageCanvas::boxEdgesAtFitAreInThePaletteColour()
{
    m_canvas->zoomToFit();
    QCOMPARE(m_canvas->zoom(), 0.5);
    const QImage shot = viewportImage();
    const QColor dog = LabelPalette::colour(QStringLiteral("dog"));
    const QColor other = LabelPalette::colour(QStringLiteral("狗"));
    // dog: (100,80)-(300,250) → (50,40)-(150,125); 狗: (500,300)-(700,500) → (250,150)-(350,250).
    for (int y = 80; y < 120; y += 8) {
        QVERIFY(near(shot.pixel(50, y), dog));
        QVERIFY(near(shot.pixel(149, y), dog));
    }
    for (int y = 190; y < 245; y += 8)
        QVERIFY(near(shot.pixel(349, y), other));
    for (int x = 270; x < 340; x += 8)
        QVERIFY(near(shot.pixel(x, 249), other));
    // Elsewhere: the image, filtered down by two (so close to the source pixel, not equal).
    for (const QPoint p : {QPoint(100, 90), QPoint(200, 50), QPoint(300, 280), QPoint(20, 200)})
        QVERIFY2(near(shot.pixel(p), m_image.pixel(p * 2), 3), qPrintable(describe(shot.pixel(p))));
}

void TestImageCanvas::hiddenDetectionsAreNotDrawn()
{
    m_canvas->zoomToActualSize();
    m_canvas->horizontalScrollBar()->setValue(0);
    m_canvas->verticalScrollBar()->setValue(0);
    QList<MappedDetection> detections = m_canvas->detections();
    detections[0].hidden = true;
    m_canvas->setDetections(detections);
    const QImage shot = viewportImage();
    for (int y = 150; y < 240; y += 10)
        QCOMPARE(shot.pixel(100, y), m_image.pixel(100, y));
    QCOMPARE(m_canvas->detectionAt(QPointF(200, 200)), -1);
}

void TestImageCanvas::wheelZoomsAroundTheCursor()
{
    QSignalSpy zoomed(m_canvas.get(), &ImageCanvas::zoomChanged);
    for (const QPointF cursor : {QPointF(123, 87), QPointF(320, 240), QPointF(40, 260)}) {
        const QPointF under = m_canvas->viewportToImage(cursor);
        const qreal before = m_canvas->zoom();
        sendWheel(m_canvas->viewport(), cursor, 120);
        QVERIFY(m_canvas->zoom() > before * 1.2);
        QVERIFY(!m_canvas->isFitToWindow());
        const QPointF after = m_canvas->imageToViewport(under);
        QVERIFY2(QLineF(after, cursor).length() <= 1.0,
                 qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));
    }
    const QPointF cursor(200, 100);
    const QPointF under = m_canvas->viewportToImage(cursor);
    sendWheel(m_canvas->viewport(), cursor, -120);
    QVERIFY(QLineF(m_canvas->imageToViewport(under), cursor).length() <= 1.0);
    QCOMPARE(zoomed.size(), 4);
}

void TestImageCanvas::pinchZoomsAroundTheFingers()
{
    const QPointF centre(250, 120);
    const QPointF under = m_canvas->viewportToImage(centre);
    const qreal before = m_canvas->zoom();
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                              centre, centre, m_canvas->viewport()->mapToGlobal(centre), 0.5,
                              QPointF());
    QApplication::sendEvent(m_canvas->viewport(), &pinch);
    QCOMPARE(m_canvas->zoom(), before * 1.5);
    QVERIFY(QLineF(m_canvas->imageToViewport(under), centre).length() <= 1.0);
}

std::unique_ptr<QWidget> TestImageCanvas::embeddedCanvas(ImageCanvas **canvas)
{
    auto window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(window.get());
    layout->setContentsMargins(70, 45, 10, 10);
    *canvas = new ImageCanvas(window.get());
    (*canvas)->setFrameShape(QFrame::Box);
    (*canvas)->setLineWidth(3);
    layout->addWidget(*canvas);
    window->resize(500, 400);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    (*canvas)->setImage(m_image);
    (*canvas)->zoomToActualSize(); // 800x600 in a smaller view: scrolled, not centred
    (*canvas)->horizontalScrollBar()->setValue(150);
    (*canvas)->verticalScrollBar()->setValue(90);
    return window;
}

void TestImageCanvas::touchpadPinchThroughTheWindowZoomsAroundThePointer()
{
    ImageCanvas *canvas = nullptr;
    const auto window = embeddedCanvas(&canvas);
    QVERIFY(window);
    QWidget *viewport = canvas->viewport();
    QVERIFY(viewport->mapTo(window.get(), QPoint(0, 0)) != QPoint(0, 0));
    std::unique_ptr<QPointingDevice> touchpad(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchPad));
    QSignalSpy zoomed(canvas, &ImageCanvas::zoomChanged);

    const QPointF pointer(137, 96); // in the viewport
    const QPointF under = canvas->viewportToImage(pointer);
    const qreal before = canvas->zoom();
    // Fingers apart: three steps of +25 % each (value() is the change of magnification).
    sendNativeGesture(viewport, touchpad.get(), Qt::BeginNativeGesture, pointer);
    for (int i = 0; i < 3; ++i)
        sendNativeGesture(viewport, touchpad.get(), Qt::ZoomNativeGesture, pointer, 0.25);
    sendNativeGesture(viewport, touchpad.get(), Qt::EndNativeGesture, pointer);
    QCOMPARE(zoomed.size(), 3);
    QVERIFY2(qFuzzyCompare(canvas->zoom(), before * 1.25 * 1.25 * 1.25),
             qPrintable(QString::number(canvas->zoom())));
    QVERIFY(!canvas->isFitToWindow());
    QVERIFY2(distance(canvas->imageToViewport(under), pointer) <= 1.0,
             qPrintable(point(canvas->imageToViewport(under))));

    // Together again, somewhere else: smaller around the new pointer position.
    const QPointF other(260, 210);
    const QPointF underOther = canvas->viewportToImage(other);
    const qreal zoomedIn = canvas->zoom();
    sendNativeGesture(viewport, touchpad.get(), Qt::BeginNativeGesture, other);
    for (int i = 0; i < 2; ++i)
        sendNativeGesture(viewport, touchpad.get(), Qt::ZoomNativeGesture, other, -0.2);
    sendNativeGesture(viewport, touchpad.get(), Qt::EndNativeGesture, other);
    QVERIFY2(qFuzzyCompare(canvas->zoom(), zoomedIn * 0.8 * 0.8),
             qPrintable(QString::number(canvas->zoom())));
    QVERIFY2(distance(canvas->imageToViewport(underOther), other) <= 1.0,
             qPrintable(point(canvas->imageToViewport(underOther))));
}

void TestImageCanvas::touchscreenPinchGestureZoomsAroundTheFingers()
{
    ImageCanvas *canvas = nullptr;
    const auto window = embeddedCanvas(&canvas);
    QVERIFY(window);
    QWidget *viewport = canvas->viewport();
    std::unique_ptr<QPointingDevice> screen(
        QTest::createTouchDevice(QInputDevice::DeviceType::TouchScreen));
    // Two fingers 80 px apart around `start`, spreading to 200 px while their midpoint moves
    // to `end`: the image point between them must stay between them.
    const QPointF start(150, 120);
    const QPointF end(190, 150);
    constexpr int kSteps = 12;
    const auto centre = [&](int step) {
        return start + (end - start) * (qreal(step) / kSteps);
    };
    const auto spread = [&](int step) {
        return 80 + (200 - 80) * qreal(step) / kSteps;
    };
    const auto finger = [&](int step, qreal side) {
        return viewport->mapTo(window.get(),
                               (centre(step) + QPointF(side * spread(step) / 2, 0)).toPoint());
    };
    QTest::touchEvent(window.get(), screen.get()).press(0, finger(0, -1)).press(1, finger(0, 1));
    // Qt's recognizer starts the gesture at the first move of both fingers; from there on the
    // canvas follows them.
    QTest::touchEvent(window.get(), screen.get()).move(0, finger(1, -1)).move(1, finger(1, 1));
    const QPointF under = canvas->viewportToImage(centre(1));
    const qreal started = canvas->zoom();
    for (int step = 2; step <= kSteps; ++step) {
        QTest::touchEvent(window.get(), screen.get())
            .move(0, finger(step, -1))
            .move(1, finger(step, 1));
    }
    QTest::touchEvent(window.get(), screen.get())
        .release(0, finger(kSteps, -1))
        .release(1, finger(kSteps, 1));

    const qreal factor = canvas->zoom() / started;
    QVERIFY2(std::abs(factor - spread(kSteps) / spread(1)) < 0.01,
             qPrintable(QString::number(factor)));
    QVERIFY(!canvas->isFitToWindow());
    QVERIFY2(distance(canvas->imageToViewport(under), end) <= 1.5,
             qPrintable(point(canvas->imageToViewport(under)) + QStringLiteral(" not at ")
                        + point(end)));
}

void TestImageCanvas::fitAndActualSize()
{
    m_canvas->zoomToActualSize();
    QCOMPARE(m_canvas->zoom(), 1.0);
    QCOMPARE(m_canvas->horizontalScrollBar()->maximum(), 400);
    QCOMPARE(m_canvas->verticalScrollBar()->maximum(), 300);
    m_canvas->zoomToFit();
    QCOMPARE(m_canvas->zoom(), 0.5);
    QVERIFY(m_canvas->isFitToWindow());
    // Fit follows the window; a wider window centres the image.
    m_canvas->resize(800, 300);
    QTRY_COMPARE(m_canvas->zoom(), 0.5);
    QCOMPARE(m_canvas->imageToViewport(QPointF(0, 0)), QPointF(200, 0));
}

void TestImageCanvas::middleButtonAndSpaceDragPan()
{
    m_canvas->zoomToActualSize();
    QWidget *viewport = m_canvas->viewport();
    m_canvas->horizontalScrollBar()->setValue(200);
    m_canvas->verticalScrollBar()->setValue(150);
    QTest::mousePress(viewport, Qt::MiddleButton, {}, QPoint(200, 150));
    QTest::mouseMove(viewport, QPoint(150, 120));
    QTest::mouseRelease(viewport, Qt::MiddleButton, {}, QPoint(150, 120));
    QCOMPARE(m_canvas->horizontalScrollBar()->value(), 250);
    QCOMPARE(m_canvas->verticalScrollBar()->value(), 180);

    m_canvas->setFocus();
    QTest::keyPress(m_canvas.get(), Qt::Key_Space);
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(viewport, QPoint(160, 140));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(160, 140));
    QTest::keyRelease(m_canvas.get(), Qt::Key_Space);
    QCOMPARE(m_canvas->horizontalScrollBar()->value(), 190);
    QCOMPARE(m_canvas->verticalScrollBar()->value(), 140);
}

void TestImageCanvas::hoverAndClickReportTheDetection()
{
    m_canvas->zoomToFit();
    QSignalSpy hovered(m_canvas.get(), &ImageCanvas::detectionHovered);
    QSignalSpy clicked(m_canvas.get(), &ImageCanvas::detectionClicked);
    QWidget *viewport = m_canvas->viewport();
    // 狗 at fit: (250,150)-(350,250).
    QTest::mouseMove(viewport, QPoint(300, 200));
    QTRY_COMPARE(hovered.size(), 1);
    QCOMPARE(hovered.last().at(0).toInt(), 1);
    QCOMPARE(m_canvas->hovered(), 1);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, QPoint(300, 200));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.last().at(0).toInt(), 1);
    QCOMPARE(m_canvas->selected(), 1);
    QTest::mouseMove(viewport, QPoint(200, 200));
    QTRY_COMPARE(hovered.size(), 2);
    QCOMPARE(hovered.last().at(0).toInt(), -1);
}

void TestImageCanvas::regionDragGivesOriginalPixelsAtZoomAndPan()
{
    m_canvas->setTool(ImageCanvas::Tool::Region);
    m_canvas->setZoom(2);
    m_canvas->horizontalScrollBar()->setValue(300);
    m_canvas->verticalScrollBar()->setValue(200);
    QSignalSpy drawn(m_canvas.get(), &ImageCanvas::regionDrawn);
    QWidget *viewport = m_canvas->viewport();
    // Original = (viewport + scroll) / zoom: (100,50) → (200,125), (260,170) → (280,185).
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(260, 170));
    QTest::mouseMove(viewport, QPoint(180, 100));
    QTest::mouseMove(viewport, QPoint(100, 50));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(100, 50));
    QCOMPARE(drawn.size(), 1);
    const QRectF rect = drawn.first().at(0).toRectF();
    QCOMPARE(rect, QRectF(QPointF(200, 125), QPointF(280, 185)));
}

void TestImageCanvas::regionClickGivesAPoint()
{
    m_canvas->setTool(ImageCanvas::Tool::Region);
    m_canvas->zoomToFit();
    QSignalSpy picked(m_canvas.get(), &ImageCanvas::pointPicked);
    QSignalSpy drawn(m_canvas.get(), &ImageCanvas::regionDrawn);
    QTest::mouseClick(m_canvas->viewport(), Qt::LeftButton, {}, QPoint(123, 45));
    QCOMPARE(picked.size(), 1);
    QCOMPARE(drawn.size(), 0);
    QCOMPARE(picked.first().at(0).toPointF(), QPointF(246, 90));
}

QVD_TEST_WIDGETS_MAIN(TestImageCanvas)
#include "tst_ImageCanvas.moc"
