#include "core/grounding/parsers/JsonTree.h"

#include "core/grounding/parsers/Numbers.h"

#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <iterator>
#include <utility>

namespace qvd::grounding {

namespace {

constexpr int MaxDepth = 200;

} // namespace

// Reads in place, with two stacks for the elements and members of the arrays and objects still
// open: each array and object gets one allocation of its final size, and strings without
// escapes are views of the text, so a document with 50,000 boxes costs a few allocations a box.
class JsonReader
{
public:
    explicit JsonReader(QStringView text) : m_text(text), m_data(text.utf16()), m_size(text.size())
    { }

    std::optional<JsonNode> document()
    {
        JsonNode node;
        if (!value(node, 0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_size)
            return std::nullopt;
        return node;
    }

private:
    char16_t peek() const { return m_pos < m_size ? m_data[m_pos] : u'\0'; }

    void skipSpace()
    {
        while (m_pos < m_size && QChar::isSpace(m_data[m_pos]))
            ++m_pos;
    }

    bool consume(QLatin1String word)
    {
        if (m_text.mid(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    bool value(JsonNode &node, int depth)
    {
        skipSpace();
        if (depth > MaxDepth)
            return false;
        node.start = m_pos;
        const char16_t c = peek();
        bool ok = false;
        if (c == u'{')
            ok = object(node, depth);
        else if (c == u'[')
            ok = array(node, depth);
        else if (c == u'"')
            ok = stringValue(node);
        else
            ok = scalar(node);
        node.end = m_pos;
        return ok;
    }

    bool scalar(JsonNode &node)
    {
        if (consume(QLatin1String("true"))) {
            node.type = JsonNode::Type::Bool;
            node.boolean = true;
            return true;
        }
        if (consume(QLatin1String("false"))) {
            node.type = JsonNode::Type::Bool;
            return true;
        }
        if (consume(QLatin1String("null")))
            return true;
        return number(node);
    }

    bool stringValue(JsonNode &node)
    {
        node.type = JsonNode::Type::String;
        return string(node.string);
    }

    bool number(JsonNode &node)
    {
        const qsizetype begin = m_pos;
        while (m_pos < m_size) {
            const char16_t c = m_data[m_pos];
            if (!QChar::isDigit(c) && c != u'-' && c != u'+' && c != u'.' && c != u'e' && c != u'E')
                break;
            ++m_pos;
        }
        bool ok = false;
        node.number = toDouble(m_text.mid(begin, m_pos - begin), &ok);
        node.type = JsonNode::Type::Number;
        return ok && m_pos > begin && std::isfinite(node.number);
    }

    bool string(JsonString &out)
    {
        const qsizetype begin = ++m_pos; // after the opening quote
        while (m_pos < m_size && m_data[m_pos] != u'"' && m_data[m_pos] != u'\\')
            ++m_pos;
        if (m_pos >= m_size)
            return false; // unterminated
        if (m_data[m_pos] == u'"') { // no escapes: a view of the text
            out.m_view = m_text.mid(begin, m_pos - begin);
            ++m_pos;
            return true;
        }
        QString decoded = m_text.mid(begin, m_pos - begin).toString();
        while (m_pos < m_size) {
            // The run up to the next quote or backslash is copied as it is, in one go.
            qsizetype runEnd = m_pos;
            while (runEnd < m_size && m_data[runEnd] != u'"' && m_data[runEnd] != u'\\')
                ++runEnd;
            decoded.append(m_text.mid(m_pos, runEnd - m_pos));
            m_pos = runEnd;
            if (m_pos >= m_size)
                break;
            const char16_t c = m_data[m_pos++];
            if (c == u'"') {
                out.m_decoded = std::move(decoded);
                out.m_hasDecoded = true;
                return true;
            }
            if (!escape(decoded))
                return false;
        }
        return false; // unterminated
    }

    bool escape(QString &out)
    {
        if (m_pos >= m_size)
            return false;
        const char16_t c = m_data[m_pos++];
        // JSON's one-character escapes: what follows the backslash, and what it stands for.
        static constexpr std::pair<char16_t, char16_t> kSingle[] = {
            {u'"', u'"'},  {u'\\', u'\\'}, {u'/', u'/'},  {u'b', u'\b'},
            {u'f', u'\f'}, {u'n', u'\n'},  {u'r', u'\r'}, {u't', u'\t'}};
        for (const auto &[written, meant] : kSingle) {
            if (c == written) {
                out.append(QChar(meant));
                return true;
            }
        }
        if (c != u'u')
            return false;
        bool ok = false;
        const uint code = m_text.mid(m_pos, 4).toUInt(&ok, 16);
        if (!ok || m_pos + 4 > m_size)
            return false;
        m_pos += 4;
        out.append(QChar(char16_t(code))); // surrogate halves pair up on their own
        return true;
    }

    bool array(JsonNode &node, int depth)
    {
        node.type = JsonNode::Type::Array;
        ++m_pos;
        skipSpace();
        const size_t mark = m_elements.size();
        while (peek() != u']') {
            JsonNode element;
            if (!value(element, depth + 1))
                return false;
            m_elements.push_back(std::move(element));
            skipSpace();
            if (peek() == u',') {
                ++m_pos; // a trailing comma before "]" is accepted
                skipSpace();
            } else if (peek() != u']') {
                return false;
            }
        }
        ++m_pos;
        const auto first = m_elements.begin() + qsizetype(mark);
        node.elements.assign(std::make_move_iterator(first),
                             std::make_move_iterator(m_elements.end()));
        m_elements.erase(first, m_elements.end());
        return true;
    }

    bool object(JsonNode &node, int depth)
    {
        node.type = JsonNode::Type::Object;
        ++m_pos;
        skipSpace();
        const size_t mark = m_members.size();
        while (peek() != u'}') {
            JsonMember member;
            if (peek() != u'"' || !string(member.key))
                return false;
            skipSpace();
            if (peek() != u':')
                return false;
            ++m_pos;
            if (!value(member.value, depth + 1))
                return false;
            m_members.push_back(std::move(member));
            skipSpace();
            if (peek() == u',') {
                ++m_pos; // a trailing comma before "}" is accepted
                skipSpace();
            } else if (peek() != u'}') {
                return false;
            }
        }
        ++m_pos;
        const auto first = m_members.begin() + qsizetype(mark);
        node.members.assign(std::make_move_iterator(first),
                            std::make_move_iterator(m_members.end()));
        m_members.erase(first, m_members.end());
        return true;
    }

    QStringView m_text;
    const char16_t *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    std::vector<JsonNode> m_elements; // of the arrays still open, innermost last
    std::vector<JsonMember> m_members; // of the objects still open, innermost last
};

QVariant JsonNode::toVariant() const
{
    switch (type) {
    case Type::Null:
        return {};
    case Type::Bool:
        return boolean;
    case Type::Number:
        if (std::trunc(number) == number && std::abs(number) < 1e15)
            return qint64(number);
        return number;
    case Type::String:
        return string.toString();
    case Type::Array: {
        QVariantList list;
        for (const JsonNode &element : elements)
            list.append(element.toVariant());
        return list;
    }
    case Type::Object: {
        QVariantMap map;
        for (const JsonMember &member : members)
            map.insert(member.key.toString(), member.value.toVariant());
        return map;
    }
    }
    return {};
}

std::optional<JsonNode> parseJsonValue(QStringView text)
{
    return JsonReader(text).document();
}

} // namespace qvd::grounding
