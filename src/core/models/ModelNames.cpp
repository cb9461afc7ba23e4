#include "core/models/ModelNames.h"

#include "core/NameTable.h"

namespace qvd {
namespace {

constexpr NameTable<ModelFamily, 7> kFamilies{{
    {ModelFamily::Unknown, u"unknown"},
    {ModelFamily::QwenVL, u"qwen-vl"},
    {ModelFamily::Qwen2VL, u"qwen2-vl"},
    {ModelFamily::Qwen25VL, u"qwen2.5-vl"},
    {ModelFamily::Qwen3VL, u"qwen3-vl"},
    {ModelFamily::Qwen35, u"qwen3.5"},
    {ModelFamily::QVQ, u"qvq"},
}};
constexpr NameTable<Thinking, 4> kThinking{{
    {Thinking::NotApplicable, u"n/a"},
    {Thinking::Off, u"off"},
    {Thinking::On, u"on"},
    {Thinking::Always, u"always"},
}};
constexpr NameTable<ModelSource, 3> kSources{{
    {ModelSource::BuiltIn, u"built-in"},
    {ModelSource::User, u"user"},
    {ModelSource::Server, u"server"},
}};

} // namespace

QString familyName(ModelFamily family)
{
    return nameOf(kFamilies, family);
}
std::optional<ModelFamily> familyFromName(QStringView name)
{
    return valueOf(kFamilies, name);
}
QList<ModelFamily> knownFamilies()
{
    QList<ModelFamily> families;
    for (const auto &[family, name] : kFamilies) {
        if (family != ModelFamily::Unknown)
            families.append(family);
    }
    return families;
}
QString thinkingName(Thinking thinking)
{
    return nameOf(kThinking, thinking);
}
std::optional<Thinking> thinkingFromName(QStringView name)
{
    return valueOf(kThinking, name);
}
QString modelSourceName(ModelSource source)
{
    return nameOf(kSources, source);
}

} // namespace qvd
