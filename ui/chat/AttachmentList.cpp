#include "ui/chat/AttachmentList.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QtConcurrent>

namespace qvd {
namespace {

struct Prepared
{
    PrepareResult result;
    QImage thumbnail;
};

} // namespace

AttachmentList::AttachmentList(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_fetcher(new ImageFetcher(network, this))
{ }

void AttachmentList::setPreparer(const ImagePreparer &preparer)
{
    m_preparer = preparer;
    for (Attachment &attachment : m_attachments) {
        // Images from an edited message keep what was sent; they have no source to redo.
        if (attachment.source.kind == AttachmentSource::Kind::Bytes
            && attachment.source.bytes.isEmpty() && attachment.source.image.isNull())
            continue;
        start(attachment);
        Q_EMIT changed(attachment.id);
    }
}

void AttachmentList::add(const AttachmentSource &source)
{
    Attachment attachment;
    attachment.id = m_nextId++;
    attachment.part.id = Part::newId(); // kept through every preparation, and when sent
    attachment.source = source;
    m_attachments.append(attachment);
    Q_EMIT added(attachment.id);
    start(m_attachments.last());
}

void AttachmentList::addReady(const Part &part, const QImage &thumbnail)
{
    Attachment attachment;
    attachment.id = m_nextId++;
    attachment.state = Attachment::State::Ready;
    attachment.part = part;
    if (attachment.part.id.isEmpty())
        attachment.part.id = Part::newId();
    attachment.thumbnail = thumbnail;
    const int factor = part.transform.budget.factor;
    if (factor > 0 && part.transform.sentSize.isValid())
        attachment.estimatedTokens =
            part.transform.sentSize.width() * part.transform.sentSize.height() / (factor * factor)
            + 2;
    m_attachments.append(attachment);
    Q_EMIT added(attachment.id);
}

void AttachmentList::remove(int id)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    m_attachments.removeAt(index);
    Q_EMIT removed(id);
}

void AttachmentList::clear()
{
    while (!m_attachments.isEmpty())
        remove(m_attachments.constFirst().id);
}

const Attachment *AttachmentList::find(int id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_attachments.at(index);
}

bool AttachmentList::isPreparing() const
{
    for (const Attachment &attachment : m_attachments) {
        if (attachment.state == Attachment::State::Preparing)
            return true;
    }
    return false;
}

QList<Part> AttachmentList::parts() const
{
    QList<Part> parts;
    for (const Attachment &attachment : m_attachments) {
        if (attachment.state == Attachment::State::Ready)
            parts.append(attachment.part);
    }
    return parts;
}

QImage AttachmentList::thumbnailOf(const QByteArray &encoded, int size)
{
    QBuffer buffer;
    buffer.setData(encoded);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    return reader.read();
}

void AttachmentList::start(Attachment &attachment)
{
    attachment.state = Attachment::State::Preparing;
    ++attachment.generation;
    if (attachment.source.kind == AttachmentSource::Kind::Url)
        download(attachment.id, attachment.generation, attachment.source.url);
    else
        prepare(attachment.id, attachment.generation, attachment.source);
}

void AttachmentList::prepare(int id, int generation, const AttachmentSource &source)
{
    QFuture<PrepareResult> preparing;
    if (source.kind == AttachmentSource::Kind::File)
        preparing = m_preparer.prepareFileAsync(source.path);
    else if (source.bytes.isEmpty() && !source.image.isNull())
        preparing = QtConcurrent::run([preparer = m_preparer, source] {
            return preparer.prepareBytes(AttachmentSource::encodePng(source.image), source.name);
        });
    else
        preparing = m_preparer.prepareBytesAsync(source.bytes, source.name);
    // The thumbnail is made on the same worker thread, right after the preparation.
    QFuture<Prepared> done = preparing.then([](const PrepareResult &result) {
        Prepared prepared{result, {}};
        if (result.ok())
            prepared.thumbnail = thumbnailOf(result.image.encoded);
        return prepared;
    });
    auto *watcher = new QFutureWatcher<Prepared>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, generation] {
        watcher->deleteLater();
        const int index = indexOf(id);
        if (index < 0 || m_attachments[index].generation != generation)
            return; // removed, or prepared again since
        const Prepared prepared = watcher->result();
        if (!prepared.result.ok()) {
            remove(id);
            Q_EMIT refused(prepared.result.error.message());
            return;
        }
        const PreparedImage &image = prepared.result.image;
        Attachment &attachment = m_attachments[index];
        attachment.state = Attachment::State::Ready;
        const QString partId = attachment.part.id;
        attachment.part = Part::fromPrepared(image);
        attachment.part.id = partId;
        attachment.prepared = image;
        attachment.thumbnail = prepared.thumbnail;
        attachment.estimatedTokens = image.estimatedTokens;
        // Prepare again from memory when the model changes; the file may have moved by then.
        attachment.source = AttachmentSource::fromBytes(image.sourceBytes, attachment.source.name);
        Q_EMIT changed(id);
    });
    watcher->setFuture(done);
}

void AttachmentList::download(int id, int generation, const QUrl &url)
{
    m_fetcher->fetch(url, [this, id, generation](const ImageFetcher::Result &fetched) {
        const int index = indexOf(id);
        if (index < 0 || m_attachments[index].generation != generation)
            return;
        if (!fetched.ok()) {
            remove(id);
            Q_EMIT refused(fetched.error);
            return;
        }
        Attachment &attachment = m_attachments[index];
        attachment.source = AttachmentSource::fromBytes(fetched.bytes, attachment.source.name);
        prepare(id, generation, attachment.source);
    });
}

int AttachmentList::indexOf(int id) const
{
    for (int i = 0; i < m_attachments.size(); ++i) {
        if (m_attachments.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace qvd
