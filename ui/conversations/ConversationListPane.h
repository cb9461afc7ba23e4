#pragma once

#include <QDateTime>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStandardItem;
class QStandardItemModel;

namespace qvd {

class DeskSession;
class UndoBar;

// Left pane: the saved conversations, a search field and "new conversation". Delete (key or
// context menu) asks for the deletion; while it can be undone a bar under the list offers
// Undo, and Ctrl+Z does the same (unless a text field takes it for its own text).
class ConversationListPane : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationListPane(QWidget *parent = nullptr);

    // Shows the session's conversation list (ConversationIndex, which owns the search text) and
    // asks the session to open, rename, delete and undo.
    void setSession(DeskSession *session);

    // Puts the keyboard in the search field, its text selected (Ctrl+F).
    void focusSearch();
    QLineEdit *searchField() const { return m_search; }

    // One line per conversation, newest first; `current` is selected.
    struct Entry
    {
        QString id;
        QString title;
        QDateTime updatedAt;

        bool operator==(const Entry &other) const
        {
            return id == other.id && title == other.title && updatedAt == other.updatedAt;
        }
    };
    // The same entries again (another conversation opened) only move the current row: the
    // list keeps its rows and where it is scrolled to.
    void setEntries(const QList<Entry> &entries, const QString &current = {});
    // The history is not read yet: neither the list nor the hint that there is none.
    void showUnknown();
    int entryCount() const;
    QStringList entryIds() const;
    // The conversation the list's cursor is on (not necessarily the open one).
    QString currentId() const;

    // "Conversation deleted" with an Undo button under the list, and Ctrl+Z, until hidden.
    void showUndo();
    void hideUndo();
    bool isUndoShown() const;
    UndoBar *undoBar() const { return m_undoBar; }

Q_SIGNALS:
    void newConversationRequested();
    void searchTextChanged(const QString &text);
    void conversationActivated(const QString &id);
    void deleteRequested(const QString &id);
    void renameRequested(const QString &id, const QString &currentTitle);
    void undoDeleteRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showTexts(QStandardItem *item, const Entry &entry) const;
    void retranslate();

    QPushButton *m_newButton = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_unknown = nullptr; // in the list's place while the history is not read
    QStandardItemModel *m_model = nullptr;
    QList<Entry> m_shown; // what m_model holds, row by row
    UndoBar *m_undoBar = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
};

} // namespace qvd
