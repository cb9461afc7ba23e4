// Painting the inspector's canvas: a 24-megapixel image (6000×4000) at fit zoom in a 1200×800
// view, each figure against a baseline measured in the same run (BenchReport.h):
//  - the image alone, against the naive way of scaling the whole original in every paint
//    (goal: at most half of it);
//  - 1,000 labelled boxes at a steady zoom, against the image alone (goal: at most twice it:
//    the boxes' layer is painted once and then only blended);
//  - 1,000 labelled boxes while zooming (the zoom changes before every paint, so the boxes and
//    labels are laid out and painted again each time, as in a wheel zoom), against the same
//    boxes without labels (goal: at most 3 times).
// The first paint at a zoom level builds the pyramid level it needs; it is not counted. Times
// are the process's CPU time, median of the paints.
//   build/bin/bench_InspectorPaint           (QVD_BENCH_QUICK=1: 4 MP, 200 boxes, few paints)

#include "core/grounding/MappedDetection.h"
#include "ui/inspector/ImageCanvas.h"

#include "BenchReport.h"
#include "TestMain.h"

#include <QApplication>
#include <QPainter>
#include <QRandomGenerator>

using qvd::ImageCanvas;
using qvd::MappedDetection;

namespace {

using qvd::bench::Better;

const QSize kImage = qvd::bench::pick(QSize(6000, 4000), QSize(2400, 1600));
const QSize kView(1200, 800);
const int kBoxes = qvd::bench::pick(1000, 200);
const int kPaints = qvd::bench::pick(21, 3);

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

QList<MappedDetection> boxes(int count, bool labelled = true)
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
        d.label = labelled ? labels[i % labels.size()] : QString();
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
    void imageAgainstNaiveScaling();
    void steadyBoxesAgainstImage();
    void zoomingLabelsAgainstBoxes();

private:
    // Median CPU time of a paint of the canvas with `detections`; `zooming`: a new zoom before
    // every paint.
    double paintMs(const QList<MappedDetection> &detections, bool zooming);

    QImage m_photo;
    QImage m_target{kView, QImage::Format_RGB32};
};

void BenchInspectorPaint::initTestCase()
{
    m_photo = photo();
}

double BenchInspectorPaint::paintMs(const QList<MappedDetection> &detections, bool zooming)
{
    ImageCanvas canvas;
    canvas.setFrameShape(QFrame::NoFrame);
    canvas.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    canvas.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    canvas.resize(kView);
    canvas.show();
    if (!QTest::qWaitForWindowExposed(&canvas))
        return -1;
    canvas.setImage(m_photo);
    canvas.setDetections(detections);
    canvas.zoomToFit();
    const qreal fit = canvas.zoom();
    // The pyramid levels of both zooms are built before the clock runs.
    canvas.setZoom(fit * 0.995);
    canvas.viewport()->render(&m_target);
    canvas.setZoom(fit);
    canvas.viewport()->render(&m_target);
    int step = 0;
    return qvd::bench::medianCpuMs(kPaints, [&] {
        if (zooming)
            canvas.setZoom(++step % 2 ? fit * 0.995 : fit);
        canvas.viewport()->render(&m_target);
    });
}

void BenchInspectorPaint::imageAgainstNaiveScaling()
{
    const double canvasMs = paintMs({}, false);
    // What the canvas avoids: scaling the 24-megapixel original to the view in every paint.
    const double naiveMs = qvd::bench::medianCpuMs(qvd::bench::pick(5, 1), [&] {
        QPainter painter(&m_target);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(kView)), m_photo);
    });
    QVERIFY(canvasMs > 0);
    QVD_BENCH_GOAL("paint a 24 MP image at fit (ms)", canvasMs, "ms",
                   "scale the original in every paint", naiveMs, Better::Lower, 0.5);
}

void BenchInspectorPaint::steadyBoxesAgainstImage()
{
    const double imageMs = paintMs({}, false);
    const double boxesMs = paintMs(boxes(kBoxes), false);
    QVERIFY(imageMs > 0 && boxesMs > 0);
    QVD_BENCH_GOAL("1,000 labelled boxes, steady zoom (ms)", boxesMs, "ms", "the image alone",
                   imageMs, Better::Lower, 2);
}

void BenchInspectorPaint::zoomingLabelsAgainstBoxes()
{
    const double plainMs = paintMs(boxes(kBoxes, false), true);
    const double labelledMs = paintMs(boxes(kBoxes), true);
    QVERIFY(plainMs > 0 && labelledMs > 0);
    QVD_BENCH_GOAL("1,000 labelled boxes, zooming (ms)", labelledMs, "ms",
                   "the same boxes without labels", plainMs, Better::Lower, 3);
}

QVD_TEST_WIDGETS_MAIN(BenchInspectorPaint)
#include "bench_InspectorPaint.moc"
