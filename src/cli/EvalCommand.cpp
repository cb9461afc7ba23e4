#include "cli/EvalCommand.h"

#include "cli/CliSupport.h"
#include "cli/CliText.h"
#include "core/dataset/DatasetReader.h"
#include "core/eval/EvalInput.h"
#include "core/eval/EvaluationJson.h"
#include "core/eval/Evaluator.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace qvd::cli {

namespace {

void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Cli::tr(
        "Score predictions against ground truth: per image, per label and overall true and "
        "false positives, misses, precision, recall, F1 and mean IoU, and COCO-style AP@0.5 and "
        "AP@[.5:.95] when every prediction has a score.\n\n"
        "PRED and TRUTH are files or folders of COCO JSON, LabelMe JSON, Pascal VOC XML, YOLO "
        "labels (with classes.txt; the images beside them or in --images give their size) or "
        "the JSON that boxes and ask --json print. Images are paired by file name without "
        "folder and extension. Predictions and ground truth are matched per label, one to one, "
        "the highest IoU first; a point counts as found inside a ground-truth box."));
    parser.addHelpOption();
    parser.addOptions({
        QCommandLineOption(QStringLiteral("pred"), Cli::tr("The predictions: a file or a folder."),
                           QStringLiteral("PRED")),
        QCommandLineOption(QStringLiteral("truth"),
                           Cli::tr("The ground truth: a file or a folder."),
                           QStringLiteral("TRUTH")),
        QCommandLineOption(QStringLiteral("iou"),
                           Cli::tr("The IoU a prediction needs to match (default 0.5)."),
                           QStringLiteral("IOU"), QStringLiteral("0.5")),
        QCommandLineOption(
            QStringLiteral("labels"),
            Cli::tr("A synonym table: one class per line, its names separated by "
                    "commas (\"dog, 狗, 犬\"), or a JSON object {\"dog\": [\"狗\"]}."),
            QStringLiteral("MAP")),
        QCommandLineOption(QStringLiteral("label-match"),
                           Cli::tr("How labels compare: loose (default: case and spaces do not "
                                   "count) or exact."),
                           QStringLiteral("MODE"), QStringLiteral("loose")),
        QCommandLineOption(QStringLiteral("images"),
                           Cli::tr("Where YOLO label files find their images (they are also "
                                   "looked for beside the labels and in images/ next to "
                                   "labels/)."),
                           QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("json"), Cli::tr("Print the figures as JSON.")),
    });
}

std::optional<LabelRule> labelRule(const QCommandLineParser &parser, QTextStream &err)
{
    const QString mode = parser.value(QStringLiteral("label-match"));
    if (mode != QLatin1String("loose") && mode != QLatin1String("exact")) {
        err << Cli::tr("--label-match must be loose or exact.") << Qt::endl;
        return std::nullopt;
    }
    LabelRule rule(mode == QLatin1String("exact") ? LabelRule::Match::Exact
                                                  : LabelRule::Match::Loose);
    if (parser.isSet(QStringLiteral("labels"))) {
        QString error;
        const auto groups = LabelRule::readSynonyms(parser.value(QStringLiteral("labels")), &error);
        if (!groups) {
            err << error << Qt::endl;
            return std::nullopt;
        }
        for (const QStringList &group : *groups)
            rule.addSynonyms(group);
    }
    return rule;
}

std::optional<QList<DatasetImage>> readSet(const QString &path, const QString &imageFolder,
                                           QTextStream &err)
{
    DatasetReader reader;
    reader.setImageFolder(imageFolder);
    std::optional<QList<DatasetImage>> images = reader.read(path);
    for (const QString &warning : reader.warnings())
        err << warning << Qt::endl;
    if (!images)
        err << reader.errorString() << Qt::endl;
    return images;
}

QString ratio(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("—");
}

// One row of the table: the name, then the figures, right-aligned.
QString row(const QString &name, int nameWidth, const Counts &counts, bool withAp,
            const std::optional<double> &ap50, const std::optional<double> &ap50to95)
{
    QString line = name.leftJustified(nameWidth);
    for (const qint64 n : {counts.tp, counts.fp, counts.fn})
        line += QString::number(n).rightJustified(7);
    for (const auto &value : {counts.precision(), counts.recall(), counts.f1(), counts.meanIou()})
        line += ratio(value).rightJustified(10);
    if (withAp)
        line += ratio(ap50).rightJustified(9) + ratio(ap50to95).rightJustified(10);
    return line;
}

