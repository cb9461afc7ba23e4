#pragma once

#include "core/dataset/DatasetImage.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QtTest>

namespace qvd::test {

inline MappedDetection datasetBox(qreal x1, qreal y1, qreal x2, qreal y2, const QString &label)
{
    MappedDetection d;
    d.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
    d.label = label;
    return d;
}

inline MappedDetection datasetPoint(qreal x, qreal y, const QString &label)
{
    MappedDetection d = datasetBox(x, y, x, y, label);
    d.kind = DetectionKind::Point;
    return d;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A plain image file of `size` (PNG), for YOLO labels to find.
inline bool writeImage(const QString &path, QSize size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    return image.save(path);
}

// Rectangles equal within `tolerance` pixels on every edge.
inline bool sameRect(const QRectF &a, const QRectF &b, qreal tolerance = 0.5)
{
    return qAbs(a.left() - b.left()) <= tolerance && qAbs(a.top() - b.top()) <= tolerance
        && qAbs(a.right() - b.right()) <= tolerance && qAbs(a.bottom() - b.bottom()) <= tolerance;
}

inline QString describe(const QRectF &r)
{
    return QStringLiteral("(%1, %2)–(%3, %4)")
        .arg(r.left())
        .arg(r.top())
        .arg(r.right())
        .arg(r.bottom());
}

} // namespace qvd::test
