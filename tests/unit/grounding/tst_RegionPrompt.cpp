#include "core/grounding/RegionPrompt.h"

#include "core/grounding/CoordinateMapper.h"
#include "core/grounding/GroundingParser.h"

#include "TestMain.h"

using qvd::CoordinateSpace;
using qvd::ImageTransform;
using qvd::ModelFamily;
using qvd::ModelInfo;
using qvd::RegionPrompt;
using qvd::ResizeBudget;

Q_DECLARE_METATYPE(qvd::ModelInfo)
Q_DECLARE_METATYPE(qvd::ImageTransform)

namespace {

ModelInfo model(ModelFamily family, CoordinateSpace space, int factor = 28)
{
    ModelInfo info;
    info.family = family;
    info.space = space;
    info.budget = ResizeBudget{factor, 4LL * factor * factor, 1280LL * factor * factor};
    return info;
}

ImageTransform transform(QSize original, QSize sent = {})
{
    ImageTransform t;
    t.storedSize = original;
    t.originalSize = original;
    t.sentSize = sent;
    return t;
}

// A photo stored 3024 wide and 4032 high whose EXIF says "rotate 90°": upright 4032x3024,
// sent with factor `factor` and its 1280-token budget.
ImageTransform rotated(int factor)
{
    ImageTransform t;
    t.storedSize = QSize(3024, 4032);
    t.orientation = QImageIOHandler::TransformationRotate90;
    t.originalSize = QSize(4032, 3024);
    t.budget = ResizeBudget{factor, 4LL * factor * factor, 1280LL * factor * factor};
    t.sentSize = qvd::smartResize(t.originalSize, t.budget).value_or(QSize());
    return t;
}

} // namespace

class TestRegionPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void emptyWithoutImageSize();
    void roundTrip_data();
    void roundTrip();
};

// Expected strings written by hand from docs/grounding.md §4 and the corpus's own numbers.
void TestRegionPrompt::text_data()
{
    QTest::addColumn<ModelInfo>("info");
    QTest::addColumn<ImageTransform>("image");
    QTest::addColumn<QRectF>("drawn"); // empty size: a point
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");

    const ModelInfo qwenVl = model(ModelFamily::QwenVL, CoordinateSpace::Norm1000);
    const ModelInfo qwen2 = model(ModelFamily::Qwen2VL, CoordinateSpace::Norm1000);
    const ModelInfo qwen25 = model(ModelFamily::Qwen25VL, CoordinateSpace::AbsResized);
    const ModelInfo qwen3 = model(ModelFamily::Qwen3VL, CoordinateSpace::Norm1000, 32);
    const ImageTransform demo = transform(QSize(2048, 1365));
    // The corpus high-five box mapped to pixels (tst_CoordinateMapper), drawn back.
    const QRectF highFive(QPointF(1097.728, 694.785), QPointF(1204.224, 821.73));
    QTest::newRow("qwen-vl") << qwenVl << demo << highFive << QStringLiteral("击掌")
                             << QStringLiteral("<ref>击掌</ref><box>(536,509),(588,602)</box>");
    QTest::newRow("qwen-vl no label") << qwenVl << demo << highFive << QString()
                                      << QStringLiteral("<box>(536,509),(588,602)</box>");
    QTest::newRow("qwen-vl point") << qwenVl << demo << QRectF(1024, 273, 0, 0) << QString()
                                   << QStringLiteral("<box>(500,200),(500,200)</box>");
    QTest::newRow("qwen2-vl") << qwen2 << demo << highFive << QStringLiteral("击掌")
                              << QStringLiteral("<|object_ref_start|>击掌<|object_ref_end|>"
                                                "<|box_start|>(536,509),(588,602)<|box_end|>");
    QTest::newRow("qwen2-vl point") << qwen2 << demo << QRectF(1024, 273, 0, 0) << QString()
                                    << QStringLiteral("<|box_start|>(500,200)<|box_end|>");
    // 1080x2400 is sent as 1092x2408: 540 px → 540*1092/1080 = 546.
    const ImageTransform phone = transform(QSize(1080, 2400), QSize(1092, 2408));
    QTest::newRow("qwen2.5-vl") << qwen25 << phone
                                << QRectF(QPointF(540, 1200), QPointF(1080, 2400))
                                << QStringLiteral("ignored")
                                << QStringLiteral("[546, 1204, 1092, 2408]");
    QTest::newRow("qwen2.5-vl point")
        << qwen25 << phone << QRectF(540, 1200, 0, 0) << QString() << QStringLiteral("[546, 1204]");
    // Dragged from bottom-right to top-left on the upright 4032x3024 photo.
    QTest::newRow("qwen3-vl rotated, inverted drag")
        << qwen3 << rotated(32) << QRectF(QPointF(2016, 3024), QPointF(1008, 1512))
        << QStringLiteral("a \"sign\"")
        << QStringLiteral("{\"bbox_2d\": [250, 500, 500, 1000], \"label\": \"a \\\"sign\\\"\"}");
    QTest::newRow("qwen3-vl point") << qwen3 << rotated(32) << QRectF(403.2, 302.4, 0, 0)
                                    << QString() << QStringLiteral("{\"point_2d\": [100, 100]}");
    // A snapshot registered as absolute (qwen-vl-max-2025-08-13, §1.6): the space follows
    // ModelInfo. 1920x1200 at factor 32 is sent as 1440x896; 960 px → 720, 600 px → 448.
    QTest::newRow("qwen3 family, absolute snapshot")
        << model(ModelFamily::Qwen3VL, CoordinateSpace::AbsResized, 32)
        << transform(QSize(1920, 1200), QSize(1440, 896)) << QRectF(0, 0, 960, 600) << QString()
        << QStringLiteral("{\"bbox_2d\": [0, 0, 720, 448]}");
}

