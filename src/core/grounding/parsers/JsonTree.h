#pragma once

#include <QString>
#include <QStringView>
#include <QVariant>

#include <optional>
#include <vector>

namespace qvd::grounding {

struct JsonMember;

// A JSON value that, unlike QJsonObject, keeps its members in the order written (the label
// policy joins "name_zh / name_en" in that order), keeps duplicate keys, and knows where in the
// text it was written.
struct JsonNode
{
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    std::vector<JsonNode> elements; // Array
    std::vector<JsonMember> members; // Object, in document order, duplicates kept
    qsizetype start = 0; // offsets into the text given to parseJsonValue
    qsizetype end = 0;

    bool isObject() const { return type == Type::Object; }
    QVariant toVariant() const;
};

struct JsonMember
{
    QString key;
    JsonNode value;
};

// Parses `text` as exactly one JSON value (white space around it allowed). Lenient only where
// models are: a trailing comma before "]" or "}" is accepted (docs/grounding.md §1.3 OCR output),
// control characters inside strings are kept. Nesting deeper than 200 is refused.
std::optional<JsonNode> parseJsonValue(QStringView text);

} // namespace qvd::grounding
