#include "cli/BoxesCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "cli/GroundingInput.h"
#include "core/dataset/DatasetWriter.h"
#include "core/dataset/YoloExport.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/GroundingNames.h"
#include "core/models/ModelNames.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace qvd::cli {

namespace {

QJsonObject boxesJson(const GroundingInput &input)
{
    const QJsonValue image = input.hasImageSize()
        ? QJsonValue(QJsonObject{{QStringLiteral("width"), input.imageSize().width()},
                                 {QStringLiteral("height"), input.imageSize().height()}})
        : QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("image"), image},
        {QStringLiteral("model"), input.model().id},
        {QStringLiteral("family"), familyName(input.model().family)},
        {QStringLiteral("space"), input.spaceName()},
        {QStringLiteral("space_reason"), spaceReasonName(input.spaceChoice().reason)},
        {QStringLiteral("detections"), detectionsToJson(input.detections())}};
}

QString printed(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

DatasetImage datasetImage(const GroundingInput &input, const QString &imagePath)
{
    DatasetImage image;
    image.imagePath = imagePath;
    image.size = input.imageSize();
    image.detections = input.detections();
    return image;
}

// To standard output. YOLO: the class list (--classes) keeps numbers stable across the images
// of a data set; without it the classes go to standard error.
bool printDataset(DatasetFormat format, const GroundingInput &input, const QString &classesPath,
                  QTextStream &out, QTextStream &err)
{
    DatasetWriter writer{QString()};
    writer.setClassListFile(classesPath);
    const std::optional<QByteArray> bytes =
        writer.contents(format, datasetImage(input, QFileInfo(input.imagePath()).fileName()));
    if (!bytes) {
        err << writer.errorString() << Qt::endl;
        return false;
    }
    out << QString::fromUtf8(*bytes);
    if (format == DatasetFormat::Yolo && classesPath.isEmpty()) {
        err << Cli::tr("Classes, one per line from 0 (keep them with --classes FILE):") << Qt::endl
            << YoloExport::classList(writer.classes());
    }
    return true;
}

// Into a data set's folder (--output), through the writer the app's exports use.
bool writeDataset(DatasetFormat format, const GroundingInput &input, const QString &output,
                  const QString &classesPath, QTextStream &err)
{
    const QFileInfo target(output);
    QString folder = target.absolutePath();
    QString fileName = target.fileName();
    // "dataset/" names a folder, made when missing.
    const bool namesFolder =
        output.endsWith(QLatin1Char('/')) || output.endsWith(QDir::separator());
    if (namesFolder && !target.exists() && !QDir().mkpath(output)) {
        err << Cli::tr("Cannot make the folder “%1”.").arg(QDir::toNativeSeparators(output))
            << Qt::endl;
        return false;
    }
    if (namesFolder || target.isDir()) {
        if (input.imagePath().isEmpty()) {
            err << Cli::tr("--output names a folder: give --image so the file can be named "
                           "after it, or a file name.")
                << Qt::endl;
            return false;
        }
        folder = target.absoluteFilePath();
        fileName = DatasetWriter::defaultFileName(format, input.imagePath());
    }
    DatasetWriter writer(folder);
    if (!classesPath.isEmpty())
        writer.setClassListFile(classesPath);
    const QString imagePath =
        input.imagePath().isEmpty() ? QString() : QFileInfo(input.imagePath()).absoluteFilePath();
    if (!writer.writeFile(format, datasetImage(input, imagePath), fileName)) {
        err << writer.errorString() << Qt::endl;
        return false;
    }
    QStringList written;
    for (const QString &path : writer.writtenFiles())
        written.append(QDir::toNativeSeparators(path));
    err << Cli::tr("Written: %1").arg(written.join(QStringLiteral(", "))) << Qt::endl;
    return true;
}

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Cli::tr(
        "Find the boxes and points in a model answer and print them.\n\n"
        "With --image or --size, coordinates are pixels of the original image as a person sees "
        "it (EXIF orientation applied), clamped to it. Without them nothing can be mapped: "
        "coordinates stay in the model's own space (0..1000, or pixels of the model's input), "
        "corners in order, not clamped, and \"image\" is null; coco, labelme, voc and yolo need "
        "an image size.\n\n"
        "With --output the file goes into a data set's folder (a folder: named after the image): "
        "YOLO classes are numbered by the folder's classes.txt, which new classes are added to, "
        "so class numbers stay the same across images, runs and the app's exports."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("answer"),
                                 Cli::tr("The model's answer: a file, or - for standard input "
                                         "(the default)."),
                                 QStringLiteral("[FILE|-]"));
    parser.addOptions(GroundingInput::options());
    parser.addOptions({
        QCommandLineOption(QStringLiteral("image"),
                           Cli::tr("The image the answer is about (only its size is read)."),
                           QStringLiteral("PATH")),
        QCommandLineOption(QStringLiteral("size"),
                           Cli::tr("The original image's size instead of --image."),
                           QStringLiteral("WxH")),
        QCommandLineOption(QStringLiteral("format"),
                           Cli::tr("json (default), coco, labelme, voc or yolo."),
                           QStringLiteral("FORMAT"), QStringLiteral("json")),
        QCommandLineOption(QStringLiteral("classes"),
                           Cli::tr("yolo: the class list file to number classes by; new "
                                   "classes are added to it (default with --output: "
                                   "classes.txt in the output's folder)."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("output"),
                           Cli::tr("coco, labelme, voc, yolo: write the file here (a file, or a "
                                   "data set's folder) instead of printing it."),
                           QStringLiteral("PATH")),
    });
}

bool readImageOptions(const QCommandLineParser &parser, GroundingInput &input, QTextStream &err)
{
    const bool hasImage = parser.isSet(QStringLiteral("image"));
    if (hasImage && parser.isSet(QStringLiteral("size"))) {
        err << Cli::tr("Give --image or --size, not both.") << Qt::endl;
        return false;
    }
    if (hasImage)
        return input.readImageSize(parser.value(QStringLiteral("image")), err);
    if (parser.isSet(QStringLiteral("size")))
        return input.setSize(parser.value(QStringLiteral("size")), err);
    return true;
}

} // namespace

int runBoxesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    const std::optional<DatasetFormat> dataset = datasetFormatFromName(format);
    if (format != QLatin1String("json") && (!dataset || *dataset == DatasetFormat::AnnotatedPng)) {
        err << Cli::tr("--format must be json, coco, labelme, voc or yolo.") << Qt::endl;
        return ExitUsage;
    }
    const QString output = parser.value(QStringLiteral("output"));
    if (!output.isEmpty() && !dataset) {
        err << Cli::tr("--output writes coco, labelme, voc or yolo; json is printed.") << Qt::endl;
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << Cli::tr("Usage: qwenvl-desk-cli boxes [options] [FILE|-]") << Qt::endl;
        return ExitUsage;
    }
    GroundingInput input;
    if (!input.readOptions(parser, err) || !readImageOptions(parser, input, err))
        return ExitUsage;
    if (format != QLatin1String("json") && !input.hasImageSize()) {
        err << Cli::tr("--format %1 needs the image size: give --image or --size.").arg(format)
            << Qt::endl;
        return ExitUsage;
    }
    if (!input.readAnswer(positional.value(0), err) || !input.ground(err))
        return ExitUsage;

    const QString classes = parser.value(QStringLiteral("classes"));
    if (!dataset)
        out << printed(boxesJson(input));
    else if (!output.isEmpty() && !writeDataset(*dataset, input, output, classes, err))
        return ExitFailure;
    else if (output.isEmpty() && !printDataset(*dataset, input, classes, out, err))
        return ExitFailure;
    out.flush();
    return ExitOk;
}

} // namespace qvd::cli
