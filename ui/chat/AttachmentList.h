#pragma once

#include "core/imaging/ImageFetcher.h"
#include "core/imaging/ImagePreparer.h"
#include "ui/chat/Attachment.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace qvd {

// The composer's images: prepares each off the UI thread (downloading URLs first), keeps them
// in the order they were added, and refuses what cannot be sent with a message that names it.
class AttachmentList : public QObject
{
    Q_OBJECT
public:
    explicit AttachmentList(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Sizes new images for this model and budget, and prepares the current ones again.
    void setPreparer(const ImagePreparer &preparer);
    const ImagePreparer &preparer() const { return m_preparer; }

    void add(const AttachmentSource &source);
    // An image that is already prepared, e.g. from a message being edited.
    void addReady(const Part &part, const QImage &thumbnail);
    void remove(int id);
    void clear();

    const QList<Attachment> &attachments() const { return m_attachments; }
    const Attachment *find(int id) const;
    bool isPreparing() const;
    bool isEmpty() const { return m_attachments.isEmpty(); }
    // The ready images, in order, as parts of a message.
    QList<Part> parts() const;

    // A small upright picture of an encoded image (runs on any thread).
    static QImage thumbnailOf(const QByteArray &encoded, int size = Attachment::kThumbnailSize);

    // Downloads larger than this are refused before they finish.
    static constexpr qint64 kMaxDownloadBytes = ImageFetcher::kMaxBytes;

Q_SIGNALS:
    void added(int id);
    void changed(int id);
    void removed(int id);
    // An image was not added; `message` says which and why (translated).
    void refused(const QString &message);

private:
    void start(Attachment &attachment);
    void prepare(int id, int generation, const AttachmentSource &source);
    void download(int id, int generation, const QUrl &url);
    int indexOf(int id) const;

    ImageFetcher *m_fetcher;
    ImagePreparer m_preparer{ModelInfo{}};
    QList<Attachment> m_attachments;
    int m_nextId = 1;
};

} // namespace qvd
