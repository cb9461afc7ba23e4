#pragma once

#include <QString>
#include <QStringView>
#include <QVariant>

#include <optional>
#include <vector>

namespace qvd::grounding {

struct JsonMember;

// A string of a parsed JSON text, escapes decoded: a view of the text itself (no copy) unless it
// had escapes. Valid while the text given to parseJsonValue lives.
class JsonString
{
public:
    QStringView text() const { return m_hasDecoded ? QStringView(m_decoded) : m_view; }
    QString toString() const { return m_hasDecoded ? m_decoded : m_view.toString(); }

private:
    friend class JsonReader;
    QStringView m_view;
    QString m_decoded; // only for a string with escapes
    bool m_hasDecoded = false;
};

// A JSON value that, unlike QJsonObject, keeps its members in the order written (the label
// policy joins "name_zh / name_en" in that order), keeps duplicate keys, and knows where in the
// text it was written. Its strings and keys point into that text (JsonString).
struct JsonNode
{
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    JsonString string;
    std::vector<JsonNode> elements; // Array
    std::vector<JsonMember> members; // Object, in document order, duplicates kept
    qsizetype start = 0; // offsets into the text given to parseJsonValue
    qsizetype end = 0;

    bool isObject() const { return type == Type::Object; }
    QVariant toVariant() const;
};

struct JsonMember
{
    JsonString key;
    JsonNode value;
};

// Parses `text` as exactly one JSON value (white space around it allowed). Lenient only where
// models are: a trailing comma before "]" or "}" is accepted (docs/grounding.md §1.3 OCR output),
// control characters inside strings are kept. Nesting deeper than 200 is refused. The result's
// strings point into `text`: keep it alive while using them.
std::optional<JsonNode> parseJsonValue(QStringView text);

} // namespace qvd::grounding
