#include "ui/chat/MessageListModel.h"

#include "core/conversation/ChatSession.h"

namespace qvd {

MessageListModel::MessageListModel(ChatSession *session, QObject *parent)
    : QAbstractListModel(parent), m_session(session)
{
    connect(session, &ChatSession::messageAdded, this, &MessageListModel::onAdded);
    connect(session, &ChatSession::messageChanged, this, &MessageListModel::onChanged);
    connect(session, &ChatSession::uploadChanged, this,
            [this] { onChanged(m_session->streamingIndex()); });
    connect(session, &ChatSession::messagesRemoved, this, &MessageListModel::onRemoved);
    connect(session, &ChatSession::conversationReset, this, &MessageListModel::onReset);
    onReset();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    const int row = index.row();
    if (!index.isValid() || row >= m_rows.size()
        || row >= m_session->conversation().messages.size())
        return {};
    const Message &item = message(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return item.plainText();
    case StateRole:
        return int(item.state);
    case IsAnswerRole:
        return item.role == Message::Role::Assistant;
    case RevisionRole:
        return m_rows.at(row).revision;
    default:
        return {};
    }
}

const Message &MessageListModel::message(int row) const
{
    return m_session->conversation().messages.at(row);
}

bool MessageListModel::isBusy() const
{
    return m_session->isBusy();
}

bool MessageListModel::isAnswer(int row) const
{
    return message(row).role == Message::Role::Assistant;
}

MessageContext MessageListModel::context(int row) const
{
    const Message &item = message(row);
    MessageContext context;
    const bool last = row == m_session->conversation().messages.size() - 1;
    if (item.role == Message::Role::Assistant) {
        context.detections = m_session->detections(row);
        context.error = m_session->error(row);
        context.streaming = m_session->isStreaming(row);
        if (context.streaming) {
            context.uploadSent = m_session->upload().sent;
            context.uploadTotal = m_session->upload().total;
        }
        context.canRegenerate = last; // greyed out while an answer runs
    } else {
        context.canEdit = item.role == Message::Role::User;
    }
    context.reasoningExpanded = m_rows.at(row).reasoningExpanded;
    return context;
}

void MessageListModel::setReasoningExpanded(int row, bool expanded)
{
    if (m_rows[row].reasoningExpanded == expanded)
        return;
    m_rows[row].reasoningExpanded = expanded;
    touch(row);
}

void MessageListModel::onAdded(int index)
{
    beginInsertRows({}, index, index);
    m_rows.insert(index, Row{m_nextRevision++, false});
    endInsertRows();
    // The answer before this one loses its Regenerate action.
    for (int row = qMax(0, index - 2); row < index; ++row)
        touch(row);
}

void MessageListModel::onChanged(int index)
{
    if (index >= 0 && index < m_rows.size())
        touch(index);
}

void MessageListModel::onRemoved(int from)
{
    // The session has already dropped them; nothing reads a removed row in between.
    if (from >= m_rows.size())
        return;
    beginRemoveRows({}, from, int(m_rows.size()) - 1);
    m_rows.resize(from);
    endRemoveRows();
    if (from > 0)
        touch(from - 1);
}

void MessageListModel::onReset()
{
    beginResetModel();
    m_rows.clear();
    const qsizetype count = m_session->conversation().messages.size();
    m_rows.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        m_rows.append(Row{m_nextRevision++, false});
    endResetModel();
}

void MessageListModel::touch(int row)
{
    m_rows[row].revision = m_nextRevision++;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

} // namespace qvd
