#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace qvd {

// A fixed table of an enum's names as written to disk or on a command line. The first row of a
// value gives the name written; later rows of the same value are names also read.
template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char16_t *>, N>;

template<typename Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &names, QStringView text)
{
    for (const auto &[value, name] : names) {
        if (text == QStringView(name))
            return value;
    }
    return std::nullopt;
}

} // namespace qvd
