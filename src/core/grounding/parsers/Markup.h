#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

namespace qvd::grounding {

// Helpers for the two markup syntaxes (XML points, QwenVL HTML); tolerant, not an HTML parser.

struct MarkupElement
{
    QString name; // lower-case
    qsizetype start = 0; // of the start tag
    qsizetype contentStart = 0; // after the start tag
    qsizetype contentEnd = -1; // start of the end tag; -1 while the element is not closed
    qsizetype end = -1; // after the end tag (after the start tag for void/self-closing elements)
    QStringView attributes; // the inside of the start tag after the name

    bool isClosed() const { return end >= 0; }
};

// Every element of `text` in document order, matched in one pass with a stack: an end tag
// closes the nearest open element of its name (those opened after it stay unclosed, as in
// HTML's "<p>" without "</p>"); void elements and "<x/>" close themselves.
QList<MarkupElement> markupElements(const QString &text);

// name → value of the attributes in the inside of a start tag (`x1="3" alt='a b'`), names
// lower-cased, entities in values decoded; a later duplicate wins. What the pattern
// `([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')` finds, read in one linear pass (a
// backtracking matcher is quadratic on a long tag without its quotes).
QHash<QString, QString> tagAttributes(QStringView inside);

// The text of a markup fragment: tags removed, the common entities decoded, white space
// simplified.
QString plainText(QStringView fragment);

} // namespace qvd::grounding
