#include "core/batch/CostEstimate.h"

#include <QLocale>
#include <QSet>

namespace qvd {

std::optional<double> CostEstimate::inputCost() const
{
    if (!price)
        return std::nullopt;
    return double(inputTokens()) / 1e6 * price->inputPerMillion * priceFactor();
}

std::optional<double> CostEstimate::outputPerMillion() const
{
    if (!price)
        return std::nullopt;
    return price->outputPerMillion * priceFactor();
}

qint64 CostEstimate::promptTokenEstimate(const QString &prompt)
{
    qint64 latin = 0;
    qint64 other = 0;
    for (const QChar c : prompt) {
        if (c.unicode() < 0x80)
            ++latin;
        else if (!c.isLowSurrogate())
            ++other;
    }
    return (latin + 3) / 4 + other;
}

CostEstimate CostEstimate::of(const QList<ScannedImage> &images, const QString &prompt,
                              JobMode mode, const std::optional<ModelPrice> &price)
{
    CostEstimate estimate;
    estimate.mode = mode;
    estimate.price = price;
    estimate.files = int(images.size());
    QSet<QString> seen;
    for (const ScannedImage &image : images) {
        if (!image.ok()) {
            ++estimate.unreadable;
            continue;
        }
        if (seen.contains(image.sha256)) {
            ++estimate.copies;
            continue;
        }
        seen.insert(image.sha256);
        ++estimate.images;
        estimate.imageTokens += image.estimatedTokens;
    }
    estimate.promptTokens = promptTokenEstimate(prompt) * estimate.images;
    return estimate;
}

QStringList CostEstimate::describe() const
{
    const QLocale locale;
    QStringList lines;
    // Only the counts that are not zero: "0 copies sent once" tells the person nothing.
    QString found = tr("%Ln image(s) to send", nullptr, images)
        + tr(", from %Ln file(s) found.", nullptr, files);
    if (copies > 0)
        found += u' ' + tr("%Ln copy(s) of another image, sent once.", nullptr, copies);
    if (unreadable > 0)
        found += u' ' + tr("%Ln file(s) not readable as images.", nullptr, unreadable);
    lines.append(found);
    lines.append(tr("About %1 input tokens: %2 for the images at the sizes the model will see, "
                    "%3 for the prompt.")
                     .arg(locale.toString(inputTokens()), locale.toString(imageTokens),
                          locale.toString(promptTokens)));
    if (const auto cost = inputCost()) {
        const QString rate = mode == JobMode::Batch ? tr("at the Batch API's half price")
                                                    : tr("at the real-time price");
        lines.append(tr("Input: about %1 %2 %3; answers: %4 %2 per million tokens.")
                         .arg(locale.toString(*cost, 'f', 4), price->currency, rate,
                              locale.toString(*outputPerMillion(), 'f', 4)));
    } else {
        lines.append(tr("No price is known for this model: add it to the price list "
                        "(prices.json) to see the cost."));
    }
    return lines;
}

QJsonObject CostEstimate::toJson() const
{
    QJsonObject json{
        {QStringLiteral("files"), files},
        {QStringLiteral("images"), images},
        {QStringLiteral("copies"), copies},
        {QStringLiteral("unreadable"), unreadable},
        {QStringLiteral("image_tokens"), imageTokens},
        {QStringLiteral("prompt_tokens"), promptTokens},
        {QStringLiteral("input_tokens"), inputTokens()},
        {QStringLiteral("mode"), jobModeName(mode)},
        {QStringLiteral("price_factor"), priceFactor()},
    };
    if (const auto cost = inputCost()) {
        json.insert(QStringLiteral("input_cost"), *cost);
        json.insert(QStringLiteral("output_per_million"), *outputPerMillion());
        json.insert(QStringLiteral("currency"), price->currency);
    }
    return json;
}

} // namespace qvd
