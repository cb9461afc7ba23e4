#pragma once

// Helpers for tests that compare detections by what the spec fixes: kind, label, coordinates.

#include "core/grounding/Detection.h"

#include <QStringList>
#include <QtTest>

namespace qvd::test {

using Detections = QList<Detection>;

inline Detection box(qreal x1, qreal y1, qreal x2, qreal y2, const char *label = "")
{
    return Detection::box(x1, y1, x2, y2, QString::fromUtf8(label));
}

inline Detection point(qreal x, qreal y, const char *label = "")
{
    return Detection::point(x, y, QString::fromUtf8(label));
}

inline Detection quad(const QList<QPointF> &corners, const char *label = "")
{
    Detection d;
    d.kind = DetectionKind::Quad;
    d.quad = QPolygonF(corners);
    d.rect = d.quad.boundingRect();
    d.label = QString::fromUtf8(label);
    return d;
}

inline QString describe(const Detection &d)
{
    static const char *kinds[] = {"box", "point", "quad"};
    return QStringLiteral("%1 '%2' (%3,%4),(%5,%6)")
        .arg(QLatin1String(kinds[int(d.kind)]), d.label)
        .arg(d.rect.left())
        .arg(d.rect.top())
        .arg(d.rect.right())
        .arg(d.rect.bottom());
}

inline QString describe(const Detections &list)
{
    QStringList lines;
    for (const Detection &d : list)
        lines.append(describe(d));
    return lines.join(QLatin1Char('\n'));
}

// Kind, label and coordinates: what the spec and corpus fix (not spans or attributes).
inline bool sameShape(const Detections &actual, const Detections &expected)
{
    if (actual.size() != expected.size())
        return false;
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const Detection &a = actual[i];
        const Detection &e = expected[i];
        if (a.kind != e.kind || a.label != e.label || a.rect != e.rect || a.quad != e.quad)
            return false;
    }
    return true;
}

} // namespace qvd::test

#define COMPARE_SHAPES(actual, expected)                                                           \
    QVERIFY2(qvd::test::sameShape(actual, expected),                                               \
             qPrintable(QStringLiteral("actual:\n%1\nexpected:\n%2")                               \
                            .arg(qvd::test::describe(actual), qvd::test::describe(expected))))
