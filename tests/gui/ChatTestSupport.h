#pragma once

// Shared by the chat GUI tests (tst_Composer, tst_ChatPane, tst_ChatView): image files on
// disk, synthetic drops, DashScope stream events, and screenshots as test artifacts.

#include "HttpTestServer.h"
#include "WireFixtures.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPainter>
#include <QTemporaryDir>
#include <QWidget>

namespace qvd::test {

inline Reply answer(const QString &text, int id = 1)
{
    return Reply().send(kSseHead).send(dashScopeEvent(id, text, "stop"));
}

// A photo-like picture: four coloured quadrants and a diagonal, so thumbnails look real.
inline QImage picture(QSize size, QColor tint = QColor(70, 130, 180))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(tint);
    QPainter painter(&image);
    painter.fillRect(0, 0, size.width() / 2, size.height() / 2, tint.lighter(150));
    painter.fillRect(size.width() / 2, size.height() / 2, size.width() / 2, size.height() / 2,
                     tint.darker(150));
    painter.setPen(QPen(Qt::white, 8));
    painter.drawLine(0, 0, size.width(), size.height());
    return image;
}

inline QString writeImage(const QTemporaryDir &dir, const QString &name, QSize size,
                          QColor tint = QColor(70, 130, 180))
{
    const QString path = dir.filePath(name);
    if (!picture(size, tint).save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

inline QByteArray pngBytes(QSize size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture(size).save(&buffer, "PNG");
    return bytes;
}

// What a file manager or browser does: drag enter, then drop, at the widget's centre.
inline bool drop(QWidget *target, const QMimeData *mime)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent dropped(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    return dropped.isAccepted();
}

inline QMimeData *uriList(const QList<QUrl> &urls)
{
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

// Saves a picture of `widget` into $QVD_TEST_ARTIFACTS (when set) as <name>.png.
inline void saveArtifact(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("QVD_TEST_ARTIFACTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace qvd::test
