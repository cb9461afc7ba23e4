#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace qvd {

// Right pane: the selected image with the answer's boxes drawn over it, and the detection table.
class InspectorPane : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPane(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_image = nullptr;
    QTableWidget *m_detections = nullptr;
};

} // namespace qvd
