#include "core/storage/SearchText.h"

#include <QRegularExpression>

namespace qvd::storage {

namespace {

// Scripts written without spaces between words: Han, kana, Hangul and their punctuation-free
// blocks. Their runs are indexed as unigrams and bigrams.
bool isCjk(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30ff) // Hiragana, Katakana
        || (c >= 0x3400 && c <= 0x4dbf) // CJK Extension A
        || (c >= 0x4e00 && c <= 0x9fff) // CJK Unified Ideographs
        || (c >= 0xac00 && c <= 0xd7af) // Hangul syllables
        || (c >= 0xf900 && c <= 0xfaff) // CJK Compatibility Ideographs
        || (c >= 0x20000 && c <= 0x3134f); // Extensions B–G
}

QList<char32_t> codePoints(const QString &text)
{
    const QList<uint> ucs4 = text.toUcs4();
    QList<char32_t> points;
    points.reserve(ucs4.size());
    for (const uint c : ucs4)
        points.append(static_cast<char32_t>(c));
    return points;
}

QString fromCodePoints(const char32_t *points, qsizetype count)
{
    return QString::fromUcs4(points, count);
}

// An FTS5 string: double quotes doubled inside.
QString ftsQuoted(const QString &term)
{
    QString escaped = term;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString likePattern(const QString &term)
{
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

QString searchGrams(const QString &text)
{
    const QList<char32_t> points = codePoints(text);
    QStringList grams;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (!isCjk(points.at(i)))
            continue;
        grams.append(fromCodePoints(points.constData() + i, 1));
        if (i + 1 < points.size() && isCjk(points.at(i + 1)))
            grams.append(fromCodePoints(points.constData() + i, 2));
    }
    return grams.join(u' ');
}

SearchPlan planSearch(const QString &query)
{
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    SearchPlan plan;
    QStringList trigramTerms;
    QStringList gramTerms;
    for (const QString &term : query.split(whiteSpace, Qt::SkipEmptyParts)) {
        plan.terms.append(term);
        const QList<char32_t> points = codePoints(term);
        if (points.size() >= 3) {
            // Its trigrams, each a single token: detail=none has no phrases (SearchPlan).
            for (qsizetype i = 0; i + 3 <= points.size(); ++i) {
                const QString trigram = ftsQuoted(fromCodePoints(points.constData() + i, 3));
                if (!trigramTerms.contains(trigram))
                    trigramTerms.append(trigram);
            }
            plan.verifyTerms.append(term);
            continue;
        }
        bool allCjk = true;
        for (const char32_t c : points)
            allCjk = allCjk && isCjk(c);
        if (allCjk)
            gramTerms.append(ftsQuoted(term));
        else
            plan.likePatterns.append(likePattern(term));
    }
    plan.trigramMatch = trigramTerms.join(QStringLiteral(" AND "));
    plan.gramsMatch = gramTerms.join(QStringLiteral(" AND "));
    return plan;
}

bool SearchPlan::verified(const QString &body) const
{
    for (const QString &term : verifyTerms) {
        if (!body.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

Snippet makeSnippet(const QString &body, const QStringList &terms, int contextChars)
{
    qsizetype at = -1;
    qsizetype length = 0;
    for (const QString &term : terms) {
        at = body.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            length = term.size();
            break;
        }
    }
    Snippet snippet;
    const qsizetype from = at < 0 ? 0 : qMax<qsizetype>(0, at - contextChars);
    const qsizetype to = qMin(body.size(), (at < 0 ? 0 : at + length) + 2 * contextChars);
    QString text = body.mid(from, to - from);
    text.replace(u'\n', u' ');
    const QString ellipsis = QStringLiteral("…");
    snippet.text =
        (from > 0 ? ellipsis : QString()) + text + (to < body.size() ? ellipsis : QString());
    if (at >= 0) {
        snippet.matchStart = at - from + (from > 0 ? ellipsis.size() : 0);
        snippet.matchLength = length;
    }
    return snippet;
}

} // namespace qvd::storage
