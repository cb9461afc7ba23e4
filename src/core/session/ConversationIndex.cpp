#include "core/session/ConversationIndex.h"

#include "core/storage/HistoryStore.h"

#include <QSet>

namespace qvd {

ConversationIndex::ConversationIndex(QObject *parent) : QObject(parent) { }

void ConversationIndex::setHistory(HistoryStore *history)
{
    m_history = history;
    m_loaded = true;
    refresh();
}

void ConversationIndex::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    Q_EMIT filterChanged(text);
    refresh();
}

int ConversationIndex::indexOf(const QString &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id == id)
            return i;
    }
    return -1;
}

void ConversationIndex::refresh()
{
    m_entries.clear();
    if (m_history) {
        const QString terms = m_filter.trimmed();
        if (terms.isEmpty()) {
            for (const ConversationSummary &summary : m_history->conversations())
                m_entries.append({summary.id, summary.title, summary.updatedAt});
        } else {
            QSet<QString> seen;
            for (const SearchHit &hit : m_history->search(terms)) {
                if (!seen.contains(hit.conversationId)) {
                    seen.insert(hit.conversationId);
                    m_entries.append({hit.conversationId, hit.conversationTitle, {}});
                }
            }
        }
    }
    Q_EMIT entriesChanged();
}

QString ConversationIndex::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return {};
    m_entries.removeAt(row);
    const QString neighbour = row < m_entries.size() ? m_entries[row].id
        : row > 0                                    ? m_entries[row - 1].id
                                                     : QString();
    Q_EMIT entriesChanged();
    return neighbour;
}

} // namespace qvd
