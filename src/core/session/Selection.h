#pragma once

#include "core/imaging/ImageTransform.h"

#include <QImage>
#include <QObject>
#include <QString>

namespace qvd {

// What the window points at, by id: the answer and the image the inspector shows, and the
// detection under the mouse or chosen, wherever that happens (its text in the chat, its row in
// the table, its box on the image). One owner, so text, row and box light up together both
// ways; each view shows it and asks for changes, none keeps its own copy.
class Selection : public QObject
{
    Q_OBJECT
public:
    // An image as the inspector shows it: the upright original, how it was sent, and its place
    // among the conversation's images (img_idx; -1 for an image not sent yet).
    struct Image
    {
        QString id;
        QImage original;
        ImageTransform transform;
        int conversationIndex = -1;
        QString fileName; // what exports name it
    };

    using QObject::QObject;

    QString answerId() const { return m_answerId; }
    const Image &image() const { return m_image; }
    QString hoveredDetection() const { return m_hovered; }
    QString selectedDetection() const { return m_selected; }

    void setAnswer(const QString &messageId);
    void setImage(const Image &image);
    void clearImage() { setImage({}); }
    void setHoveredDetection(const QString &detectionId);
    void setSelectedDetection(const QString &detectionId);

Q_SIGNALS:
    void answerChanged();
    void imageChanged();
    void hoveredDetectionChanged(const QString &detectionId);
    void selectedDetectionChanged(const QString &detectionId);

private:
    QString m_answerId;
    Image m_image;
    QString m_hovered;
    QString m_selected;
};

} // namespace qvd
