#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

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

Q_SIGNALS:
    void newConversationRequested();
    void searchTextChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QPushButton *m_newButton = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace qvd
