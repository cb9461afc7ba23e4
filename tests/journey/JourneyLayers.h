#pragma once

// Shared by the journeys of ground truth, corrected boxes and model against model: answering
// with boxes, choosing files in Qt's own file dialog, reading the inspector's layers.

#include "core/session/DeskSession.h"
#include "ui/inspector/InspectorLayers.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/inspector/TruthPanel.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "WireFixtures.h"

#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTimer>

#include <functional>

namespace qvd::test {

// Whether every edge of `actual` is within `tolerance` of `expected`'s.
inline bool near(const QRectF &actual, const QRectF &expected, qreal tolerance)
{
    return qAbs(actual.left() - expected.left()) <= tolerance
        && qAbs(actual.top() - expected.top()) <= tolerance
        && qAbs(actual.right() - expected.right()) <= tolerance
        && qAbs(actual.bottom() - expected.bottom()) <= tolerance;
}

// A box as "left,top – right,bottom", for failure messages.
inline QString describe(const QRectF &r)
{
    return QStringLiteral("%1,%2 – %3,%4")
        .arg(r.left())
        .arg(r.top())
        .arg(r.right())
        .arg(r.bottom());
}

// A DashScope answer whose usage names `imageTokens` (what the server saw of the image).
inline Reply answerWithTokens(const QString &text, qint64 imageTokens)
{
    const QJsonObject message{
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}},
        {QStringLiteral("role"), QStringLiteral("assistant")}};
    const QJsonObject output{
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("message"), message},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}};
    const QJsonObject data{{QStringLiteral("output"), output},
                           {QStringLiteral("request_id"), QStringLiteral("req-tokens")},
                           {QStringLiteral("usage"),
                            QJsonObject{{QStringLiteral("input_tokens"), 700},
                                        {QStringLiteral("output_tokens"), 40},
                                        {QStringLiteral("image_tokens"), imageTokens}}}};
    return Reply().send(kSseHead).send("id:1\nevent:result\n:HTTP_STATUS/200\ndata:"
                                       + QJsonDocument(data).toJson(QJsonDocument::Compact)
                                       + "\n\n");
}

// Calls `open`, which shows a modal dialog of type T and waits in its event loop, and answers
// the dialog with `answer` from a timer inside that loop, the way a person fills it in and
// presses OK. `answer` is called again every 20 ms until it returns true (it answered). False
// when no such dialog came, or it was not answered, within 10 s.
template<typename T>
bool answerModal(const std::function<void()> &open, const std::function<bool(T *)> &answer)
{
    bool answered = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<T *>(widget);
            if (!dialog || !dialog->isVisible())
                continue;
            if (answer(dialog)) {
                poll.stop();
                answered = true;
            }
            return;
        }
    });
    poll.start();
    // Not answered in time: close the dialog, so the test fails instead of hanging.
    QTimer::singleShot(10000, &poll, [&poll] {
        poll.stop();
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<T *>(widget); dialog && dialog->isVisible())
                dialog->reject();
        }
    });
    open(); // returns once the dialog is answered
    return answered;
}

// Triggers `action`, which opens a file dialog, and chooses `path` there as a person does:
// types the whole path into the name field and presses Open or Save.
inline bool chooseInFileDialog(QAction *action, const QString &path)
{
    return answerModal<QFileDialog>([action] { action->trigger(); },
                                    [path](QFileDialog *dialog) {
                                        auto *name = dialog->findChild<QLineEdit *>(
                                            QStringLiteral("fileNameEdit"));
                                        if (!name)
                                            return false;
                                        name->setText(path);
                                        // QFileDialog's own accept() is protected.
                                        static_cast<QDialog *>(dialog)->accept();
                                        return true;
                                    });
}

inline InspectorLayers *layersOf(JourneyApp &journey)
{
    return journey.window().inspector()->layers();
}

inline TruthPanel *truthPanelOf(JourneyApp &journey)
{
    return layersOf(journey)->truthPanel();
}

// The inspector's tab showing `page`.
inline void showTab(JourneyApp &journey, QWidget *page)
{
    QTabWidget *tabs = journey.window().inspector()->tabs();
    tabs->setCurrentIndex(tabs->indexOf(page));
}

// The figures of the Ground truth tab as shown: "tp fp fn".
inline QString shownCounts(JourneyApp &journey)
{
    TruthPanel *panel = truthPanelOf(journey);
    return QStringLiteral("%1 %2 %3")
        .arg(panel->figure(QStringLiteral("tp")), panel->figure(QStringLiteral("fp")),
             panel->figure(QStringLiteral("fn")));
}

// The on-screen colour at `point` of the inspector's canvas, as a person sees it.
inline QColor canvasPixel(JourneyApp &journey, QPointF viewportPoint)
{
    ImageCanvas *canvas = journey.canvas();
    const QImage shot = canvas->viewport()->grab().toImage();
    return shot.pixelColor(viewportPoint.toPoint());
}

inline int colourDistance(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
}

} // namespace qvd::test
