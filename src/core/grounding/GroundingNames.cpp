#include "core/grounding/GroundingNames.h"

#include "core/NameTable.h"

namespace qvd {
namespace {

constexpr NameTable<CoordinateSpace, 5> kSpaces{{
    {CoordinateSpace::Norm1000, u"norm1000"},
    {CoordinateSpace::AbsResized, u"abs-resized"},
    {CoordinateSpace::Absolute, u"absolute"},
    // Short forms, read only (the first name of a value is the one written).
    {CoordinateSpace::AbsResized, u"resized"},
    {CoordinateSpace::Absolute, u"abs"},
}};
constexpr NameTable<DetectionKind, 3> kKinds{{
    {DetectionKind::Box, u"box"},
    {DetectionKind::Point, u"point"},
    {DetectionKind::Quad, u"quad"},
}};
constexpr NameTable<GroundingSyntax, 8> kSyntaxes{{
    {GroundingSyntax::QwenVlTags, u"qwenvl-tags"},
    {GroundingSyntax::Qwen2Tokens, u"qwen2-tokens"},
    {GroundingSyntax::XmlPoints, u"xml-points"},
    {GroundingSyntax::HtmlDataBbox, u"html-data-bbox"},
    {GroundingSyntax::Json, u"json"},
    {GroundingSyntax::BarePairs, u"bare-pairs"},
    {GroundingSyntax::PlainLines, u"plain-lines"},
    {GroundingSyntax::BareArrays, u"bare-arrays"},
}};
constexpr NameTable<SpaceReason, 4> kReasons{{
    {SpaceReason::ModelFamily, u"model-family"},
    {SpaceReason::SyntaxDefault, u"syntax-default"},
    {SpaceReason::ValuesAbove1000, u"values-above-1000"},
    {SpaceReason::UserOverride, u"user-override"},
}};

} // namespace

QString spaceName(CoordinateSpace space)
{
    return nameOf(kSpaces, space);
}
std::optional<CoordinateSpace> spaceFromName(QStringView name)
{
    return valueOf(kSpaces, name);
}
QString detectionKindName(DetectionKind kind)
{
    return nameOf(kKinds, kind);
}
std::optional<DetectionKind> detectionKindFromName(QStringView name)
{
    return valueOf(kKinds, name);
}
QString syntaxName(GroundingSyntax syntax)
{
    return nameOf(kSyntaxes, syntax);
}
std::optional<GroundingSyntax> syntaxFromName(QStringView name)
{
    return valueOf(kSyntaxes, name);
}
QString spaceReasonName(SpaceReason reason)
{
    return nameOf(kReasons, reason);
}
std::optional<SpaceReason> spaceReasonFromName(QStringView name)
{
    return valueOf(kReasons, name);
}

} // namespace qvd
