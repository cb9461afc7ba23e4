// qvd-render-icon: renders the app's SVG icon into the raster files each platform wants, at build
// time, so no PNG/ICO/ICNS binaries live in the repository. It uses Qt Svg, which the build needs
// anyway, so Linux, Windows and macOS builds get the same pixels without ImageMagick, librsvg or
// iconutil.
//
//   qvd-render-icon ICON.svg OUT.png SIZE    one square PNG (hicolor NxN/apps)
//   qvd-render-icon ICON.svg OUT.ico         Windows icon: PNG-compressed 16…256 entries
//   qvd-render-icon ICON.svg OUT.icns        macOS icon: PNG-compressed 16…1024 entries
//
// Output is deterministic for a given Qt version: no timestamps, fixed entry order.

#include <QBuffer>
#include <QByteArray>
#include <QDataStream>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>
#include <utility>
#include <vector>

namespace {

QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    // Fixed resolution (72 dpi) so the pHYs chunk never depends on the build machine.
    image.setDotsPerMeterX(2835);
    image.setDotsPerMeterY(2835);
    if (!image.save(&buffer, "PNG"))
        return {};
    return png;
}

// ICO: 6-byte header, one 16-byte directory entry per image, then the PNG data (Vista and later
// read PNG-compressed entries; a width/height byte of 0 means 256). Little-endian.
QByteArray makeIco(QSvgRenderer &renderer)
{
    const std::vector<int> sizes{16, 24, 32, 48, 64, 128, 256};
    std::vector<QByteArray> images;
    for (int size : sizes)
        images.push_back(renderPng(renderer, size));

    QByteArray ico;
    QDataStream out(&ico, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint16(0) << quint16(1) << quint16(sizes.size());
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const quint8 side = sizes[i] >= 256 ? 0 : quint8(sizes[i]);
        out << side << side << quint8(0) << quint8(0) << quint16(1) << quint16(32)
            << quint32(images[i].size()) << offset;
        offset += quint32(images[i].size());
    }
    for (const QByteArray &png : images)
        out.writeRawData(png.constData(), int(png.size()));
    return ico;
}

// ICNS: "icns" + total length, then entries of 4-char type + length (header included) + PNG.
// Big-endian. The types are Apple's PNG-capable ones; "@2x" entries reuse the doubled size.
QByteArray makeIcns(QSvgRenderer &renderer)
{
    const std::vector<std::pair<const char *, int>> entries{
        {"icp4", 16},   {"icp5", 32}, {"icp6", 64}, {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
        {"ic10", 1024}, {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512},
    };
    QByteArray body;
    QDataStream out(&body, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::BigEndian);
    for (const auto &[type, size] : entries) {
        const QByteArray png = renderPng(renderer, size);
        out.writeRawData(type, 4);
        out << quint32(8 + png.size());
        out.writeRawData(png.constData(), int(png.size()));
    }
    QByteArray icns;
    QDataStream head(&icns, QIODevice::WriteOnly);
    head.setByteOrder(QDataStream::BigEndian);
    head.writeRawData("icns", 4);
    head << quint32(8 + body.size());
    icns.append(body);
    return icns;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "qvd-render-icon: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3 || argc > 4)
        return fail(QStringLiteral("usage: qvd-render-icon ICON.svg OUT.{png SIZE|ico|icns}"));
    const QString svgPath = QString::fromLocal8Bit(argv[1]);
    const QString outPath = QString::fromLocal8Bit(argv[2]);

    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid())
        return fail(QStringLiteral("cannot read SVG %1").arg(svgPath));

    QByteArray data;
    if (outPath.endsWith(QLatin1String(".png"))) {
        bool ok = false;
        const int size = argc == 4 ? QString::fromLatin1(argv[3]).toInt(&ok) : 0;
        if (!ok || size < 1 || size > 4096)
            return fail(QStringLiteral("a PNG needs a size between 1 and 4096"));
        data = renderPng(renderer, size);
    } else if (outPath.endsWith(QLatin1String(".ico"))) {
        data = makeIco(renderer);
    } else if (outPath.endsWith(QLatin1String(".icns"))) {
        data = makeIcns(renderer);
    } else {
        return fail(QStringLiteral("unknown output type: %1").arg(outPath));
    }
    if (data.isEmpty())
        return fail(QStringLiteral("rendering failed for %1").arg(outPath));

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
}
