#include "core/batch/PriceTable.h"

#include "core/settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace qvd {

PriceTable PriceTable::load(const QString &path, QString *error)
{
    PriceTable table;
    QFile file(path);
    if (!file.exists())
        return table;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The price list “%1” cannot be read: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return table;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = tr("The price list “%1” is not a JSON object: %2")
                         .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return table;
    }
    const QJsonObject root = document.object();
    const QString currency = root.value(QLatin1String("currency")).toString();
    const QJsonObject models = root.value(QLatin1String("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        ModelPrice price;
        price.inputPerMillion = entry.value(QLatin1String("input")).toDouble();
        price.outputPerMillion = entry.value(QLatin1String("output")).toDouble();
        price.currency = entry.value(QLatin1String("currency")).toString(currency);
        if (price.inputPerMillion < 0 || price.outputPerMillion < 0) {
            if (error)
                *error = tr("The price of %1 in “%2” is negative.")
                             .arg(it.key(), QDir::toNativeSeparators(path));
            continue;
        }
        table.setPrice(it.key(), price);
    }
    return table;
}

QString PriceTable::standardPath(const Settings &settings)
{
    return QFileInfo(settings.modelsFilePath()).dir().filePath(QStringLiteral("prices.json"));
}

std::optional<ModelPrice> PriceTable::price(const QString &modelId) const
{
    const auto it = m_prices.constFind(modelId.toLower());
    if (it == m_prices.constEnd())
        return std::nullopt;
    return *it;
}

void PriceTable::setPrice(const QString &modelId, const ModelPrice &price)
{
    m_prices.insert(modelId.toLower(), price);
}

} // namespace qvd
