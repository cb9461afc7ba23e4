#include "core/dataset/TruthForImage.h"

#include "core/dataset/ClassList.h"
#include "core/dataset/DatasetReader.h"
#include "core/dataset/YoloImport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace qvd {

std::optional<QList<DatasetImage>> TruthForImage::read(const QString &path, QSize shownSize,
                                                       QString *error, QStringList *warnings)
{
    const QFileInfo info(path);
    const bool yoloAlone = info.isFile() && info.suffix().compare(u"txt", Qt::CaseInsensitive) == 0
        && YoloImport::findImage(path).isEmpty() && !shownSize.isEmpty();
    if (!yoloAlone) {
        DatasetReader reader;
        auto images = reader.read(path);
        if (warnings)
            *warnings = reader.warnings();
        if (!images && error)
            *error = reader.errorString();
        return images;
    }
    const auto fail = [&](const QString &why) {
        if (error)
            *error = tr("Cannot read “%1”: %2").arg(QDir::toNativeSeparators(path), why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QStringList classes;
    QString why;
    const QString classList = YoloImport::findClassList(path);
    if (!classList.isEmpty() && !ClassList::read(classList, classes, &why))
        return fail(why);
    const auto detections = YoloImport::parse(file.readAll(), classes, shownSize, &why);
    if (!detections)
        return fail(why);
    DatasetImage image;
    image.name = info.completeBaseName();
    image.size = shownSize;
    image.detections = *detections;
    return QList<DatasetImage>{image};
}

int TruthForImage::entryFor(const QList<DatasetImage> &images, const QString &fileName)
{
    const QString name = QFileInfo(fileName).completeBaseName();
    for (int i = 0; i < images.size(); ++i) {
        if (!name.isEmpty() && images[i].imageName() == name)
            return i;
    }
    return images.size() == 1 ? 0 : -1;
}

QList<MappedDetection> TruthForImage::fitted(const DatasetImage &entry, QSize size, bool *scaled)
{
    const bool scale = !entry.size.isEmpty() && !size.isEmpty() && entry.size != size;
    if (scaled)
        *scaled = scale;
    const qreal sx = scale ? qreal(size.width()) / entry.size.width() : 1;
    const qreal sy = scale ? qreal(size.height()) / entry.size.height() : 1;
    QList<MappedDetection> boxes;
    for (MappedDetection d : entry.detections) {
        if (d.hidden)
            continue;
        d.image.reset();
        if (scale) {
            d.rect =
                QRectF(d.rect.x() * sx, d.rect.y() * sy, d.rect.width() * sx, d.rect.height() * sy);
            for (QPointF &p : d.quad)
                p = QPointF(p.x() * sx, p.y() * sy);
        }
        boxes.append(d);
    }
    return boxes;
}

} // namespace qvd
