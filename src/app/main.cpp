#include "app/Application.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    qvd::Application::applyIdentity();

    // Services first: the language saved in the settings translates the help text too.
    qvd::Application application;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Chat with Qwen-VL models about your images."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("images"),
                                 QApplication::translate("main", "Images to attach to the chat."),
                                 QStringLiteral("[IMAGE…]"));
    parser.process(app);

    if (application.handOverToRunningInstance(parser.positionalArguments()))
        return 0; // the running window took the images
    application.start(parser.positionalArguments());
    return QApplication::exec();
}
