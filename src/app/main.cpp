#include "app/Application.h"
#include "core/imaging/ImageArgument.h"

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

    // Read here, in the folder the launch came from, whichever window gets them.
    const QStringList images = qvd::localImagePaths(parser.positionalArguments());
    if (application.handOverToRunningInstance(images))
        return 0; // the running window took the images
    application.start(images);
    return QApplication::exec();
}
