#include "core/storage/MarkdownWriter.h"

#include "core/storage/ImageStore.h"
#include "core/storage/SafeFileName.h"
#include "core/storage/StorageCodec.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace qvd {

namespace {

constexpr qint64 kCopyBlock = 1024 * 1024;

QString number(qreal value)
{
    return QString::number(value, 'g', 10);
}

// Line breaks and other control characters become spaces: a heading stays one heading.
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return line;
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
    QString label = oneLine(d.label);
    label.replace(u'|', QStringLiteral("\\|"));
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
        .arg(index + 1)
        .arg(label, detectionKindName(d.kind), where,
             d.imageIndex ? QString::number(*d.imageIndex) : QStringLiteral("–"));
}

QString messageText(const StoredMessage &stored, const MarkdownWriter::ImageText &image)
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
            text += QStringLiteral("> ") + oneLine(part.text) + u'\n';
        } else {
            const ImageSource source = stored.images.value(imageNumber++);
            text += (source.sha256.isEmpty() ? QStringLiteral("<%1>").arg(
                         oneLine(part.imageUrl.toString().left(200)).remove(u'>'))
                                             : image(source))
                + u'\n';
        }
    }
    return text;
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

QString MarkdownWriter::linkText(const QString &text)
{
    QString escaped;
    for (const QChar c : oneLine(text)) {
        if (c == u'[' || c == u']' || c == u'\\' || c == u'(' || c == u')')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped;
}

QString MarkdownWriter::imageLink(const ImageSource &source, int *images, int *missingImages,
                                  StorageError *error) const
{
    const QString fileName =
        storage::hexOf(source.sha256) + u'.' + storage::imageFileExtension(source.format);
    const QString relative = QFileInfo(imageFolder()).fileName() + u'/' + fileName;
    QFile original(m_images.pathFor(source.sha256));
    QSaveFile copy(imageFolder() + u'/' + fileName);
    const bool opened = original.open(QIODevice::ReadOnly);
    if (opened && (!QDir().mkpath(imageFolder()) || !copy.open(QIODevice::WriteOnly))) {
        *error = StorageError::make(StorageError::Kind::Io, copy.fileName(), copy.errorString());
        return {};
    }
    // Copied a block at a time, checked against its hash on the way.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    while (opened && !original.atEnd()) {
        const QByteArray block = original.read(kCopyBlock);
        if (block.isEmpty())
            break;
        size += block.size();
        hash.addData(block);
        if (copy.write(block) != block.size()) {
            *error =
                StorageError::make(StorageError::Kind::Io, copy.fileName(), copy.errorString());
            return {};
        }
    }
    if (!opened || size == 0 || hash.result() != source.sha256) {
        copy.cancelWriting();
        ++*missingImages;
        return tr("*(image “%1” is missing)*").arg(linkText(source.name));
    }
    if (!copy.commit()) {
        *error = StorageError::make(StorageError::Kind::Io, copy.fileName(), copy.errorString());
        return {};
    }
    ++*images;
    return QStringLiteral("![%1](%2)").arg(linkText(source.name), relative);
}

QString MarkdownWriter::render(const ConversationRecord &record, const ImageText &image)
{
    QString text = QStringLiteral("# ") + oneLine(record.header.title) + QStringLiteral("\n\n");
    if (!record.header.modelId.isEmpty())
        text += tr("Model: %1").arg(oneLine(record.header.modelId)) + QStringLiteral("\n\n");
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
            text += QStringLiteral("## ") + oneLine(stored.modelId) + QStringLiteral(", ") + when
                + QStringLiteral("\n\n");
            break;
        }
        text += messageText(stored, image) + u'\n';
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
    return text;
}

StorageError MarkdownWriter::write(const ConversationRecord &record, int *images,
                                   int *missingImages)
{
    StorageError error;
    const QString text = render(record, [&](const ImageSource &source) {
        return error ? QString() : imageLink(source, images, missingImages, &error);
    });
    if (error)
        return error;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return StorageError::make(StorageError::Kind::Io, m_path, file.errorString());
    return {};
}

} // namespace qvd
