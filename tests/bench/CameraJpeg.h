#pragma once

// A 6000x4000 (24 MP, a typical camera frame) JPEG for the benchmarks: quadrants, a gradient and
// a little grain so the entropy decoder has camera-like work. Cached in the temp dir, so a run
// that finds it never holds the full-size image and its peak memory shows only the path measured.

#include "../unit/ImageFixtures.h"
#include "BenchReport.h"

#include <QDir>
#include <QFile>
#include <QLinearGradient>
#include <QPainter>

namespace qvd::bench {

inline QString cameraJpegPath()
{
    return QDir::temp().filePath(QStringLiteral("qvd-bench-camera-6000x4000.jpg"));
}

inline QByteArray cameraJpeg()
{
    QFile cached(cameraJpegPath());
    if (cached.open(QIODevice::ReadOnly))
        return cached.readAll();
    QImage image = fixtures::quadrants(QSize(6000, 4000));
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 6000, 4000);
    gradient.setColorAt(0, QColor(0, 0, 0, 0));
    gradient.setColorAt(1, QColor(30, 60, 90, 160));
    painter.fillRect(image.rect(), gradient);
    painter.end();
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int grain = int(random.bounded(17u)) - 8;
            const QRgb p = line[x];
            line[x] = qRgb(qBound(0, qRed(p) + grain, 255), qBound(0, qGreen(p) + grain, 255),
                           qBound(0, qBlue(p) + grain, 255));
        }
    }
    const QByteArray jpeg = fixtures::encode(image, "jpeg", 90);
    QFile out(cameraJpegPath());
    if (out.open(QIODevice::WriteOnly))
        out.write(jpeg);
    return jpeg;
}

} // namespace qvd::bench