void printTable(const SetEvaluation &set, QTextStream &out)
{
    const bool withAp = set.ap50.has_value();
    const QString overall = Cli::tr("(all)");
    int width = int(overall.size());
    for (const LabelEvaluation &label : set.labels)
        width = std::max(width, int(label.label.size()));
    for (const ImageEvaluation &image : set.images)
        width = std::max(width, int(image.image.size()));
    width = std::min(width, 40) + 2;

    out << Cli::tr("IoU threshold %1 · %n image(s)", nullptr, int(set.images.size()))
               .arg(set.iouThreshold)
        << '\n';
    if (!withAp)
        out << Cli::tr("No AP: not every prediction has a score.") << '\n';
    QString header = Cli::tr("label").leftJustified(width);
    for (const QString &column : {QStringLiteral("TP"), QStringLiteral("FP"), QStringLiteral("FN")})
        header += column.rightJustified(7);
    for (const QString &column :
         {Cli::tr("precision"), Cli::tr("recall"), QStringLiteral("F1"), Cli::tr("mean IoU")})
        header += column.rightJustified(10);
    if (withAp)
        header +=
            QStringLiteral("AP50").rightJustified(9) + QStringLiteral("AP50:95").rightJustified(10);
    out << '\n' << header << '\n';
    out << row(overall, width, set.overall, withAp, set.ap50, set.ap50to95) << '\n';
    for (const LabelEvaluation &label : set.labels)
        out << row(label.label, width, label.counts, withAp, label.ap50, label.ap50to95) << '\n';

    out << '\n' << Cli::tr("image").leftJustified(width);
    for (const QString &column : {QStringLiteral("TP"), QStringLiteral("FP"), QStringLiteral("FN")})
        out << column.rightJustified(7);
    out << '\n';
    for (const ImageEvaluation &image : set.images) {
        out << image.image.leftJustified(width)
            << QString::number(image.counts.tp).rightJustified(7)
            << QString::number(image.counts.fp).rightJustified(7)
            << QString::number(image.counts.fn).rightJustified(7) << '\n';
    }
}

} // namespace

int runEvalCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (const std::optional<int> done = parseArguments(parser, arguments, out, err))
        return *done;
    const QString predPath = parser.value(QStringLiteral("pred"));
    const QString truthPath = parser.value(QStringLiteral("truth"));
    if (predPath.isEmpty() || truthPath.isEmpty() || !parser.positionalArguments().isEmpty()) {
        err << Cli::tr("Usage: qwenvl-desk-cli eval --pred PRED --truth TRUTH [--iou 0.5] "
                       "[--labels MAP] [--json]")
            << Qt::endl;
        return ExitUsage;
    }
    bool ok = false;
    const double iou = parser.value(QStringLiteral("iou")).toDouble(&ok);
    if (!ok || iou <= 0 || iou > 1) {
        err << Cli::tr("--iou must be a number above 0 and at most 1, e.g. 0.5.") << Qt::endl;
        return ExitUsage;
    }
    const std::optional<LabelRule> rule = labelRule(parser, err);
    if (!rule)
        return ExitUsage;

    const QString imageFolder = parser.value(QStringLiteral("images"));
    const auto truth = readSet(truthPath, imageFolder, err);
    if (!truth)
        return ExitFailure;
    const auto predictions = readSet(predPath, imageFolder, err);
    if (!predictions)
        return ExitFailure;
    const EvalPairing pairing = pairForEvaluation(*predictions, *truth);
    if (!pairing.unpaired.isEmpty()) {
        QStringList named = pairing.unpaired.mid(0, 5);
        if (pairing.unpaired.size() > named.size())
            named.append(QStringLiteral("…"));
        err << Cli::tr("Not scored, no ground truth for %n image(s): %1", nullptr,
                       int(pairing.unpaired.size()))
                   .arg(named.join(QStringLiteral(", ")))
            << Qt::endl;
    }
    if (pairing.images.isEmpty()) {
        err << Cli::tr("The ground truth holds no images.") << Qt::endl;
        return ExitFailure;
    }
    const SetEvaluation set = Evaluator(*rule, iou).evaluate(pairing.images);
    if (parser.isSet(QStringLiteral("json")))
        out << QString::fromUtf8(
            QJsonDocument(evaluationToJson(set)).toJson(QJsonDocument::Indented));
    else
        printTable(set, out);
    out.flush();
    return ExitOk;
}

} // namespace qvd::cli
