#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace qvd {

class HistoryStore;

// The conversation list as the person sees it: the saved conversations, or those matching the
// search text, newest first. It owns the search text, so a list read again (an answer saved, a
// conversation renamed or imported) keeps the filter; the list pane shows entries() and asks
// for setFilter(). Until a history is given (the app opens it after its first frame) the list
// is not known, which is not the same as empty: isLoaded() tells them apart.
class ConversationIndex : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString id;
        QString title;
        QDateTime updatedAt; // invalid for search results
    };

    explicit ConversationIndex(QObject *parent = nullptr);

    // The history to list (null: there is none, e.g. it could not be opened); reads it.
    void setHistory(HistoryStore *history);
    // Whether setHistory() has said what there is to list.
    bool isLoaded() const { return m_loaded; }
    QString filter() const { return m_filter; }
    void setFilter(const QString &text);
    const QList<Entry> &entries() const { return m_entries; }
    int indexOf(const QString &id) const;

    // Reads the list again with the current filter.
    void refresh();
    // Takes `id` off the list at once (it is being deleted) and returns its neighbour: the next
    // older one, else the newer one, else "".
    QString remove(const QString &id);

Q_SIGNALS:
    void entriesChanged();
    void filterChanged(const QString &text);

private:
    HistoryStore *m_history = nullptr;
    bool m_loaded = false;
    QString m_filter;
    QList<Entry> m_entries;
};

} // namespace qvd
