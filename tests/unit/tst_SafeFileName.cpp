// File names from imported text: always one plain name inside the chosen folder.
#include "core/storage/SafeFileName.h"

#include "TestMain.h"

using qvd::storage::imageFileExtension;
using qvd::storage::safeFileName;

class TestSafeFileName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void longNamesAreCutWholeCharacters();
    void imageExtensionsAreKnownOnes();
};

void TestSafeFileName::names_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("海滩上的狗") << QStringLiteral("海滩上的狗");
    QTest::newRow("parent") << QStringLiteral("../../etc/passwd")
                            << QStringLiteral("_.._etc_passwd");
    QTest::newRow("windows parent")
        << QStringLiteral("..\\..\\boot.ini") << QStringLiteral("_.._boot.ini");
    QTest::newRow("absolute") << QStringLiteral("/tmp/x") << QStringLiteral("_tmp_x");
    QTest::newRow("drive") << QStringLiteral("C:\\x") << QStringLiteral("C__x");
    QTest::newRow("dots only") << QStringLiteral(" .. ") << QStringLiteral("fallback");
    QTest::newRow("hidden") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
    QTest::newRow("trailing dots") << QStringLiteral("name. . ") << QStringLiteral("name");
    QTest::newRow("device") << QStringLiteral("CON") << QStringLiteral("_CON");
    QTest::newRow("device with extension")
        << QStringLiteral("lpt1.txt") << QStringLiteral("_lpt1.txt");
    QTest::newRow("not a device") << QStringLiteral("CONSOLE") << QStringLiteral("CONSOLE");
    QTest::newRow("windows refuses")
        << QStringLiteral("a<b>c:d\"e|f?g*h") << QStringLiteral("a_b_c_d_e_f_g_h");
    QTest::newRow("control and lines") << QStringLiteral("a\nb\tc\x01"
                                                         "d\u202Ee")
                                       << QStringLiteral("a b c_d_e");
    QTest::newRow("empty") << QString() << QStringLiteral("fallback");
}

void TestSafeFileName::names()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(safeFileName(text, QStringLiteral("fallback")), expected);
}

void TestSafeFileName::longNamesAreCutWholeCharacters()
{
    const QString dogs = QString(200, u'x') + QStringLiteral("🐶");
    QCOMPARE(safeFileName(dogs, QStringLiteral("f")).size(), 100);
    // Surrogate pairs: the 100th unit is the first half of one, which goes with it.
    const QString emoji = u'a' + QStringLiteral("🐶").repeated(60);
    const QString cut = safeFileName(emoji, QStringLiteral("f"));
    QCOMPARE(cut, u'a' + QStringLiteral("🐶").repeated(49));
}

void TestSafeFileName::imageExtensionsAreKnownOnes()
{
    QCOMPARE(imageFileExtension(QStringLiteral("jpeg")), QStringLiteral("jpg"));
    QCOMPARE(imageFileExtension(QStringLiteral("PNG")), QStringLiteral("png"));
    QCOMPARE(imageFileExtension(QStringLiteral("tiff")), QStringLiteral("tif"));
    QCOMPARE(imageFileExtension(QStringLiteral("webp")), QStringLiteral("webp"));
    QCOMPARE(imageFileExtension(QStringLiteral("../../x")), QStringLiteral("img"));
    QCOMPARE(imageFileExtension(QStringLiteral("exe")), QStringLiteral("img"));
    QCOMPARE(imageFileExtension(QString()), QStringLiteral("img"));
}

QVD_TEST_MAIN(TestSafeFileName)
#include "tst_SafeFileName.moc"
