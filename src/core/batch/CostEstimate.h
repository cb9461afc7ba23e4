#pragma once

#include "core/batch/BatchNames.h"
#include "core/batch/ImageScan.h"
#include "core/batch/PriceTable.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace qvd {

// What a job will send and, when the model's prices are known, cost — shown before anything is
// sent, for the person to confirm.
struct CostEstimate
{
    Q_DECLARE_TR_FUNCTIONS(qvd::CostEstimate)

public:
    int files = 0; // found in the folder
    int images = 0; // distinct images that will be sent (copies are sent once)
    int copies = 0; // files that are copies of another
    int unreadable = 0; // files that are not images that can be sent
    qint64 imageTokens = 0; // from the sizes the model will see (grounding.md §2)
    qint64 promptTokens = 0; // the prompt once per image (an estimate: no tokenizer here)
    JobMode mode = JobMode::Batch;
    std::optional<ModelPrice> price; // real-time prices, when the price list has the model
    // The Batch API bills half of the real-time price, successful requests only (batch-api.md §1).
    static constexpr double kBatchDiscount = 0.5;

    qint64 inputTokens() const { return imageTokens + promptTokens; }
    double priceFactor() const { return mode == JobMode::Batch ? kBatchDiscount : 1.0; }
    // The input's price at the mode's rate; nullopt without a price.
    std::optional<double> inputCost() const;
    // The price of one million answer tokens at the mode's rate.
    std::optional<double> outputPerMillion() const;

    static CostEstimate of(const QList<ScannedImage> &images, const QString &prompt, JobMode mode,
                           const std::optional<ModelPrice> &price);
    // About one token per four characters of Latin text and per character of CJK text.
    static qint64 promptTokenEstimate(const QString &prompt);

    // Lines for people (translated).
    QStringList describe() const;
    QJsonObject toJson() const;
};

} // namespace qvd
