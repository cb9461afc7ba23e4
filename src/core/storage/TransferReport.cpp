#include "core/storage/TransferReport.h"

#include <QDir>

namespace qvd {

QString ExportReport::summary(const QString &destination) const
{
    if (cancelled)
        return tr("The export was stopped; no file was written.");
    if (error)
        return tr("Nothing was exported: %1").arg(error.userMessage());
    QString text = tr("Exported %1 conversation(s) with %2 message(s) and %3 image(s) to “%4”.")
                       .arg(conversations)
                       .arg(messages)
                       .arg(images)
                       .arg(QDir::toNativeSeparators(destination));
    if (missingImages > 0)
        text += u'\n'
            + tr("%1 original image(s) were missing from the history; their boxes are kept.")
                  .arg(missingImages);
    return text;
}

QString ImportReport::summary() const
{
    if (cancelled)
        return tr("The import was stopped; nothing was changed.");
    if (error)
        return tr("Nothing was imported: %1").arg(error.userMessage());
    QStringList lines;
    lines << tr("Imported %1 conversation(s): %2 new, %3 continued, %4 added as copies; %5 "
                "already here.")
                 .arg(added + extended + copied)
                 .arg(added)
                 .arg(extended)
                 .arg(copied)
                 .arg(unchanged);
    lines << tr("Messages imported: %1. Images imported: %2.").arg(messages).arg(images);
    if (!refused.isEmpty())
        lines << tr("Left out:");
    for (const ImportRefusal &refusal : refused) {
        lines << (refusal.kind == ImportRefusal::Kind::Image
                      ? tr("– image %1: %2").arg(refusal.what, refusal.reason)
                      : tr("– conversation “%1”: %2").arg(refusal.what, refusal.reason));
    }
    return lines.join(u'\n');
}

} // namespace qvd
