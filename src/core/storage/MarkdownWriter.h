#pragma once

#include "core/storage/ConversationRecord.h"
#include "core/storage/StorageError.h"

#include <QCoreApplication>

namespace qvd {

class ImageStore;

// Writes one conversation as Markdown: "<name>.md", and its original images in
// "<name>_images/<sha256>.<ext>" beside it, linked from the text. Assistant answers are kept
// verbatim; their detections follow as a table, in the coordinate space they were read in.
class MarkdownWriter
{
    Q_DECLARE_TR_FUNCTIONS(qvd::MarkdownWriter)

public:
    MarkdownWriter(const ImageStore &images, const QString &markdownPath);

    StorageError write(const ConversationRecord &record, int *images, int *missingImages);

    // The folder the images go to.
    QString imageFolder() const;

private:
    QString imageLink(const ImageSource &source, int *images, int *missingImages,
                      StorageError *error) const;
    QString messageText(const StoredMessage &stored, int *images, int *missingImages,
                        StorageError *error) const;

    const ImageStore &m_images;
    QString m_path;
};

} // namespace qvd
