#include "app/Application.h"
#include "core/AppInfo.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(qvd::appinfo::kAppName));
    QApplication::setApplicationVersion(QString::fromLatin1(qvd::appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(qvd::appinfo::kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(qvd::appinfo::kOrganizationDomain));
    QApplication::setDesktopFileName(QString::fromLatin1(qvd::appinfo::kAppId));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/qwenvl-desk.svg")));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("qwenvl-desk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Chat with Qwen-VL models about your images."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    qvd::Application application;
    application.mainWindow().show();
    return QApplication::exec();
}
