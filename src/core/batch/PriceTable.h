#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace qvd {

class Settings;

// Real-time prices per million tokens of a model, as the person wrote them down.
struct ModelPrice
{
    double inputPerMillion = 0;
    double outputPerMillion = 0;
    QString currency;
};

// The person's own price list: prices.json beside the settings file (and models.json), read by
// the app and the command line alike. Empty by default: prices change and differ by region,
// account and date, so the app ships none. The file:
//   {"currency": "CNY", "models": {"qwen3-vl-plus": {"input": 1.0, "output": 10.0}}}
// with real-time prices per million tokens; a model may name its own "currency".
class PriceTable
{
    Q_DECLARE_TR_FUNCTIONS(qvd::PriceTable)

public:
    PriceTable() = default;
    // A missing file is an empty table; a file that cannot be read sets `error`.
    static PriceTable load(const QString &path, QString *error = nullptr);
    static QString standardPath(const Settings &settings);

    std::optional<ModelPrice> price(const QString &modelId) const;
    bool isEmpty() const { return m_prices.isEmpty(); }
    void setPrice(const QString &modelId, const ModelPrice &price);

private:
    QHash<QString, ModelPrice> m_prices; // by lower-case model id
};

} // namespace qvd
