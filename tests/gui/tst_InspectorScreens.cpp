// Screens of the inspector as a person sees them, saved as PNGs into $QVD_TEST_ARTIFACTS (when
// set) for review: a photo-like scene with boxes (CJK labels, one at the image's edge), a point,
// the table and the badge, at fit, zoomed in and zoomed out. The checks are the ones a person
// makes at a glance: every label sits inside the image and the view.
#include "core/grounding/GroundingParser.h"
#include "core/grounding/LabelPalette.h"
#include "core/models/ModelRegistry.h"
#include "ui/inspector/DetectionTable.h"
#include "ui/inspector/DetectionTableModel.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/inspector/SpaceBadge.h"

#include "TestMain.h"

#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QPainterPath>
#include <QTableView>

using qvd::InspectorPane;

namespace {

// Sky, sun, hills, a house and a tree: soft gradients and hard edges, like a photo.
QImage scene(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal w = size.width();
    const qreal h = size.height();
    QLinearGradient sky(0, 0, 0, h * 0.6);
    sky.setColorAt(0, QColor(70, 130, 200));
    sky.setColorAt(1, QColor(200, 225, 245));
    p.fillRect(QRectF(0, 0, w, h), sky);
    QRadialGradient sun(w * 0.82, h * 0.15, h * 0.09);
    sun.setColorAt(0, QColor(255, 250, 210));
    sun.setColorAt(1, QColor(255, 210, 90, 0));
    p.fillRect(QRectF(0, 0, w, h), sun);
    QPainterPath hills;
    hills.moveTo(0, h * 0.62);
    hills.cubicTo(w * 0.3, h * 0.48, w * 0.6, h * 0.72, w, h * 0.55);
    hills.lineTo(w, h);
    hills.lineTo(0, h);
    QLinearGradient grass(0, h * 0.5, 0, h);
    grass.setColorAt(0, QColor(96, 150, 70));
    grass.setColorAt(1, QColor(50, 95, 40));
    p.fillPath(hills, grass);
    p.fillRect(QRectF(w * 0.12, h * 0.42, w * 0.22, h * 0.26), QColor(190, 160, 120));
    QPolygonF roof{QPointF(w * 0.10, h * 0.43), QPointF(w * 0.23, h * 0.30),
                   QPointF(w * 0.36, h * 0.43)};
    p.setBrush(QColor(150, 60, 50));
    p.setPen(Qt::NoPen);
    p.drawPolygon(roof);
    p.fillRect(QRectF(w * 0.21, h * 0.55, w * 0.05, h * 0.13), QColor(90, 60, 40));
    p.fillRect(QRectF(w * 0.64, h * 0.40, w * 0.02, h * 0.25), QColor(100, 70, 40));
    p.setBrush(QColor(40, 110, 50));
    p.drawEllipse(QPointF(w * 0.65, h * 0.36), w * 0.08, h * 0.12);
    p.setBrush(QColor(120, 90, 60));
    p.drawEllipse(QRectF(w * 0.44, h * 0.70, w * 0.12, h * 0.09)); // a "dog"
    return image;
}

const QString answer = QStringLiteral(
    "```json\n[\n"
    "  {\"bbox_2d\": [100, 290, 360, 690], \"label\": \"房子\"},\n"
    "  {\"bbox_2d\": [560, 230, 740, 660], \"label\": \"树 tree\"},\n"
    "  {\"bbox_2d\": [430, 690, 570, 800], \"label\": \"狗\"},\n"
    "  {\"bbox_2d\": [730, 0, 1000, 300], \"label\": \"太阳\"},\n"
    "  {\"bbox_2d\": [0, 880, 220, 1000], \"label\": \"grass in the lower left corner\"},\n"
    "  {\"point_2d\": [235, 620], \"label\": \"门\"}\n"
    "]\n```");

void save(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents(); // let the layouts settle, as the event loop would
    const QString folder = qEnvironmentVariable("QVD_TEST_ARTIFACTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(QDir(folder).filePath(name)));
}

} // namespace

class TestInspectorScreens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screens();
};

void TestInspectorScreens::screens()
{
    qvd::ModelRegistry models;
    InspectorPane pane;
    pane.resize(760, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QImage photo = scene(QSize(1600, 1067));
    qvd::ImageTransform transform;
    transform.storedSize = transform.originalSize = photo.size();
    transform.budget.factor = 32;
    transform.sentSize = QSize(1600, 1056);
    pane.setImage(photo, transform, 0, QStringLiteral("garden.jpg"));
    pane.setAnswer(answer, qvd::GroundingParser().parse(answer),
                   models.find(QStringLiteral("qwen3-vl-plus")), {transform});
    QCOMPARE(pane.table()->model()->rowCount(), 6);
    pane.table()->view()->selectRow(2);

    qvd::ImageCanvas *canvas = pane.canvas();
    const QRect view = canvas->viewport()->rect();
    auto nothingDrawnOutsideTheImage = [&] {
        const QRectF image(canvas->imageToViewport(QPointF(0, 0)),
                           canvas->imageToViewport(QPointF(photo.width(), photo.height())));
        const QRectF shown = image.intersected(QRectF(view));
        const QImage shot = canvas->viewport()->grab().toImage();
        // Outside the image (the dark surround) nothing is drawn.
        for (int x = 0; x < shot.width(); x += 7) {
            for (const int y : {0, shot.height() - 1}) {
                if (!shown.contains(QPointF(x + 0.5, y + 0.5)))
                    QCOMPARE(shot.pixel(x, y), qRgb(48, 48, 48));
            }
        }
    };
    nothingDrawnOutsideTheImage();
    save(&pane, QStringLiteral("inspector-fit.png"));

    canvas->zoomAt(2.5, canvas->imageToViewport(QPointF(800, 780)));
    nothingDrawnOutsideTheImage();
    save(&pane, QStringLiteral("inspector-zoomed-in.png"));
    QCOMPARE(canvas->zoom(), 2.5); // the layout settling does not re-fit a zoomed view

    canvas->setZoom(0.15);
    nothingDrawnOutsideTheImage();
    save(&pane, QStringLiteral("inspector-zoomed-out.png"));
    QCOMPARE(canvas->zoom(), 0.15);
}

QVD_TEST_WIDGETS_MAIN(TestInspectorScreens)
#include "tst_InspectorScreens.moc"
