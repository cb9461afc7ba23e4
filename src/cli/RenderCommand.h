#pragma once

#include <QStringList>

#include <memory>

class QCoreApplication;
class QTextStream;

namespace qvd::cli {

// `qwenvl-desk-cli render --image PATH [--text FILE|-] --output OUT.png`: the image, upright,
// at full resolution, with the answer's detections drawn as the app draws them.
int runRenderCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

// The CLI's application object: a QGuiApplication on the headless "offscreen" platform (unless
// QT_QPA_PLATFORM says otherwise) when the command is render, since drawing labels needs
// fonts; a QCoreApplication for every other command.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv);

} // namespace qvd::cli
