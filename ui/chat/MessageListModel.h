#pragma once

#include "ui/chat/MessageLayout.h"

#include <QAbstractListModel>

namespace qvd {

class ChatSession;

// The messages of a ChatSession as list rows, following its signals: a streamed delta changes
// exactly one row (dataChanged for that row only), a resend or retry removes rows from the
// end, opening another conversation resets. Each row has a revision that changes whenever what
// it shows changes, so the delegate can cache a row's layout until then.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { StateRole = Qt::UserRole + 1, IsAnswerRole, RevisionRole };

    explicit MessageListModel(ChatSession *session, QObject *parent = nullptr);

    ChatSession *session() const { return m_session; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    const Message &message(int row) const;
    MessageContext context(int row) const;
    quint64 revision(int row) const { return m_rows.at(row).revision; }
    bool isBusy() const;
    bool isAnswer(int row) const;

    bool reasoningExpanded(int row) const { return m_rows.at(row).reasoningExpanded; }
    void setReasoningExpanded(int row, bool expanded);

private:
    struct Row
    {
        quint64 revision = 0;
        bool reasoningExpanded = false;
    };

    void onAdded(int index);
    void onChanged(int index);
    void onRemoved(int from);
    void onReset();
    void touch(int row);

    ChatSession *m_session;
    QList<Row> m_rows;
    quint64 m_nextRevision = 1;
};

} // namespace qvd
