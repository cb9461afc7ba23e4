#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace qvd {

// A slim notice with an Undo button ("Conversation deleted · Undo"), shown where the thing
// went. It only shows and asks: how long the undo stays possible is the owner's to decide.
class UndoBar : public QFrame
{
    Q_OBJECT
public:
    explicit UndoBar(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    QToolButton *undoButton() const { return m_undo; }

    // The bar's fill: the window colour tinted with the highlight, so it stands out in light
    // and dark palettes alike while its text keeps the palette's own contrast.
    static QColor background(const QPalette &palette);

Q_SIGNALS:
    void undoRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text = nullptr;
    QToolButton *m_undo = nullptr;
};

} // namespace qvd
