#include "core/batch/JobExport.h"

#include "core/batch/JobStore.h"
#include "core/dataset/DatasetWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace qvd {

namespace {

// The image's path under the job's folder without its extension, folders joined by "_":
// "2024/03/a.jpg" → "2024_03_a", so files of the same name in different folders stay apart.
QString nameFor(const QString &jobFolder, const QString &path)
{
    QString relative = QDir(jobFolder).relativeFilePath(path);
    if (relative.startsWith(QLatin1String("..")))
        relative = QFileInfo(path).fileName();
    const QFileInfo info(relative);
    QString stem = info.path() == u"." ? info.completeBaseName()
                                       : info.path() + u'/' + info.completeBaseName();
    return stem.replace(QLatin1Char('/'), QLatin1Char('_'));
}

} // namespace

JobExport::Result JobExport::write(const JobStore &store, const QString &jobId,
                                   const QString &folder, DatasetFormats formats)
{
    Result result;
    const std::optional<BatchJob> job = store.job(jobId);
    if (!job) {
        result.error = tr("There is no job %1.").arg(jobId);
        return result;
    }
    if (!QDir().mkpath(folder)) {
        result.error = tr("The folder “%1” cannot be made.").arg(QDir::toNativeSeparators(folder));
        return result;
    }
    DatasetWriter writer(folder);
    ItemFilter filter;
    filter.state = ItemState::Done;
    for (const BatchItem &light : store.items(jobId, filter)) {
        const std::optional<BatchItem> item = store.item(light.id);
        if (!item)
            continue;
        QStringList paths{item->path};
        paths += item->otherPaths;
        for (const QString &path : std::as_const(paths)) {
            DatasetImage image;
            image.imagePath = QFileInfo(path).absoluteFilePath();
            image.name = nameFor(job->spec.folder, path);
            image.size = item->transform.originalSize;
            image.detections = item->detections;
            if (formats.testFlag(DatasetFormat::AnnotatedPng)) {
                QImageReader reader(path);
                reader.setAutoTransform(true);
                image.pixels = reader.read();
            }
            if (!writer.addImage(image, formats)) {
                result.error = writer.errorString();
                result.files = writer.writtenFiles();
                return result;
            }
            ++result.images;
            result.annotations += int(image.detections.size());
        }
    }
    if (!writer.finish()) {
        result.error = writer.errorString();
        result.files = writer.writtenFiles();
        return result;
    }
    result.ok = true;
    result.files = writer.writtenFiles();
    return result;
}

} // namespace qvd
