#pragma once

// Hostile model answers of about 10 MB, shared by tst_GroundingAdversarial (must parse) and
// bench_Grounding (must parse in under a second): each aims at one way a lenient parser can go
// quadratic or recurse without bound.

#include <QList>
#include <QString>

#include <algorithm>

namespace qvd::test {

inline QString repeated(const char *unit, qsizetype targetBytes)
{
    const QString piece = QString::fromUtf8(unit);
    return piece.repeated(std::max<qsizetype>(1, targetBytes / piece.size()));
}

inline QList<const char *> adversarialNames()
{
    return {"deep_brackets", "deep_brackets_closed", "unclosed_fences", "million_pairs",
            "unclosed_tags", "stray_keys",           "html_without_end"};
}

// The input called adversarialNames().at(index), of about `bytes` characters.
inline QString adversarialInput(int index, qsizetype bytes = 10'000'000)
{
    switch (index) {
    case 0:
        return repeated("[", bytes / 2) + repeated("{", bytes / 2);
    case 1:
        return repeated("[{\"a\":", bytes / 2) + repeated("1}]", bytes / 2);
    case 2:
        return repeated("```json\n[{\"bbox_2d\": [10, 20, 30, 40], \"label\": \"a\"\n", bytes);
    case 3: // a million (1,2),(3,4)
        return repeated("(1,2),(3,4)", 11 * (bytes / 10));
    case 4:
        return repeated("<ref>a<box>(1,2),(3,4)", bytes);
    case 5:
        return repeated("\"bbox_2d\": [1, 2, \"label\": \"", bytes);
    case 6:
        return repeated("<div data-bbox=\"1 2 3 4\"><span>", bytes);
    }
    return {};
}

} // namespace qvd::test
