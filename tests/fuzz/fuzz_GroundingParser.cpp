// libFuzzer target: any bytes as a model answer, through the parser in both modes, the
// mapper in every space and the shared JSON output. Besides crashes and sanitizer reports it
// checks one property cheap enough for every input: mapped coordinates are finite and inside
// the image. Built only with -DQVD_FUZZ=ON by clang; run with tests/fuzz/run-fuzz.sh.
#include "core/grounding/CoordinateMapper.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/GroundingParser.h"
#include "core/grounding/MappedDetection.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace qvd;

bool insideImage(const QRectF &r, const QSizeF &size)
{
    for (const qreal v : {r.left(), r.top(), r.right(), r.bottom()}) {
        if (!std::isfinite(v))
            return false;
    }
    return r.left() >= 0 && r.top() >= 0 && r.right() <= size.width()
        && r.bottom() <= size.height();
}

void mapEverywhere(const QList<Detection> &detections)
{
    ImageTransform transform;
    transform.storedSize = transform.originalSize = QSize(641, 479);
    transform.sentSize = QSize(644, 476);
    for (const CoordinateSpace space :
         {CoordinateSpace::Norm1000, CoordinateSpace::AbsResized, CoordinateSpace::Absolute}) {
        const CoordinateMapper mapper(space, transform);
        const QList<MappedDetection> mapped = mapDetections(detections, mapper, 0);
        for (const MappedDetection &d : mapped) {
            if (!insideImage(d.rect, mapper.originalSize()))
                std::abort(); // a mapped detection outside the image or not a number
        }
        detectionsToJson(mapped);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString answer = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<Detection> complete = GroundingParser(ParseMode::Complete).parse(answer);
    GroundingParser(ParseMode::Streaming).parse(answer);
    mapEverywhere(complete);
    return 0;
}
