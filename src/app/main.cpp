#include "app/Application.h"
#include "app/StartupProbe.h"
#include "core/AppInfo.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(qvd::appinfo::kAppName));
    QApplication::setApplicationVersion(QString::fromLatin1(qvd::appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(qvd::appinfo::kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(qvd::appinfo::kOrganizationDomain));
    QApplication::setDesktopFileName(QString::fromLatin1(qvd::appinfo::kAppId));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qwenvl-desk.svg")));

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
    if (qvd::StartupProbe::requested())
        qvd::StartupProbe::watch(&window);
    window.show();
    window.workspace()->restoreLastConversation();
    window.attachImages(parser.positionalArguments());
    if (!qvd::StartupProbe::requested())
        window.openFirstRunIfNeeded();
    return QApplication::exec();
}
