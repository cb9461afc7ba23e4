#include "app/Application.h"
#include "app/FirstPaintHook.h"
#include "app/StartupProbe.h"
#include "core/AppInfo.h"
#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(qvd::appinfo::kAppName));
    QApplication::setApplicationVersion(QString::fromLatin1(qvd::appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(qvd::appinfo::kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(qvd::appinfo::kOrganizationDomain));
    QApplication::setDesktopFileName(QString::fromLatin1(qvd::appinfo::kAppId));

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

    qvd::MainWindow &window = application.mainWindow();
    const QStringList images = parser.positionalArguments();
    // The window shows first, empty; the history, the keychain and the images to attach follow
    // in the next turn of the event loop.
    qvd::FirstPaintHook::install(&window, [&application, &window, images] {
        application.finishStartup();
        window.attachImages(images);
        if (!qvd::StartupProbe::requested())
            window.openFirstRunIfNeeded();
    });
    // Event filters run newest first: the probe reports the painted frame before that work.
    if (qvd::StartupProbe::requested())
        qvd::StartupProbe::watch(&window);
    window.show();
    return QApplication::exec();
}
