// The app's start-up sets the image decode limit before anything is decoded: an original past
// Qt's own limit opens in "Inspect an Answer" (a decode on the UI thread) without any image
// having been prepared first, instead of showing as damaged.
#include "app/Application.h"
#include "core/models/ModelRegistry.h"
#include "ui/inspector/InspectOnlyWindow.h"

#include "LargePng.h"
#include "TestMain.h"

#include <QApplication>
#include <QImageReader>

class TestLargeOriginals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originalPastQtsLimitOpensAfterStartUp();
};

void TestLargeOriginals::originalPastQtsLimitOpensAfterStartUp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(qvd::test::rgba64Png(4200)) > 0); // 141 MB decoded
    file.close();
    QVERIFY(QImageReader(path).read().isNull()); // before start-up: Qt's default refuses it

    qvd::Application application;
    const qvd::ModelRegistry models;
    qvd::InspectOnlyWindow window(&models);
    QVERIFY(window.openImage(path));
}

QVD_TEST_WIDGETS_MAIN(TestLargeOriginals)

#include "tst_LargeOriginals.moc"
