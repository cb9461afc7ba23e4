// An image prepared for one model, sent as it is to another ("Ask several models"): the other
// model's server resizes it once more with its own patch size (grounding.md §2), and its
// absolute coordinates count those pixels.
#include "core/imaging/ModelInput.h"

#include "TestMain.h"

using namespace qvd;

namespace {

// 1000×500 prepared for a Qwen3-VL-class model (patch 32): 992×512 sent.
ImageTransform preparedFor32()
{
    ImageTransform t;
    t.storedSize = t.originalSize = QSize(1000, 500);
    t.sentSize = QSize(992, 512);
    t.budget = ResizeBudget{32, 4 * 32 * 32, 1280 * 32 * 32};
    return t;
}

} // namespace

class TestModelInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePatchSizeChangesNothing()
    {
        const ImageTransform t = preparedFor32();
        QCOMPARE(inputForFactor(t, 32), t);
        QCOMPARE(inputForFactor(t, 32).modelInputSize(), QSize(992, 512));
    }

    void anotherPatchSizeSeesTheImageResizedAgain()
    {
        // 992 / 28 = 35.4 → 35 × 28 = 980; 512 / 28 = 18.3 → 18 × 28 = 504.
        const ImageTransform seen = inputForFactor(preparedFor32(), 28);
        QCOMPARE(seen.modelInputSize(), QSize(980, 504));
        QCOMPARE(seen.sizeCheck, SizeCheck::Corrected);
        QCOMPARE(seen.serverFactor, 28);
        QCOMPARE(seen.sentSize, QSize(992, 512)); // what was sent is not rewritten
    }

    void aReplyAboutTheFirstModelDoesNotSpeakForTheOther()
    {
        ImageTransform t = preparedFor32();
        t.sizeCheck = SizeCheck::Confirmed; // the Qwen3-VL reply's image tokens fit 992×512
        t.serverSize = QSize(992, 512);
        t.serverFactor = 32;
        QCOMPARE(inputForFactor(t, 32), t);
        QCOMPARE(inputForFactor(t, 28).modelInputSize(), QSize(980, 504));
    }

    void aReplyForThisModelIsKept()
    {
        // The server told (image tokens) that it used patch 28 although the image was
        // prepared for 32: that reply is about this answer, and wins.
        ImageTransform t = preparedFor32();
        t.sizeCheck = SizeCheck::Corrected;
        t.serverSize = QSize(980, 504);
        t.serverFactor = 28;
        QCOMPARE(inputForFactor(t, 32), t);
        QCOMPARE(inputForFactor(t, 28), t);
    }

    void aSizeOnTheOtherGridStaysAsSent()
    {
        ImageTransform t = preparedFor32();
        t.sentSize = QSize(896, 448); // a multiple of 28 and of 32
        const ImageTransform seen = inputForFactor(t, 28);
        QCOMPARE(seen.sizeCheck, SizeCheck::Unknown);
        QCOMPARE(seen.modelInputSize(), QSize(896, 448));
    }

    void anImageWithoutSizeIsLeftAlone()
    {
        const ImageTransform none;
        QCOMPARE(inputForFactor(none, 28), none);
    }
};

QVD_TEST_MAIN(TestModelInput)
#include "tst_ModelInput.moc"
