#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStandardItemModel;

namespace qvd {

// Left pane: the saved conversations, a search field and "new conversation".
class ConversationListPane : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationListPane(QWidget *parent = nullptr);

    // Puts the keyboard in the search field, its text selected (Ctrl+F).
    void focusSearch();
    QLineEdit *searchField() const { return m_search; }

    // One line per conversation, newest first; `current` is selected.
    struct Entry
    {
        QString id;
        QString title;
        QDateTime updatedAt;
    };
    void setEntries(const QList<Entry> &entries, const QString &current = {});
    int entryCount() const;

Q_SIGNALS:
    void newConversationRequested();
    void searchTextChanged(const QString &text);
    void conversationActivated(const QString &id);
    void deleteRequested(const QString &id);
    void renameRequested(const QString &id, const QString &currentTitle);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QPushButton *m_newButton = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QStandardItemModel *m_model = nullptr;
};

} // namespace qvd
