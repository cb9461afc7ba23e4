#include "core/grounding/SpaceChoice.h"

#include "TestMain.h"

using qvd::CoordinateSpace;
using qvd::Detection;
using qvd::GroundingSyntax;
using qvd::ModelFamily;
using qvd::ModelInfo;
using qvd::SpaceChoice;
using qvd::SpaceReason;

Q_DECLARE_METATYPE(qvd::CoordinateSpace)
Q_DECLARE_METATYPE(qvd::SpaceReason)
Q_DECLARE_METATYPE(qvd::ModelFamily)
Q_DECLARE_METATYPE(qvd::GroundingSyntax)

namespace {

ModelInfo model(ModelFamily family, CoordinateSpace space)
{
    ModelInfo info;
    info.family = family;
    info.space = space;
    return info;
}

QList<Detection> answer(GroundingSyntax syntax, qreal largest)
{
    Detection d = Detection::box(10, 20, largest, 40);
    d.syntax = syntax;
    Detection small = Detection::box(1, 2, 3, 4);
    small.syntax = syntax;
    return {small, d};
}

} // namespace

class TestSpaceChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choice_data();
    void choice();
    void userOverrideWins();
    void emptyAnswer();
};

void TestSpaceChoice::choice_data()
{
    QTest::addColumn<ModelFamily>("family");
    QTest::addColumn<CoordinateSpace>("registered");
    QTest::addColumn<GroundingSyntax>("syntax");
    QTest::addColumn<qreal>("largest");
    QTest::addColumn<CoordinateSpace>("space");
    QTest::addColumn<SpaceReason>("reason");

    using CS = CoordinateSpace;
    using GS = GroundingSyntax;
    using R = SpaceReason;
    // §1.6: the registry entry decides for known families, whatever the syntax.
    QTest::newRow("qwen3 json") << ModelFamily::Qwen3VL << CS::Norm1000 << GS::Json << 900.0
                                << CS::Norm1000 << R::ModelFamily;
    QTest::newRow("qwen2.5 json") << ModelFamily::Qwen25VL << CS::AbsResized << GS::Json << 900.0
                                  << CS::AbsResized << R::ModelFamily;
    QTest::newRow("qwen2.5 json > 1000") << ModelFamily::Qwen25VL << CS::AbsResized << GS::Json
                                         << 2408.0 << CS::AbsResized << R::ModelFamily;
    QTest::newRow("qwen-vl tags") << ModelFamily::QwenVL << CS::Norm1000 << GS::QwenVlTags << 999.0
                                  << CS::Norm1000 << R::ModelFamily;
    // §5: any value > 1000 means the numbers are not 0..1000.
    QTest::newRow("qwen3 json > 1000") << ModelFamily::Qwen3VL << CS::Norm1000 << GS::Json << 1389.0
                                       << CS::AbsResized << R::ValuesAbove1000;
    QTest::newRow("exactly 1000 is still norm") << ModelFamily::Qwen3VL << CS::Norm1000 << GS::Json
                                                << 1000.0 << CS::Norm1000 << R::ModelFamily;
    // §5 fallback by format when the model is unknown.
    QTest::newRow("unknown tags") << ModelFamily::Unknown << CS::AbsResized << GS::QwenVlTags
                                  << 500.0 << CS::Norm1000 << R::SyntaxDefault;
    QTest::newRow("unknown tokens") << ModelFamily::Unknown << CS::AbsResized << GS::Qwen2Tokens
                                    << 500.0 << CS::Norm1000 << R::SyntaxDefault;
    QTest::newRow("unknown bare pairs") << ModelFamily::Unknown << CS::AbsResized << GS::BarePairs
                                        << 500.0 << CS::Norm1000 << R::SyntaxDefault;
    QTest::newRow("unknown xml") << ModelFamily::Unknown << CS::AbsResized << GS::XmlPoints << 500.0
                                 << CS::Norm1000 << R::SyntaxDefault;
    QTest::newRow("unknown html") << ModelFamily::Unknown << CS::Norm1000 << GS::HtmlDataBbox
                                  << 500.0 << CS::AbsResized << R::SyntaxDefault;
    QTest::newRow("unknown plain lines") << ModelFamily::Unknown << CS::Norm1000 << GS::PlainLines
                                         << 500.0 << CS::AbsResized << R::SyntaxDefault;
    QTest::newRow("unknown json") << ModelFamily::Unknown << CS::AbsResized << GS::Json << 500.0
                                  << CS::Norm1000 << R::SyntaxDefault;
    QTest::newRow("unknown json > 1000") << ModelFamily::Unknown << CS::Norm1000 << GS::Json
                                         << 1316.0 << CS::AbsResized << R::ValuesAbove1000;
    // §1.5: QVQ's bbox_2d JSON is read like Qwen2.5-VL, its tokens / bare pairs as 0..1000.
    QTest::newRow("qvq json") << ModelFamily::QVQ << CS::Norm1000 << GS::Json << 500.0
                              << CS::AbsResized << R::SyntaxDefault;
    QTest::newRow("qvq bare pairs") << ModelFamily::QVQ << CS::AbsResized << GS::BarePairs << 500.0
                                    << CS::Norm1000 << R::SyntaxDefault;
}

void TestSpaceChoice::choice()
{
    QFETCH(ModelFamily, family);
    QFETCH(CoordinateSpace, registered);
    QFETCH(GroundingSyntax, syntax);
    QFETCH(qreal, largest);
    QFETCH(CoordinateSpace, space);
    QFETCH(SpaceReason, reason);
    const SpaceChoice choice = qvd::chooseSpace(model(family, registered), answer(syntax, largest));
    QCOMPARE(choice.space, space);
    QCOMPARE(choice.reason, reason);
}

void TestSpaceChoice::userOverrideWins()
{
    const SpaceChoice choice =
        qvd::chooseSpace(model(ModelFamily::Qwen3VL, CoordinateSpace::Norm1000),
                         answer(GroundingSyntax::Json, 1500), CoordinateSpace::Absolute);
    QCOMPARE(choice.space, CoordinateSpace::Absolute);
    QCOMPARE(choice.reason, SpaceReason::UserOverride);
}

void TestSpaceChoice::emptyAnswer()
{
    const SpaceChoice choice = qvd::chooseSpace(ModelInfo{}, {});
    QCOMPARE(choice.space, CoordinateSpace::Norm1000);
    QCOMPARE(choice.reason, SpaceReason::SyntaxDefault);
}

QVD_TEST_MAIN(TestSpaceChoice)
#include "tst_SpaceChoice.moc"
