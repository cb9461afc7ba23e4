#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace qvd {

// Line numbers (from 1) of the elements of the arrays that are direct members of the root
// object of `json`, by member name: {"models": [ {…}, {…} ]} → {"models": [2, 3]}.
// QJsonDocument keeps no positions; a model list names the line of a bad entry with this.
// `json` must be valid JSON (checked before); bytes are counted, so any UTF-8 text works.
QHash<QString, QList<int>> arrayElementLines(const QByteArray &json);

// The line and column (from 1) of a byte offset, as QJsonParseError::offset gives it.
struct TextPosition
{
    int line = 1;
    int column = 1;
};
TextPosition positionOf(const QByteArray &text, qsizetype offset);

} // namespace qvd
