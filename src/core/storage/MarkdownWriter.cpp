#include "core/storage/MarkdownWriter.h"

#include "core/storage/ImageStore.h"
#include "core/storage/StorageCodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace qvd {

namespace {

QString extensionFor(const QString &format)
{
    if (format == u"jpeg")
        return QStringLiteral("jpg");
    return format.isEmpty() ? QStringLiteral("img") : format;
}

QString number(qreal value)
{
    return QString::number(value, 'g', 10);
}

QString detectionRow(int index, const Detection &d)
{
    QString where;
    if (d.kind == DetectionKind::Quad) {
        QStringList corners;
        for (const QPointF &p : d.quad)
            corners.append(u'(' + number(p.x()) + u", " + number(p.y()) + u')');
        where = corners.join(u' ');
    } else if (d.kind == DetectionKind::Point) {
        where = u'(' + number(d.rect.x()) + u", " + number(d.rect.y()) + u')';
    } else {
        where = u'(' + number(d.rect.left()) + u", " + number(d.rect.top()) + QStringLiteral("), (")
            + number(d.rect.x() + d.rect.width()) + u", " + number(d.rect.y() + d.rect.height())
            + u')';
    }
    QString label = d.label;
    label.replace(u'|', QStringLiteral("\\|"));
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
        .arg(index + 1)
        .arg(label, detectionKindName(d.kind), where,
             d.imageIndex ? QString::number(*d.imageIndex) : QStringLiteral("–"));
}

} // namespace

MarkdownWriter::MarkdownWriter(const ImageStore &images, const QString &markdownPath)
    : m_images(images), m_path(QFileInfo(markdownPath).absoluteFilePath())
{ }

QString MarkdownWriter::imageFolder() const
{
    const QFileInfo info(m_path);
    return info.absolutePath() + u'/' + info.completeBaseName() + QStringLiteral("_images");
}

QString MarkdownWriter::imageLink(const ImageSource &source, int *images, int *missingImages,
                                  StorageError *error) const
{
    const QString fileName = storage::hexOf(source.sha256) + u'.' + extensionFor(source.format);
    const QString relative = QFileInfo(imageFolder()).fileName() + u'/' + fileName;
    QFile original(m_images.pathFor(source.sha256));
    QByteArray bytes;
    if (original.open(QIODevice::ReadOnly))
        bytes = original.readAll();
    if (bytes.isEmpty()
        || QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) != source.sha256) {
        ++*missingImages;
        return tr("*(image “%1” is missing)*").arg(source.name);
    }
    QSaveFile file(imageFolder() + u'/' + fileName);
    if (!QDir().mkpath(imageFolder()) || !file.open(QIODevice::WriteOnly) || file.write(bytes) < 0
        || !file.commit()) {
        *error = StorageError::make(StorageError::Kind::Io, file.fileName(), file.errorString());
        return {};
    }
    ++*images;
    return QStringLiteral("![%1](%2)").arg(source.name, relative);
}

QString MarkdownWriter::messageText(const StoredMessage &stored, int *images, int *missingImages,
                                    StorageError *error) const
{
    const Message &m = stored.message;
    if (m.role == Message::Role::Assistant)
        return m.text + u'\n';
    QString text;
    int imageNumber = 0;
    for (const Part &part : m.parts) {
        if (part.kind == Part::Kind::Text) {
            text += part.text + u'\n';
        } else if (part.kind == Part::Kind::Region) {
            text += QStringLiteral("> ") + part.text + u'\n';
        } else {
            const ImageSource source = stored.images.value(imageNumber++);
            text += (source.sha256.isEmpty()
                         ? QStringLiteral("<%1>").arg(part.imageUrl.toString().left(200))
                         : imageLink(source, images, missingImages, error))
                + u'\n';
        }
    }
    return text;
}

StorageError MarkdownWriter::write(const ConversationRecord &record, int *images,
                                   int *missingImages)
{
    StorageError error;
    QString text = QStringLiteral("# ") + record.header.title + QStringLiteral("\n\n");
    if (!record.header.modelId.isEmpty())
        text += tr("Model: %1").arg(record.header.modelId) + QStringLiteral("\n\n");
    for (const StoredMessage &stored : record.messages) {
        const QString when = stored.createdAt.toUTC().toString(Qt::ISODate);
        switch (stored.message.role) {
        case Message::Role::System:
            text += QStringLiteral("## ") + tr("System") + QStringLiteral("\n\n");
            break;
        case Message::Role::User:
            text += QStringLiteral("## ") + tr("You, %1").arg(when) + QStringLiteral("\n\n");
            break;
        case Message::Role::Assistant:
            text += QStringLiteral("## ") + stored.modelId + QStringLiteral(", ") + when
                + QStringLiteral("\n\n");
            break;
        }
        text += messageText(stored, images, missingImages, &error) + u'\n';
        if (error)
            return error;
        if (stored.detections.isEmpty())
            continue;
        text += QStringLiteral("| # | ") + tr("Label") + QStringLiteral(" | ") + tr("Kind")
            + QStringLiteral(" | ") + tr("Coordinates") + QStringLiteral(" | ") + tr("Image")
            + QStringLiteral(" |\n|---|---|---|---|---|\n");
        for (int i = 0; i < stored.detections.size(); ++i)
            text += detectionRow(i, stored.detections.at(i));
        if (stored.space)
            text += u'\n' + tr("Coordinate space: %1.").arg(spaceName(stored.space->space)) + u'\n';
        text += u'\n';
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return StorageError::make(StorageError::Kind::Io, m_path, file.errorString());
    return {};
}

} // namespace qvd
