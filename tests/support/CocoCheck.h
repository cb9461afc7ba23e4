#pragma once

// A structural check of a COCO detection file (cocodataset.org/#format-data), written from the
// format alone with Qt's JSON classes, independent of the app's exporter: tests run it on what
// the exporter wrote.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSizeF>
#include <QStringList>

#include <cmath>

namespace qvd::test {

// Every problem found, one sentence each; empty when the file is sound:
//   - "images", "annotations" and "categories" are arrays of objects;
//   - image ids are unique integers, each image has a file_name and a positive width and height;
//   - category ids are unique integers and category names unique and not empty (so each label
//     is one category, the same for every image);
//   - annotation ids are unique integers, each annotation's image_id and category_id exist,
//     and its bbox is four finite numbers [x, y, w, h] with w, h >= 0 inside
//     [0, width] x [0, height] of its image.
inline QStringList cocoStructureProblems(const QJsonObject &coco)
{
    QStringList problems;
    const auto isInteger = [](const QJsonValue &value) {
        return value.isDouble() && value.toDouble() == double(value.toInteger());
    };
    for (const char *key : {"images", "annotations", "categories"}) {
        if (!coco.value(QLatin1String(key)).isArray())
            problems.append(QStringLiteral("\"%1\" is not an array").arg(QLatin1String(key)));
    }

    QHash<qint64, QSizeF> imageSizes;
    for (const QJsonValue &value : coco.value(QLatin1String("images")).toArray()) {
        const QJsonObject image = value.toObject();
        const QJsonValue id = image.value(QLatin1String("id"));
        if (!value.isObject() || !isInteger(id)) {
            problems.append(QStringLiteral("an image has no integer id"));
            continue;
        }
        if (imageSizes.contains(id.toInteger()))
            problems.append(QStringLiteral("image id %1 is used twice").arg(id.toInteger()));
        const double width = image.value(QLatin1String("width")).toDouble();
        const double height = image.value(QLatin1String("height")).toDouble();
        if (!(width > 0) || !(height > 0))
            problems.append(QStringLiteral("image %1 has no positive size").arg(id.toInteger()));
        if (image.value(QLatin1String("file_name")).toString().isEmpty())
            problems.append(QStringLiteral("image %1 has no file_name").arg(id.toInteger()));
        imageSizes.insert(id.toInteger(), QSizeF(width, height));
    }

    QSet<qint64> categoryIds;
    QSet<QString> categoryNames;
    for (const QJsonValue &value : coco.value(QLatin1String("categories")).toArray()) {
        const QJsonObject category = value.toObject();
        const QJsonValue id = category.value(QLatin1String("id"));
        if (!value.isObject() || !isInteger(id)) {
            problems.append(QStringLiteral("a category has no integer id"));
            continue;
        }
        if (categoryIds.contains(id.toInteger()))
            problems.append(QStringLiteral("category id %1 is used twice").arg(id.toInteger()));
        categoryIds.insert(id.toInteger());
        const QString name = category.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            problems.append(QStringLiteral("category %1 has no name").arg(id.toInteger()));
        else if (categoryNames.contains(name))
            problems.append(QStringLiteral("category name \"%1\" is used twice").arg(name));
        categoryNames.insert(name);
    }

    QSet<qint64> annotationIds;
    for (const QJsonValue &value : coco.value(QLatin1String("annotations")).toArray()) {
        const QJsonObject annotation = value.toObject();
        const QJsonValue id = annotation.value(QLatin1String("id"));
        if (!value.isObject() || !isInteger(id)) {
            problems.append(QStringLiteral("an annotation has no integer id"));
            continue;
        }
        const qint64 annotationId = id.toInteger();
        if (annotationIds.contains(annotationId))
            problems.append(QStringLiteral("annotation id %1 is used twice").arg(annotationId));
        annotationIds.insert(annotationId);
        const QJsonValue imageId = annotation.value(QLatin1String("image_id"));
        if (!isInteger(imageId) || !imageSizes.contains(imageId.toInteger())) {
            problems.append(
                QStringLiteral("annotation %1 names no existing image").arg(annotationId));
            continue;
        }
        const QJsonValue categoryId = annotation.value(QLatin1String("category_id"));
        if (!isInteger(categoryId) || !categoryIds.contains(categoryId.toInteger()))
            problems.append(
                QStringLiteral("annotation %1 names no existing category").arg(annotationId));
        const QJsonArray bbox = annotation.value(QLatin1String("bbox")).toArray();
        bool numbers = bbox.size() == 4;
        for (const QJsonValue &n : bbox)
            numbers = numbers && n.isDouble() && std::isfinite(n.toDouble());
        if (!numbers) {
            problems.append(
                QStringLiteral("annotation %1 has no bbox of four numbers").arg(annotationId));
            continue;
        }
        const QSizeF size = imageSizes.value(imageId.toInteger());
        const double x = bbox.at(0).toDouble();
        const double y = bbox.at(1).toDouble();
        const double w = bbox.at(2).toDouble();
        const double h = bbox.at(3).toDouble();
        const double slack = 1e-6;
        if (x < -slack || y < -slack || w < 0 || h < 0 || x + w > size.width() + slack
            || y + h > size.height() + slack)
            problems.append(QStringLiteral("annotation %1: bbox [%2, %3, %4, %5] is not inside "
                                           "its image of %6 x %7")
                                .arg(annotationId)
                                .arg(x)
                                .arg(y)
                                .arg(w)
                                .arg(h)
                                .arg(size.width())
                                .arg(size.height()));
    }
    return problems;
}

} // namespace qvd::test
