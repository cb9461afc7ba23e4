#include "cli/BoxesCommand.h"

#include "cli/CliText.h"
#include "cli/GroundingInput.h"
#include "core/grounding/CocoExport.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/ExportClasses.h"
#include "core/grounding/LabelMeExport.h"
#include "core/grounding/YoloExport.h"
#include "core/models/ModelNames.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace qvd::cli {

namespace {

QString reasonName(SpaceReason reason)
{
    switch (reason) {
    case SpaceReason::ModelFamily:
        return QStringLiteral("model");
    case SpaceReason::SyntaxDefault:
        return QStringLiteral("syntax");
    case SpaceReason::ValuesAbove1000:
        return QStringLiteral("values-above-1000");
    case SpaceReason::UserOverride:
        return QStringLiteral("override");
    }
    return QStringLiteral("syntax");
}

QJsonObject boxesJson(const GroundingInput &input)
{
    const QJsonValue image = input.hasImageSize()
        ? QJsonValue(QJsonObject{{QStringLiteral("width"), input.imageSize().width()},
                                 {QStringLiteral("height"), input.imageSize().height()}})
        : QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("image"), image},
                       {QStringLiteral("model"), input.model().id},
                       {QStringLiteral("family"), familyName(input.model().family)},
                       {QStringLiteral("space"), input.spaceName()},
                       {QStringLiteral("space_reason"), reasonName(input.spaceChoice().reason)},
                       {QStringLiteral("detections"), detectionsToJson(input.detections())}};
}

QString printed(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// YOLO: the class list file keeps numbers stable across the images of a data set.
bool printYolo(const GroundingInput &input, const QString &classesPath, QTextStream &out,
               QTextStream &err)
{
    QStringList existing;
    QFile file(classesPath);
    if (!classesPath.isEmpty() && file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            err << Cli::tr("Cannot read the class list “%1”: %2.")
                       .arg(classesPath, file.errorString())
                << Qt::endl;
            return false;
        }
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty())
                existing.append(line.trimmed());
        }
    }
    const QStringList classes = exportClasses(input.detections(), existing);
    out << YoloExport::labels(input.detections(), input.imageSize(), classes);
    if (classesPath.isEmpty()) {
        err << Cli::tr("Classes, one per line from 0 (keep them with --classes FILE):") << Qt::endl
            << YoloExport::classList(classes);
        return true;
    }
    QSaveFile save(classesPath);
    if (!save.open(QIODevice::WriteOnly) || save.write(YoloExport::classList(classes).toUtf8()) < 0
        || !save.commit()) {
        err << Cli::tr("Cannot write the class list “%1”: %2.").arg(classesPath, save.errorString())
            << Qt::endl;
        return false;
    }
    return true;
}

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Cli::tr(
        "Find the boxes and points in a model answer and print them.\n\n"
        "With --image or --size, coordinates are pixels of the original image as a person sees "
        "it (EXIF orientation applied), clamped to it. Without them nothing can be mapped: "
        "coordinates stay in the model's own space (0..1000, or pixels of the model's input), "
        "corners in order, not clamped, and \"image\" is null; coco, labelme and yolo need an "
        "image size."));
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
                           Cli::tr("json (default), coco, labelme or yolo."),
                           QStringLiteral("FORMAT"), QStringLiteral("json")),
        QCommandLineOption(QStringLiteral("classes"),
                           Cli::tr("yolo: the class list file to number classes by; new "
                                   "classes are added to it."),
                           QStringLiteral("FILE")),
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
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    const QString format = parser.value(QStringLiteral("format"));
    const QStringList formats{QStringLiteral("json"), QStringLiteral("coco"),
                              QStringLiteral("labelme"), QStringLiteral("yolo")};
    if (!formats.contains(format)) {
        err << Cli::tr("--format must be json, coco, labelme or yolo.") << Qt::endl;
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

    const QString fileName = QFileInfo(input.imagePath()).fileName();
    if (format == QLatin1String("json"))
        out << printed(boxesJson(input));
    else if (format == QLatin1String("coco"))
        out << printed(CocoExport::document(input.detections(), input.imageSize(), fileName));
    else if (format == QLatin1String("labelme"))
        out << printed(LabelMeExport::document(input.detections(), input.imageSize(), fileName));
    else if (!printYolo(input, parser.value(QStringLiteral("classes")), out, err))
        return ExitFailure;
    out.flush();
    return ExitOk;
}

} // namespace qvd::cli
