#include "core/grounding/SpaceChoice.h"

namespace qvd {

namespace {

bool anyValueAbove1000(const QList<Detection> &detections)
{
    for (const Detection &d : detections) {
        const QRectF &r = d.rect;
        if (std::max({r.left(), r.top(), r.right(), r.bottom()}) > 1000)
            return true;
    }
    return false;
}

} // namespace

CoordinateSpace defaultSpaceForSyntax(GroundingSyntax syntax, ModelFamily family)
{
    switch (syntax) {
    case GroundingSyntax::QwenVlTags:
    case GroundingSyntax::Qwen2Tokens:
    case GroundingSyntax::BarePairs:
    case GroundingSyntax::XmlPoints:
        return CoordinateSpace::Norm1000;
    case GroundingSyntax::HtmlDataBbox:
    case GroundingSyntax::PlainLines:
        return CoordinateSpace::AbsResized;
    case GroundingSyntax::Json:
    case GroundingSyntax::BareArrays: // as JSON: the family's space (docs/grounding.md §1.6)
        return family == ModelFamily::QVQ ? CoordinateSpace::AbsResized : CoordinateSpace::Norm1000;
    }
    return CoordinateSpace::Norm1000;
}

SpaceChoice chooseSpace(const ModelInfo &model, const QList<Detection> &detections,
                        std::optional<CoordinateSpace> userOverride)
{
    if (userOverride)
        return {*userOverride, SpaceReason::UserOverride};
    SpaceChoice choice{model.space, SpaceReason::ModelFamily};
    if (model.family == ModelFamily::Unknown || model.family == ModelFamily::QVQ) {
        const GroundingSyntax syntax =
            detections.isEmpty() ? GroundingSyntax::Json : detections.first().syntax;
        choice = {defaultSpaceForSyntax(syntax, model.family), SpaceReason::SyntaxDefault};
    }
    if (choice.space == CoordinateSpace::Norm1000 && anyValueAbove1000(detections))
        choice = {CoordinateSpace::AbsResized, SpaceReason::ValuesAbove1000};
    return choice;
}

} // namespace qvd
