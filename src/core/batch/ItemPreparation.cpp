#include "core/batch/ItemPreparation.h"

#include <QFileInfo>

namespace qvd {

PreparedItem PreparedItem::prepare(const BatchItem &item, const ImagePreparer &preparer)
{
    PreparedItem prepared;
    prepared.itemId = item.id;
    PrepareResult result = preparer.prepareFile(item.path);
    if (!result.ok()) {
        prepared.errorCode = QStringLiteral("image");
        prepared.errorMessage = result.error.message();
        return prepared;
    }
    if (QString::fromLatin1(result.image.sourceSha256.toHex()) != item.sha256) {
        prepared.errorCode = QStringLiteral("changed");
        prepared.errorMessage =
            tr("“%1” changed after the job was made; it was not sent. Start a new job for the "
               "folder to include it.")
                .arg(QFileInfo(item.path).fileName());
        return prepared;
    }
    result.image.sourceBytes = QByteArray(); // only the encoded image goes on
    prepared.ok = true;
    prepared.transform = result.image.transform;
    prepared.estimatedTokens = result.image.estimatedTokens;
    prepared.image = std::move(result.image);
    return prepared;
}

PreparedItem PreparedItem::forBatch(const BatchItem &item, const JobRequest &request,
                                    const BatchLimits &limits)
{
    PreparedItem prepared = prepare(item, request.preparer(limits.maxDataUriBytes(request.prompt)));
    if (!prepared.ok)
        return prepared;
    prepared.line = batchInputLine(item.id, request, prepared.image);
    prepared.image = PreparedImage{};
    if (prepared.line.size() > limits.maxLineBytes) {
        prepared.ok = false;
        prepared.line.clear();
        prepared.errorCode = QStringLiteral("line_too_large");
        prepared.errorMessage =
            tr("“%1” does not fit in one batch line (at most %2 bytes) even at the smallest "
               "size allowed.")
                .arg(QFileInfo(item.path).fileName())
                .arg(limits.maxLineBytes);
    }
    return prepared;
}

PreparedItem PreparedItem::forDirect(const BatchItem &item, const JobRequest &request)
{
    return prepare(item, request.preparer());
}

ItemResult PreparedItem::failure() const
{
    ItemResult result;
    result.itemId = itemId;
    result.errorCode = errorCode;
    result.errorMessage = errorMessage;
    return result;
}

} // namespace qvd
