#include "core/models/ModelRegistry.h"

#include "TestMain.h"

#include <QFile>
#include <QTemporaryDir>

using qvd::CoordinateSpace;
using qvd::ModelFamily;
using qvd::ModelInfo;
using qvd::ModelListReader;
using qvd::ModelRegistry;

class TestModelRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInListIsEmbeddedInCore();
    void lookup_data();
    void lookup();
    void budgetFollowsFactor();
    void unknownGetsDocumentedDefaults();
    void userFileOverridesAndAdds();
    void userFileErrorsAreReportedNotFatal();
    void invalidJsonIsReported();
    void missingUserFileIsNotAnError();
    void unreadableUserFileIsReported();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

QString TestModelRegistry::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestModelRegistry::builtInListIsEmbeddedInCore()
{
    // A static library's resources are only reachable if their initializer was linked in.
    QVERIFY(QFile::exists(ModelRegistry::builtInPath()));
    const ModelRegistry registry;
    QCOMPARE(registry.errors(), QStringList());
    // The registry trusts the built-in patterns (no compile at start); here they are checked.
    QFile builtIn(ModelRegistry::builtInPath());
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    const ModelListReader checked(builtIn.readAll(), builtIn.fileName());
    QCOMPARE(checked.errors(), QStringList());
    QVERIFY(!checked.patternRules().isEmpty());
    QStringList ids;
    for (const ModelInfo &info : registry.models()) {
        ids.append(info.id);
        QVERIFY2(!info.displayName.isEmpty(), qPrintable(info.id));
        QVERIFY(info.known);
    }
    // The DashScope names of grounding.md §1.6 and dashscope-protocol.md §8.
    const char *const expected[] = {
        "qwen-vl-v1",
        "qwen-vl-chat-v1",
        "qwen-vl-plus",
        "qwen-vl-max",
        "qwen-vl-max-0809",
        "qwen-vl-max-2025-01-25",
        "qwen-vl-max-2025-08-13",
        "qwen-vl-plus-2025-07-10",
        "qwen-vl-plus-2025-08-15",
        "qwen-vl-ocr",
        "qwen2.5-vl-3b-instruct",
        "qwen2.5-vl-7b-instruct",
        "qwen2.5-vl-32b-instruct",
        "qwen2.5-vl-72b-instruct",
        "qwen3-vl-plus",
        "qwen3-vl-flash",
        "qvq-max",
        "qvq-plus",
    };
    for (const char *id : expected)
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

void TestModelRegistry::lookup_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<ModelFamily>("family");
    QTest::addColumn<CoordinateSpace>("space");
    QTest::addColumn<int>("factor");
    QTest::addColumn<bool>("thinking");
    QTest::addColumn<bool>("verified");

    const auto row = [](const char *id, ModelFamily family, CoordinateSpace space, int factor,
                        bool thinking, bool verified) {
        QTest::newRow(id) << QString::fromLatin1(id) << family << space << factor << thinking
                          << verified;
    };
    const auto norm = CoordinateSpace::Norm1000;
    const auto abs = CoordinateSpace::AbsResized;
    // grounding.md §1.6, row by row.
    row("qwen-vl-chat-v1", ModelFamily::QwenVL, norm, 28, false, true);
    row("qwen-vl-max-0809", ModelFamily::Qwen2VL, norm, 28, false, true);
    row("qwen-vl-max-1119", ModelFamily::Qwen2VL, norm, 28, false, false);
    row("qwen-vl-max-2024-11-19", ModelFamily::Qwen2VL, norm, 28, false, false);
    row("qwen-vl-max-2025-01-25", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("qwen-vl-max-2025-04-08", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("qwen2.5-vl-72b-instruct", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("qwen2.5-vl-14b-instruct", ModelFamily::Qwen25VL, abs, 28, false, true);
    // The transitional 32-pixel snapshots: absolute, observed by one third party.
    row("qwen-vl-max-2025-08-13", ModelFamily::Qwen25VL, abs, 32, false, false);
    row("qwen-vl-plus-2025-08-15", ModelFamily::Qwen25VL, abs, 32, false, false);
    row("qwen-vl-plus-2025-07-10", ModelFamily::Qwen25VL, abs, 32, false, false);
    row("qwen-vl-max-2025-11-02", ModelFamily::Qwen25VL, abs, 32, false, false);
    row("qwen3-vl-plus", ModelFamily::Qwen3VL, norm, 32, true, true);
    row("QWEN3-VL-PLUS", ModelFamily::Qwen3VL, norm, 32, true, true);
    row("qwen3-vl-flash-2025-10-15", ModelFamily::Qwen3VL, norm, 32, true, true);
    row("qwen3-vl-30b-a3b-instruct", ModelFamily::Qwen3VL, norm, 32, false, true);
    row("qwen3-vl-4b-thinking", ModelFamily::Qwen3VL, norm, 32, true, true);
    row("qwen3-vl-4b-instruct", ModelFamily::Qwen3VL, norm, 32, false, true);
    // grounding.md §1.5: QVQ always reasons; its space is a guess.
    row("qvq-max", ModelFamily::QVQ, abs, 28, true, false);
    row("qvq-max-2025-03-25", ModelFamily::QVQ, abs, 28, true, false);
    // Local servers: Hugging Face ids (vLLM, LM Studio), Ollama tags, GGUF file names.
    row("Qwen/Qwen2.5-VL-7B-Instruct", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("Qwen/Qwen2-VL-7B-Instruct", ModelFamily::Qwen2VL, norm, 28, false, true);
    row("Qwen/Qwen3-VL-8B-Instruct", ModelFamily::Qwen3VL, norm, 32, false, true);
    row("Qwen/Qwen3-VL-8B-Thinking", ModelFamily::Qwen3VL, norm, 32, true, true);
    row("Qwen/QVQ-72B-Preview", ModelFamily::QVQ, abs, 28, true, false);
    row("Qwen/Qwen-VL-Chat", ModelFamily::QwenVL, norm, 28, false, true);
    row("qwen2.5vl:7b", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("qwen3-vl:8b", ModelFamily::Qwen3VL, norm, 32, false, true);
    row("Qwen2.5-VL-7B-Instruct-Q4_K_M.gguf", ModelFamily::Qwen25VL, abs, 28, false, true);
    row("my-qwen3-vl-finetune", ModelFamily::Qwen3VL, norm, 32, false, true);
    // Not Qwen-VL: documented defaults, flagged unverified so the parser goes by format.
    row("gpt-4o", ModelFamily::Unknown, norm, 28, false, false);
    row("qwen2.5-7b-instruct", ModelFamily::Unknown, norm, 28, false, false);
}

void TestModelRegistry::lookup()
{
    QFETCH(QString, id);
    QFETCH(ModelFamily, family);
    QFETCH(CoordinateSpace, space);
    QFETCH(int, factor);
    QFETCH(bool, thinking);
    QFETCH(bool, verified);

    const ModelRegistry registry;
    const ModelInfo info = registry.find(id);
    QCOMPARE(info.id, id);
    QCOMPARE(info.family, family);
    QCOMPARE(info.space, space);
    QCOMPARE(info.budget.factor, factor);
    QCOMPARE(info.supportsThinking, thinking);
    QCOMPARE(info.spaceVerified, verified);
    QCOMPARE(info.known, family != ModelFamily::Unknown);
}

void TestModelRegistry::budgetFollowsFactor()
{
    const ModelRegistry registry;
    // DashScope: 4 to 1280 tokens of factor² pixels by default (dashscope-protocol.md §3.4).
    const auto qwen25 = registry.find(QStringLiteral("qwen2.5-vl-7b-instruct")).budget;
    QCOMPARE(qwen25.minPixels, 3136); // the OCR capture's min_pixels
    QCOMPARE(qwen25.maxPixels, 1003520); // the OCR capture's max_pixels
    const auto qwen3 = registry.find(QStringLiteral("qwen3-vl-plus")).budget;
    QCOMPARE(qwen3.minPixels, 4096);
    QCOMPARE(qwen3.maxPixels, 1310720);
    QVERIFY(registry.find(QStringLiteral("qvq-max")).streamingOnly);
    QVERIFY(!registry.find(QStringLiteral("qwen3-vl-plus")).streamingOnly);
}

void TestModelRegistry::unknownGetsDocumentedDefaults()
{
    const ModelInfo info = ModelRegistry().find(QStringLiteral("  llava:13b "));
    QCOMPARE(info.id, QStringLiteral("llava:13b"));
    QCOMPARE(info.family, ModelFamily::Unknown);
    QCOMPARE(info.space, CoordinateSpace::Norm1000);
    QCOMPARE(info.budget.factor, 28);
    QCOMPARE(info.budget.minPixels, 3136);
    QCOMPARE(info.budget.maxPixels, 1003520);
    QVERIFY(!info.known);
    QVERIFY(!info.spaceVerified);
    QVERIFY(!info.supportsThinking);
}

void TestModelRegistry::userFileOverridesAndAdds()
{
    const QString path = writeFile(QStringLiteral("override.json"), R"({
        "models": [
            {"id": "Qwen3-VL-Plus", "name": "Mine", "family": "qwen3-vl", "maxTokens": 16384},
            {"id": "lab-grounder", "family": "qwen2.5-vl", "maxPixels": 12845056, "verified": false}
        ],
        "patterns": [
            {"match": "^qwen3-vl-exp", "family": "qwen2.5-vl", "space": "absolute"}
        ]})");
    const ModelRegistry registry(path);
    QCOMPARE(registry.errors(), QStringList());

    const ModelInfo plus = registry.find(QStringLiteral("qwen3-vl-plus"));
    QCOMPARE(plus.displayName, QStringLiteral("Mine"));
    QCOMPARE(plus.budget.maxPixels, 16384LL * 32 * 32);
    QVERIFY(!plus.supportsThinking); // the user's entry replaces ours whole
    const ModelInfo lab = registry.find(QStringLiteral("lab-grounder"));
    QCOMPARE(lab.family, ModelFamily::Qwen25VL);
    QCOMPARE(lab.budget.maxPixels, 12845056);
    QCOMPARE(lab.budget.minPixels, 3136);
    QVERIFY(!lab.spaceVerified);
    // User patterns come before built-in ones ("^qwen3-vl-").
    const ModelInfo exp = registry.find(QStringLiteral("qwen3-vl-exp-1"));
    QCOMPARE(exp.family, ModelFamily::Qwen25VL);
    QCOMPARE(exp.space, CoordinateSpace::Absolute);
    // Built-in entries the user did not touch are still there.
    QCOMPARE(registry.find(QStringLiteral("qvq-max")).family, ModelFamily::QVQ);
    int pluses = 0;
    for (const ModelInfo &info : registry.models())
        pluses += info.id.compare(QLatin1String("qwen3-vl-plus"), Qt::CaseInsensitive) == 0;
    QCOMPARE(pluses, 1);
}

void TestModelRegistry::userFileErrorsAreReportedNotFatal()
{
    const QString path = writeFile(QStringLiteral("broken.json"), R"({
        "models": [
            {"id": "a", "family": "qwen9-vl"},
            {"family": "qwen3-vl"},
            {"id": "b", "family": "qwen3-vl", "factor": -3},
            {"id": "c", "family": "qwen3-vl", "space": "polar"},
            {"id": "d", "family": "qwen3-vl", "minTokens": 100, "maxTokens": 10},
            {"id": "good-one", "family": "qwen3-vl"}
        ],
        "patterns": [ {"match": "qwen(", "family": "qwen3-vl"} ]})");
    const ModelRegistry registry(path);
    const QStringList errors = registry.errors();
    QCOMPARE(errors.size(), 6);
    for (const QString &error : errors)
        QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(errors.at(0).contains(QLatin1String("qwen9-vl")));
    QCOMPARE(registry.find(QStringLiteral("good-one")).family, ModelFamily::Qwen3VL);
    QCOMPARE(registry.find(QStringLiteral("a")).family, ModelFamily::Unknown);
    QCOMPARE(registry.find(QStringLiteral("b")).family, ModelFamily::Unknown);
    QCOMPARE(registry.find(QStringLiteral("qwen2.5-vl-7b-instruct")).family, ModelFamily::Qwen25VL);
}

void TestModelRegistry::invalidJsonIsReported()
{
    const QString path = writeFile(QStringLiteral("bad.json"), R"({"models": [ {"id": "x",} ]})");
    const ModelRegistry registry(path);
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY(registry.errors().first().contains(path));
    QCOMPARE(registry.find(QStringLiteral("qwen3-vl-plus")).family, ModelFamily::Qwen3VL);
}

void TestModelRegistry::missingUserFileIsNotAnError()
{
    const ModelRegistry registry(m_dir.filePath(QStringLiteral("absent.json")));
    QCOMPARE(registry.errors(), QStringList());
    QCOMPARE(registry.find(QStringLiteral("qwen3-vl-plus")).family, ModelFamily::Qwen3VL);
}

void TestModelRegistry::unreadableUserFileIsReported()
{
    // A directory exists but cannot be read as a file.
    const ModelRegistry registry(m_dir.path());
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY(registry.errors().first().contains(m_dir.path()));
}

QVD_TEST_MAIN(TestModelRegistry)
#include "tst_ModelRegistry.moc"
