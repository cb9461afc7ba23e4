#pragma once

#include "core/grounding/MappedDetection.h"

#include <QCoreApplication>
#include <QStringList>

namespace qvd {

// A data set's class list file (classes.txt, obj.names): one class name per line, the line's
// position (from 0) its number in YOLO label files. Positions are kept as they are: an empty
// line in the middle still holds a number, so reading and writing never renumbers a class.
class ClassList
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ClassList)

public:
    // The default file name in a data set's folder.
    static QString defaultFileName() { return QStringLiteral("classes.txt"); }

    static QStringList parse(const QByteArray &text);
    static QByteArray serialize(const QStringList &classes);

    // The list in `path`; an empty list when the file does not exist yet. False (and a
    // translated *error) when it exists but cannot be read.
    static bool read(const QString &path, QStringList &classes, QString *error = nullptr);
    // Replaces `path` atomically (QSaveFile): readers never see half a list.
    static bool write(const QString &path, const QStringList &classes, QString *error = nullptr);
};

} // namespace qvd
