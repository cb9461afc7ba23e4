#pragma once

#include <QString>
#include <QStringList>

namespace qvd::storage {

// How a search query becomes SQL (see HistoryStore::search).
//
// SQLite's FTS5 `trigram` tokenizer finds any substring of three or more characters in any
// script, Chinese included, but nothing shorter. Chinese words are often one or two characters
// ("狗", "海滩"), so each indexed text also gets a second column of generated tokens: every CJK
// character on its own and every two adjacent CJK characters, separated by spaces, indexed with
// the `unicode61` tokenizer. A 1–2 character CJK term is then an exact token lookup there.
// Other 1–2 character terms (e.g. "ok", "5") fall back to LIKE over the stored text.
// The indexes keep no positions (schema v6, detail=none): a longer term is looked up as all of
// its trigrams, which a text can have without the term, so each hit is then checked for the
// term itself (`verifyTerms`).
struct SearchPlan
{
    QString trigramMatch; // FTS5 query for search_fts.body (every trigram of each term), or empty
    QString gramsMatch; // FTS5 query for search_fts_grams.grams, or empty
    QStringList likePatterns; // LIKE patterns (escape '\') the body must all match
    QStringList verifyTerms; // terms a trigram hit must contain (case-insensitive)
    QStringList terms; // the query's terms, for the snippet

    bool isEmpty() const { return terms.isEmpty(); }
    // Whether `body` has every term of verifyTerms.
    bool verified(const QString &body) const;
};

// The CJK unigram and bigram tokens of `text`, space-separated; empty when it has no CJK.
QString searchGrams(const QString &text);

// Terms are separated by white space; a hit contains every term (case-insensitive substring).
SearchPlan planSearch(const QString &query);

// A piece of `body` around the first term found, and where the term is inside it.
struct Snippet
{
    QString text;
    qsizetype matchStart = -1;
    qsizetype matchLength = 0;
};
Snippet makeSnippet(const QString &body, const QStringList &terms, int contextChars = 30);

} // namespace qvd::storage
