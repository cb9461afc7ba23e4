#pragma once

#include <QLabel>

namespace qvd {

class DeskSession;

// The status bar's summary of where requests go: "DashScope (China, Beijing) · qwen3-vl-plus ·
// key in Secret Service" (or "no key", "key for this session only", ...), as the session's
// endpoint and model say; it keeps no copy of either.
class ProfileStatus : public QLabel
{
    Q_OBJECT
public:
    explicit ProfileStatus(DeskSession &session, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void makeSelectable();
    void showText();
    QString keyText() const;

    DeskSession &m_session;
};

} // namespace qvd
