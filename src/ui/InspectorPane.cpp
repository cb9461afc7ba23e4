#include "ui/InspectorPane.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qvd {

InspectorPane::InspectorPane(QWidget *parent)
    : QWidget(parent), m_image(new QLabel(this)), m_detections(new QTableWidget(0, 6, this))
{
    setObjectName(QStringLiteral("inspectorPane"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setWordWrap(true);
    m_image->setEnabled(false);
    m_image->setMinimumHeight(200);
    // The label takes the room; the kind and the four coordinates fit their contents.
    m_detections->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detections->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_detections->verticalHeader()->hide();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_image);
    split->addWidget(m_detections);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setMinimumWidth(260);
    retranslate();
}

void InspectorPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InspectorPane::retranslate()
{
    m_image->setText(tr("No image selected.\nBoxes and points the model names appear here."));
    m_detections->setHorizontalHeaderLabels({
        tr("Label"),
        //: Detection kind column: box, point or quad
        tr("Kind"),
        QStringLiteral("x1"),
        QStringLiteral("y1"),
        QStringLiteral("x2"),
        QStringLiteral("y2"),
    });
}

} // namespace qvd
