#pragma once

#include "core/storage/ConversationRecord.h"
#include "core/storage/StorageError.h"

#include <QCoreApplication>

#include <functional>

namespace qvd {

class ImageStore;

// Writes one conversation as Markdown: "<name>.md", and its original images in
// "<name>_images/<sha256>.<ext>" beside it, linked from the text. Assistant answers are kept
// verbatim; their detections follow as a table, in the coordinate space they were read in.
// Names and titles from the record (it may come from an imported file) never become paths:
// image files are named by their hash and a known extension, and text that lands in a heading
// or a link is kept to one line with Markdown's brackets escaped.
class MarkdownWriter
{
    Q_DECLARE_TR_FUNCTIONS(qvd::MarkdownWriter)

public:
    MarkdownWriter(const ImageStore &images, const QString &markdownPath);

    StorageError write(const ConversationRecord &record, int *images, int *missingImages);

    // The folder the images go to.
    QString imageFolder() const;

    // The conversation as Markdown text, each image part written as `image` gives it (a link to
    // a copied file, or words for a terminal).
    using ImageText = std::function<QString(const ImageSource &source)>;
    static QString render(const ConversationRecord &record, const ImageText &image);
    // `text` on one line, safe as the text of a Markdown link or image.
    static QString linkText(const QString &text);

private:
    QString imageLink(const ImageSource &source, int *images, int *missingImages,
                      StorageError *error) const;

    const ImageStore &m_images;
    QString m_path;
};

} // namespace qvd
