#include "cli/RenderCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "cli/GroundingInput.h"
#include "core/dataset/DatasetWriter.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

namespace qvd::cli {

namespace {

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        Cli::tr("Draw the boxes and points of a model answer onto its image and save it as PNG, "
                "at the image's own resolution with EXIF orientation applied."));
    parser.addHelpOption();
    parser.addOptions(GroundingInput::options());
    parser.addOptions({
        QCommandLineOption(QStringLiteral("image"), Cli::tr("The image the answer is about."),
                           QStringLiteral("PATH")),
        QCommandLineOption(QStringLiteral("text"),
                           Cli::tr("The model's answer: a file, or - for standard input (the "
                                   "default)."),
                           QStringLiteral("FILE|-")),
        QCommandLineOption(QStringLiteral("output"), Cli::tr("The PNG file to write."),
                           QStringLiteral("OUT.png")),
    });
}

// Through the writer the app's PNG export uses.
bool writePng(const GroundingInput &input, const QString &outputPath, QTextStream &err)
{
    const QFileInfo output(outputPath);
    DatasetWriter writer(output.absolutePath());
    DatasetImage image;
    image.imagePath = QFileInfo(input.imagePath()).absoluteFilePath();
    image.size = input.imageSize();
    image.pixels = input.image();
    image.detections = input.detections();
    if (!writer.writeFile(DatasetFormat::AnnotatedPng, image, output.fileName())) {
        err << writer.errorString() << Qt::endl;
        return false;
    }
    return true;
}

// The command is the first argument that is not an option.
bool runsRender(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-')
            return qstrcmp(argv[i], "render") == 0;
    }
    return false;
}

} // namespace

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!runsRender(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int runRenderCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    const QString imagePath = parser.value(QStringLiteral("image"));
    const QString outputPath = parser.value(QStringLiteral("output"));
    if (imagePath.isEmpty() || outputPath.isEmpty() || !parser.positionalArguments().isEmpty()) {
        err << Cli::tr("Usage: qwenvl-desk-cli render --image PATH [--text FILE|-] --output "
                       "OUT.png")
            << Qt::endl;
        return ExitUsage;
    }
    GroundingInput input;
    if (!input.readOptions(parser, err) || !input.readImage(imagePath, err)
        || !input.readAnswer(parser.value(QStringLiteral("text")), err) || !input.ground(err))
        return ExitUsage;
    if (!writePng(input, outputPath, err))
        return ExitFailure;
    err << Cli::tr("Detections drawn: %1 (space %2).")
               .arg(input.detections().size())
               .arg(input.spaceName())
        << Qt::endl;
    return ExitOk;
}

} // namespace qvd::cli
