#include "cli/GroundingInput.h"

#include "cli/CliText.h"
#include "core/grounding/CoordinateMapper.h"
#include "core/grounding/GroundingNames.h"
#include "core/grounding/GroundingParser.h"
#include "core/grounding/TargetImage.h"
#include "core/models/ModelRegistry.h"

#include <QCommandLineParser>
#include <QFile>
#include <QImageReader>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace qvd::cli {

namespace {

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,6})[xX]([0-9]{1,6})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    return size.isEmpty() ? std::nullopt : std::optional<QSize>(size);
}

QSize upright(QSize stored, QImageIOHandler::Transformations orientation)
{
    return orientation.testFlag(QImageIOHandler::TransformationRotate90) ? stored.transposed()
                                                                         : stored;
}

} // namespace

QList<QCommandLineOption> GroundingInput::options()
{
    return {
        QCommandLineOption(QStringLiteral("model"),
                           Cli::tr("The model that wrote the answer, e.g. qwen2.5-vl-72b-instruct "
                                   "(default: unknown; the syntax decides the space)."),
                           QStringLiteral("NAME")),
        QCommandLineOption(
            QStringLiteral("space"),
            Cli::tr("Read the numbers as norm1000 (0..1000 of the image), absolute "
                    "(pixels of the original image) or abs-resized:WxH (pixels of the "
                    "model's input of that size) instead of the model's space."),
            QStringLiteral("SPACE")),
        QCommandLineOption(QStringLiteral("max-pixels"),
                           Cli::tr("The pixel budget the image was resized with for the model "
                                   "(default: the model's)."),
                           QStringLiteral("N")),
    };
}

bool GroundingInput::readOptions(const QCommandLineParser &parser, QTextStream &err)
{
    m_model = ModelRegistry().find(parser.value(QStringLiteral("model")));
    m_transform.budget = m_model.budget;
    if (parser.isSet(QStringLiteral("max-pixels"))) {
        bool ok = false;
        const qint64 maxPixels = parser.value(QStringLiteral("max-pixels")).toLongLong(&ok);
        if (!ok || maxPixels < 1) {
            err << Cli::tr("--max-pixels needs a whole number of at least 1.") << Qt::endl;
            return false;
        }
        m_transform.budget.maxPixels = maxPixels;
        m_transform.budget.minPixels = std::min(m_transform.budget.minPixels, maxPixels);
    }
    if (!parser.isSet(QStringLiteral("space")))
        return true;
    // NAME, or abs-resized:WxH; names as everywhere else (core/grounding/GroundingNames).
    const QString value = parser.value(QStringLiteral("space"));
    const qsizetype colon = value.indexOf(u':');
    const auto space =
        spaceFromName(colon < 0 ? QStringView(value) : QStringView(value).left(colon));
    const auto size = colon < 0 ? std::optional<QSize>() : parseSize(value.mid(colon + 1));
    if (!space || (colon >= 0 && (!size || *space != CoordinateSpace::AbsResized))) {
        err << Cli::tr("--space must be norm1000, absolute or abs-resized:WxH (e.g. "
                       "abs-resized:1036x756).")
            << Qt::endl;
        return false;
    }
    m_spaceOverride = *space;
    if (size)
        m_resizedOverride = *size;
    return true;
}

bool GroundingInput::readAnswer(const QString &source, QTextStream &err)
{
    QFile file;
    const bool fromStdin = source.isEmpty() || source == QLatin1String("-");
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(source), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err << Cli::tr("Cannot read the answer “%1”: %2.")
                   .arg(fromStdin ? QStringLiteral("-") : source, file.errorString())
            << Qt::endl;
        return false;
    }
    m_answer = QString::fromUtf8(file.readAll());
    if (file.error() != QFileDevice::NoError) {
        err << Cli::tr("Cannot read the answer “%1”: %2.").arg(source, file.errorString())
            << Qt::endl;
        return false;
    }
    return true;
}

bool GroundingInput::readImageSize(const QString &path, QTextStream &err)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize stored = reader.canRead() ? reader.size() : QSize();
    if (stored.isEmpty()) {
        err << Cli::tr("Cannot read the image “%1”: %2.").arg(path, reader.errorString())
            << Qt::endl;
        return false;
    }
    m_imagePath = path;
    m_transform.storedSize = stored;
    m_transform.orientation = reader.transformation();
    m_transform.originalSize = upright(stored, m_transform.orientation);
    return true;
}

bool GroundingInput::readImage(const QString &path, QTextStream &err)
{
    if (!readImageSize(path, err))
        return false;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    m_image = reader.read();
    if (m_image.isNull()) {
        err << Cli::tr("Cannot read the image “%1”: %2.").arg(path, reader.errorString())
            << Qt::endl;
        return false;
    }
    // What the decoder produced is the truth, whatever the header said.
    m_transform.originalSize = m_image.size();
    return true;
}

bool GroundingInput::setSize(const QString &text, QTextStream &err)
{
    const std::optional<QSize> size = parseSize(text);
    if (!size) {
        err << Cli::tr("--size must be WIDTHxHEIGHT in pixels, e.g. 1920x1080.") << Qt::endl;
        return false;
    }
    m_transform.storedSize = m_transform.originalSize = *size;
    return true;
}

bool GroundingInput::ground(QTextStream &err)
{
    const QList<Detection> parsed = GroundingParser(ParseMode::Complete).parse(m_answer);
    m_choice = chooseSpace(m_model, parsed, m_spaceOverride);
    m_detections.clear();
    if (!hasImageSize()) {
        for (const Detection &d : parsed)
            m_detections.append(MappedDetection::unmapped(d));
        return true;
    }
    m_transform.sentSize = m_resizedOverride.isEmpty()
        ? smartResize(m_transform.originalSize, m_transform.budget).value_or(QSize())
        : m_resizedOverride;
    const CoordinateMapper mapper(m_choice.space, m_transform);
    if (!mapper.isValid()) {
        err << Cli::tr("Cannot work out the size of the model's input for a %1×%2 image; give "
                       "it with --space abs-resized:WxH.")
                   .arg(imageSize().width())
                   .arg(imageSize().height())
            << Qt::endl;
        return false;
    }
    // One image: every detection is on it, whatever img_idx says (TargetImage's rule).
    for (const Detection &d : parsed)
        m_detections.append(MappedDetection::map(d, mapper, targetImage(d, {0})));
    return true;
}

QString GroundingInput::spaceName() const
{
    const QString name = qvd::spaceName(m_choice.space);
    if (m_choice.space != CoordinateSpace::AbsResized)
        return name;
    const QSize size = m_transform.sentSize.isEmpty() ? m_resizedOverride : m_transform.sentSize;
    return size.isEmpty()
        ? name
        : QStringLiteral("%1:%2x%3").arg(name).arg(size.width()).arg(size.height());
}

} // namespace qvd::cli
