// Painting the inspector's canvas: a 24-megapixel image (6000×4000) at fit zoom in a 1200×800
// view, with 1,000 labelled boxes, against the image alone and against the naive way (scaling
// the whole original in every paint). The first paint at a zoom level builds the pyramid level
// it needs (printed apart); "zooming" rows change the zoom before every paint, so the boxes'
// layer is painted again each time. Run: build/bin/bench_InspectorPaint -median 5

#include "core/grounding/MappedDetection.h"
#include "ui/inspector/ImageCanvas.h"

#include "TestMain.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QRandomGenerator>

using qvd::ImageCanvas;
using qvd::MappedDetection;

namespace {

const QSize kImage(6000, 4000);
const QSize kView(1200, 800);

QImage photo()
{
    QImage image(kImage, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, kImage.width(), kImage.height());
    g.setColorAt(0, QColor(40, 90, 160));
    g.setColorAt(1, QColor(220, 200, 120));
    p.fillRect(image.rect(), g);
    return image;
}

QList<MappedDetection> boxes(int count)
{
    QRandomGenerator random(42);
    const QStringList labels{QStringLiteral("狗"), QStringLiteral("cat"), QStringLiteral("行人"),
                             QStringLiteral("car"), QStringLiteral("交通灯")};
    QList<MappedDetection> list;
    for (int i = 0; i < count; ++i) {
        MappedDetection d;
        const qreal x = random.bounded(kImage.width() - 300);
        const qreal y = random.bounded(kImage.height() - 300);
        d.rect = QRectF(x, y, 20 + random.bounded(280), 20 + random.bounded(280));
        d.label = labels[i % labels.size()];
        d.image = 0;
        list.append(d);
    }
    return list;
}

} // namespace

class BenchInspectorPaint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paint_data();
    void paint();
    void naiveScaledPaint();

private:
    QImage m_photo;
    QImage m_target{kView, QImage::Format_RGB32};
};

void BenchInspectorPaint::initTestCase()
{
    m_photo = photo();
}

void BenchInspectorPaint::paint_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("zooming");
    QTest::newRow("image only") << 0 << false;
    QTest::newRow("1000 boxes") << 1000 << false;
    // Every paint at a new zoom: the boxes are laid out and painted again, as in a wheel zoom.
    QTest::newRow("image only, zooming") << 0 << true;
    QTest::newRow("1000 boxes, zooming") << 1000 << true;
}

void BenchInspectorPaint::paint()
{
    QFETCH(int, count);
    QFETCH(bool, zooming);
    ImageCanvas canvas;
    canvas.setFrameShape(QFrame::NoFrame);
    canvas.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    canvas.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    canvas.resize(kView);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setImage(m_photo);
    canvas.setDetections(boxes(count));
    canvas.zoomToFit();
    QCOMPARE(canvas.zoom(), 0.2);
    QElapsedTimer first;
    first.start();
    canvas.viewport()->render(&m_target);
    qInfo("first paint at this zoom (builds the pyramid level): %lld ms", first.elapsed());
    int step = 0;
    QBENCHMARK
    {
        if (zooming)
            canvas.setZoom(++step % 2 ? 0.199 : 0.2);
        canvas.viewport()->render(&m_target);
    }
}

// What the canvas avoids: scaling the 24-megapixel original to the view in every paint.
void BenchInspectorPaint::naiveScaledPaint()
{
    QBENCHMARK
    {
        QPainter painter(&m_target);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(0, 0, 1200, 800), m_photo);
    }
}

QVD_TEST_WIDGETS_MAIN(BenchInspectorPaint)
#include "bench_InspectorPaint.moc"