void TestRegionPrompt::text()
{
    QFETCH(ModelInfo, info);
    QFETCH(ImageTransform, image);
    QFETCH(QRectF, drawn);
    QFETCH(QString, label);
    QFETCH(QString, expected);
    const RegionPrompt prompt(info, image);
    const QString actual = drawn.width() == 0 && drawn.height() == 0
        ? prompt.forPoint(drawn.topLeft(), label)
        : prompt.forRect(drawn, label);
    QCOMPARE(actual, expected);
}

void TestRegionPrompt::emptyWithoutImageSize()
{
    const RegionPrompt prompt(model(ModelFamily::Qwen3VL, CoordinateSpace::Norm1000),
                              ImageTransform{});
    QVERIFY(prompt.forRect(QRectF(1, 2, 3, 4)).isEmpty());
    const RegionPrompt bare(model(ModelFamily::Qwen3VL, CoordinateSpace::Norm1000),
                            transform(QSize(1000, 500)), RegionPrompt::Style::BareList);
    QCOMPARE(bare.forRect(QRectF(100, 100, 100, 100)), QStringLiteral("[100, 200, 200, 400]"));
}

void TestRegionPrompt::roundTrip_data()
{
    QTest::addColumn<ModelInfo>("info");
    QTest::addColumn<ImageTransform>("image");
    const struct
    {
        const char *name;
        ModelInfo info;
    } models[] = {
        {"qwen-vl", model(ModelFamily::QwenVL, CoordinateSpace::Norm1000)},
        {"qwen2-vl", model(ModelFamily::Qwen2VL, CoordinateSpace::Norm1000)},
        {"qwen2.5-vl", model(ModelFamily::Qwen25VL, CoordinateSpace::AbsResized)},
        {"qwen3-vl", model(ModelFamily::Qwen3VL, CoordinateSpace::Norm1000, 32)},
        {"qvq", model(ModelFamily::QVQ, CoordinateSpace::Norm1000)},
        {"absolute snapshot", model(ModelFamily::Qwen3VL, CoordinateSpace::AbsResized, 32)},
        {"unknown", model(ModelFamily::Unknown, CoordinateSpace::Norm1000)},
    };
    const struct
    {
        const char *name;
        ImageTransform image;
    } images[] = {
        {"2048x1365", transform(QSize(2048, 1365), QSize(1232, 812))},
        {"exif 90 factor 28", rotated(28)},
        {"exif 90 factor 32", rotated(32)},
        {"small, upscaled", transform(QSize(40, 30), QSize(56, 56))},
        {"no sent size", transform(QSize(1920, 1200))},
    };
    for (const auto &m : models) {
        for (const auto &i : images) {
            QTest::addRow("%s, %s", m.name, i.name) << m.info << i.image;
        }
    }
}

// A region drawn, written as a prompt, read back by the parser and mapped to pixels lands where
// it was drawn, give or take the rounding to one model unit.
void TestRegionPrompt::roundTrip()
{
    QFETCH(ModelInfo, info);
    QFETCH(ImageTransform, image);
    const qvd::CoordinateMapper mapper(info.space, image);
    QVERIFY(mapper.isValid());
    const QSizeF size = mapper.originalSize();
    const qreal unitX = size.width() / mapper.modelSize().width();
    const qreal unitY = size.height() / mapper.modelSize().height();
    const QRectF drawn(QPointF(size.width() * 0.137, size.height() * 0.291),
                       QPointF(size.width() * 0.862, size.height() * 0.774));

    QString text = RegionPrompt(info, image).forRect(drawn, QStringLiteral("cat"));
    // Qwen2.5-VL's region syntax is a bare list: the value its answers put under "bbox_2d".
    if (info.family == ModelFamily::Qwen25VL)
        text = QStringLiteral("{\"bbox_2d\": %1}").arg(text);
    const auto found = qvd::GroundingParser().parse(text);
    QCOMPARE(found.size(), 1);
    const QRectF back = mapper.toOriginal(found[0]);
    QVERIFY2(std::abs(back.left() - drawn.left()) <= unitX
                 && std::abs(back.right() - drawn.right()) <= unitX
                 && std::abs(back.top() - drawn.top()) <= unitY
                 && std::abs(back.bottom() - drawn.bottom()) <= unitY,
             qPrintable(text));
    if (info.family != ModelFamily::Qwen25VL)
        QCOMPARE(found[0].label, QStringLiteral("cat"));
}

QVD_TEST_MAIN(TestRegionPrompt)
#include "tst_RegionPrompt.moc"
