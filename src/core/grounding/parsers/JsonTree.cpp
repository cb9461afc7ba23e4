#include "core/grounding/parsers/JsonTree.h"

#include "core/grounding/parsers/Numbers.h"

#include <QVariantList>
#include <QVariantMap>

#include <cmath>
#include <utility>

namespace qvd::grounding {

namespace {

constexpr int MaxDepth = 200;

class JsonReader
{
public:
    explicit JsonReader(QStringView text) : m_text(text) { }

    std::optional<JsonNode> document()
    {
        auto node = value(0);
        skipSpace();
        if (!node || m_pos != m_text.size())
            return std::nullopt;
        return node;
    }

private:
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    bool consume(QLatin1String word)
    {
        if (m_text.mid(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    std::optional<JsonNode> value(int depth)
    {
        skipSpace();
        if (depth > MaxDepth)
            return std::nullopt;
        JsonNode node;
        node.start = m_pos;
        const QChar c = peek();
        bool ok = false;
        if (c == u'{')
            ok = object(node, depth);
        else if (c == u'[')
            ok = array(node, depth);
        else if (c == u'"')
            ok = stringValue(node);
        else
            ok = scalar(node);
        if (!ok)
            return std::nullopt;
        node.end = m_pos;
        return node;
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
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (!c.isDigit() && c != u'-' && c != u'+' && c != u'.' && c != u'e' && c != u'E')
                break;
            ++m_pos;
        }
        bool ok = false;
        node.number = toDouble(m_text.mid(begin, m_pos - begin), &ok);
        node.type = JsonNode::Type::Number;
        return ok && m_pos > begin && std::isfinite(node.number);
    }

    bool string(QString &out)
    {
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            // The run up to the next quote or backslash is copied as it is, in one go.
            qsizetype runEnd = m_pos;
            while (runEnd < m_text.size() && m_text.at(runEnd) != u'"'
                   && m_text.at(runEnd) != u'\\')
                ++runEnd;
            out.append(m_text.mid(m_pos, runEnd - m_pos));
            m_pos = runEnd;
            if (m_pos >= m_text.size())
                break;
            const QChar c = m_text.at(m_pos++);
            if (c == u'"')
                return true;
            if (!escape(out))
                return false;
        }
        return false; // unterminated
    }

    bool escape(QString &out)
    {
        if (m_pos >= m_text.size())
            return false;
        const QChar c = m_text.at(m_pos++);
        // JSON's one-character escapes: what follows the backslash, and what it stands for.
        static constexpr std::pair<char16_t, char16_t> kSingle[] = {
            {u'"', u'"'},  {u'\\', u'\\'}, {u'/', u'/'},  {u'b', u'\b'},
            {u'f', u'\f'}, {u'n', u'\n'},  {u'r', u'\r'}, {u't', u'\t'}};
        for (const auto &[written, meant] : kSingle) {
            if (c.unicode() == written) {
                out.append(QChar(meant));
                return true;
            }
        }
        if (c != u'u')
            return false;
        bool ok = false;
        const uint code = m_text.mid(m_pos, 4).toUInt(&ok, 16);
        if (!ok || m_pos + 4 > m_text.size())
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
        while (peek() != u']') {
            auto element = value(depth + 1);
            if (!element)
                return false;
            node.elements.push_back(std::move(*element));
            skipSpace();
            if (peek() == u',') {
                ++m_pos; // a trailing comma before "]" is accepted
                skipSpace();
            } else if (peek() != u']') {
                return false;
            }
        }
        ++m_pos;
        return true;
    }

    bool object(JsonNode &node, int depth)
    {
        node.type = JsonNode::Type::Object;
        ++m_pos;
        skipSpace();
        while (peek() != u'}') {
            JsonMember member;
            if (peek() != u'"' || !string(member.key))
                return false;
            skipSpace();
            if (peek() != u':')
                return false;
            ++m_pos;
            auto v = value(depth + 1);
            if (!v)
                return false;
            member.value = std::move(*v);
            node.members.push_back(std::move(member));
            skipSpace();
            if (peek() == u',') {
                ++m_pos; // a trailing comma before "}" is accepted
                skipSpace();
            } else if (peek() != u'}') {
                return false;
            }
        }
        ++m_pos;
        return true;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

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
        return string;
    case Type::Array: {
        QVariantList list;
        for (const JsonNode &element : elements)
            list.append(element.toVariant());
        return list;
    }
    case Type::Object: {
        QVariantMap map;
        for (const JsonMember &member : members)
            map.insert(member.key, member.value.toVariant());
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
