#include "core/dataset/YoloImport.h"

#include "core/dataset/ClassList.h"
#include "core/dataset/DatasetImage.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace qvd {

namespace {

// "class" followed by the numbers of one line; false when a field is not a number.
bool splitLine(QStringView line, int &classIndex, QList<double> &numbers)
{
    const QList<QStringView> fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = false;
    classIndex = fields.isEmpty() ? -1 : fields.first().toInt(&ok);
    if (!ok || classIndex < 0)
        return false;
    numbers.clear();
    for (qsizetype i = 1; i < fields.size(); ++i) {
        numbers.append(fields.at(i).toDouble(&ok));
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

std::optional<QList<MappedDetection>> YoloImport::parse(const QByteArray &text,
                                                        const QStringList &classes,
                                                        const QSize &imageSize, QString *error)
{
    const qreal w = imageSize.width();
    const qreal h = imageSize.height();
    QList<MappedDetection> detections;
    const QString all = QString::fromUtf8(text);
    const QList<QStringView> lines = QStringView(all).split(QLatin1Char('\n'));
    QList<double> numbers;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).toString().simplified(); // tabs, '\r'
        if (line.isEmpty())
            continue;
        int classIndex = -1;
        const bool fields = splitLine(line, classIndex, numbers);
        const qsizetype count = numbers.size();
        if (!fields || count < 4) {
            if (error) {
                *error = tr("Line %1 is not “class x_centre y_centre width height”: %2")
                             .arg(n + 1)
                             .arg(line.left(80));
            }
            return std::nullopt;
        }
        MappedDetection d;
        d.label = classIndex < classes.size() && !classes.at(classIndex).isEmpty()
            ? classes.at(classIndex)
            : QString::number(classIndex);
        if (count <= 5) {
            d.rect = QRectF((numbers[0] - numbers[2] / 2) * w, (numbers[1] - numbers[3] / 2) * h,
                            numbers[2] * w, numbers[3] * h);
            if (count == 5)
                d.attributes.insert(QLatin1String(datasetkeys::kScore), numbers[4]);
        } else {
            QPolygonF polygon;
            for (qsizetype i = 0; i + 1 < count; i += 2)
                polygon.append(QPointF(numbers[i] * w, numbers[i + 1] * h));
            if (count % 2 == 1)
                d.attributes.insert(QLatin1String(datasetkeys::kScore), numbers.last());
            d.rect = polygon.boundingRect();
            if (polygon.size() == 4) {
                d.kind = DetectionKind::Quad;
                d.quad = polygon;
            }
        }
        if (d.rect.width() == 0 && d.rect.height() == 0)
            d.kind = DetectionKind::Point;
        detections.append(d);
    }
    return detections;
}

QString YoloImport::findClassList(const QString &labelFile)
{
    QDir dir = QFileInfo(labelFile).absoluteDir();
    for (int level = 0; level < 2; ++level) {
        if (dir.exists(ClassList::defaultFileName()))
            return dir.filePath(ClassList::defaultFileName());
        const QStringList names =
            dir.entryList({QStringLiteral("*.names")}, QDir::Files, QDir::Name);
        if (!names.isEmpty())
            return dir.filePath(names.first());
        if (!dir.cdUp())
            break;
    }
    return {};
}

QString YoloImport::findImage(const QString &labelFile, const QString &extraFolder)
{
    const QFileInfo label(labelFile);
    const QString stem = label.completeBaseName();
    QStringList folders{label.absolutePath()};
    // dataset/labels/train/x.txt ↔ dataset/images/train/x.jpg
    const QString path = label.absolutePath() + QLatin1Char('/');
    const qsizetype labels = path.lastIndexOf(QLatin1String("/labels/"));
    if (labels >= 0) {
        QString images = path;
        images.replace(labels, 8, QStringLiteral("/images/"));
        folders.append(images);
    }
    if (!extraFolder.isEmpty())
        folders.append(extraFolder);
    const QList<QByteArray> readable = QImageReader::supportedImageFormats();
    for (const QString &folder : std::as_const(folders)) {
        const QDir dir(folder);
        const QStringList candidates =
            dir.entryList({stem + QStringLiteral(".*")}, QDir::Files, QDir::Name);
        for (const QString &candidate : candidates) {
            const QString suffix = QFileInfo(candidate).suffix().toLower();
            if (QFileInfo(candidate).completeBaseName() == stem
                && readable.contains(suffix.toLatin1()))
                return dir.filePath(candidate);
        }
    }
    return {};
}

} // namespace qvd
