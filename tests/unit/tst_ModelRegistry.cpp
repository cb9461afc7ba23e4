#include "core/models/JsonEntryLines.h"
#include "core/models/ModelNames.h"
#include "core/models/ModelRegistry.h"

#include "TestMain.h"

#include <QFile>
#include <QTemporaryDir>

using qvd::CoordinateSpace;
using qvd::ModelFamily;
using qvd::ModelInfo;
using qvd::ModelListReader;
using qvd::ModelRegistry;
using qvd::ModelSource;
using qvd::Thinking;

class TestModelRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInListIsEmbeddedInCore();
    void legacyIdsAreKnownButNotOffered();
    void lookup_data();
    void lookup();
    void budgetsFollowThe2026Table_data();
    void budgetsFollowThe2026Table();
    void unknownGetsDocumentedDefaults();
    void userFileOverridesAndAdds();
    void userEntryWithoutFamilyChangesOnlyWhatItNames();
    void userFileErrorsAreReportedWithTheirLine();
    void invalidJsonIsReportedWithLineAndColumn();
    void missingUserFileIsNotAnError();
    void unreadableUserFileIsReported();
    void elementLinesOfRootArrays();
    void familyChosenForAnId();

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
        QCOMPARE(info.source, ModelSource::BuiltIn);
    }
    // The ids of the 2026 table (docs/dashscope-protocol.md §8.1), one of each row at least.
    const char *const expected[] = {
        "qwen3.6-plus",
        "qwen3.5-plus",
        "qwen3.5-flash",
        "qwen3.5-397b-a17b",
        "qwen3-vl-plus",
        "qwen3-vl-plus-2025-12-19",
        "qwen3-vl-flash",
        "qwen3-vl-235b-a22b-thinking",
        "qwen3-vl-8b-instruct",
        "qwen-vl-max",
        "qwen-vl-max-latest",
        "qwen-vl-max-2025-08-13",
        "qwen-vl-plus",
        "qwen-vl-plus-2025-07-10",
        "qwen2.5-vl-72b-instruct",
        "qwen-vl-max-2025-04-08",
        "qwen-vl-plus-2025-05-07",
        "qvq-max",
        "qvq-max-2025-03-25",
        "qwen-vl-ocr",
        "qwen-vl-ocr-2025-11-20",
    };
    for (const char *id : expected)
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

void TestModelRegistry::legacyIdsAreKnownButNotOffered()
{
    const ModelRegistry registry;
    QStringList offered;
    for (const ModelInfo &info : registry.models())
        offered.append(info.id);
    QStringList all;
    for (const ModelInfo &info : registry.allModels())
        all.append(info.id);
    // Not in the 2026 table: old conversations still map, pickers do not offer them.
    for (const char *id : {"qwen-vl-chat-v1", "qwen-vl-max-0809", "qvq-plus", "qvq-72b-preview",
                           "qwen3-vl-32b-thinking"}) {
        const QString name = QString::fromLatin1(id);
        QVERIFY2(!offered.contains(name), id);
        QVERIFY2(all.contains(name), id);
        const ModelInfo info = registry.find(name);
        QVERIFY(info.known);
        QVERIFY(info.legacy);
    }
    QCOMPARE(registry.find(QStringLiteral("qwen-vl-chat-v1")).family, ModelFamily::QwenVL);
    QCOMPARE(registry.find(QStringLiteral("qwen-vl-max-0809")).family, ModelFamily::Qwen2VL);
    QVERIFY(all.size() > offered.size());
}

void TestModelRegistry::lookup_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<ModelFamily>("family");
    QTest::addColumn<CoordinateSpace>("space");
    QTest::addColumn<int>("factor");
    QTest::addColumn<Thinking>("thinking");
    QTest::addColumn<bool>("verified");

    const auto row = [](const char *id, ModelFamily family, CoordinateSpace space, int factor,
                        Thinking thinking, bool verified) {
        QTest::newRow(id) << QString::fromLatin1(id) << family << space << factor << thinking
                          << verified;
    };
    const auto norm = CoordinateSpace::Norm1000;
    const auto abs = CoordinateSpace::AbsResized;
    const auto none = Thinking::NotApplicable;
    // docs/grounding.md §1.6 and docs/dashscope-protocol.md §8.1, row by row.
    row("qwen-vl-chat-v1", ModelFamily::QwenVL, norm, 28, none, true);
    row("qwen-vl-max-0809", ModelFamily::Qwen2VL, norm, 28, none, true);
    row("qwen-vl-max-1119", ModelFamily::Qwen2VL, norm, 28, none, false);
    row("qwen-vl-max-2024-11-19", ModelFamily::Qwen2VL, norm, 28, none, false);
    row("qwen-vl-max-2025-01-25", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("qwen-vl-max-2025-04-08", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("qwen-vl-plus-2025-05-07", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("qwen2.5-vl-72b-instruct", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("qwen2.5-vl-14b-instruct", ModelFamily::Qwen25VL, abs, 28, none, true);
    // The 32-pixel aliases and snapshots: absolute, observed by one third party.
    row("qwen-vl-max", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-plus", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-max-latest", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-max-2025-08-13", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-plus-2025-08-15", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-plus-2025-07-10", ModelFamily::Qwen25VL, abs, 32, none, false);
    row("qwen-vl-max-2025-11-02", ModelFamily::Qwen25VL, abs, 32, none, false);
    // Qwen3-VL: plus/flash switch thinking (default off), *-thinking always think.
    row("qwen3-vl-plus", ModelFamily::Qwen3VL, norm, 32, Thinking::Off, true);
    row("QWEN3-VL-PLUS", ModelFamily::Qwen3VL, norm, 32, Thinking::Off, true);
    row("qwen3-vl-flash-2025-10-15", ModelFamily::Qwen3VL, norm, 32, Thinking::Off, true);
    row("qwen3-vl-flash-2025-10-15-us", ModelFamily::Qwen3VL, norm, 32, Thinking::Off, true);
    row("qwen3-vl-30b-a3b-instruct", ModelFamily::Qwen3VL, norm, 32, none, true);
    row("qwen3-vl-235b-a22b-thinking", ModelFamily::Qwen3VL, norm, 32, Thinking::Always, true);
    row("qwen3-vl-4b-thinking", ModelFamily::Qwen3VL, norm, 32, Thinking::Always, true);
    row("qwen3-vl-4b-instruct", ModelFamily::Qwen3VL, norm, 32, none, true);
    // Qwen3.5 / Qwen3.6: 0..1000 by a third-party report; thinking switchable.
    row("qwen3.6-plus", ModelFamily::Qwen35, norm, 32, Thinking::On, false);
    row("qwen3.5-flash", ModelFamily::Qwen35, norm, 32, Thinking::On, false);
    row("qwen3.5-9b", ModelFamily::Qwen35, norm, 32, Thinking::On, false);
    // OCR: Qwen3-VL based now; the 2025-04 snapshot was Qwen2.5-VL.
    row("qwen-vl-ocr", ModelFamily::Qwen3VL, norm, 32, none, false);
    row("qwen-vl-ocr-latest", ModelFamily::Qwen3VL, norm, 32, none, false);
    row("qwen-vl-ocr-2025-04-13", ModelFamily::Qwen25VL, abs, 28, none, true);
    // docs/grounding.md §1.5: QVQ always reasons; its space is a guess.
    row("qvq-max", ModelFamily::QVQ, abs, 28, Thinking::Always, false);
    row("qvq-max-2025-03-25", ModelFamily::QVQ, abs, 28, Thinking::Always, false);
    // Local servers: Hugging Face ids (vLLM, LM Studio), Ollama tags, GGUF file names.
    row("Qwen/Qwen2.5-VL-7B-Instruct", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("Qwen/Qwen2-VL-7B-Instruct", ModelFamily::Qwen2VL, norm, 28, none, true);
    row("Qwen/Qwen3-VL-8B-Instruct", ModelFamily::Qwen3VL, norm, 32, none, true);
    row("Qwen/Qwen3-VL-8B-Thinking", ModelFamily::Qwen3VL, norm, 32, Thinking::Always, true);
    row("Qwen/Qwen3.5-27B", ModelFamily::Qwen35, norm, 32, Thinking::On, false);
    row("qwen3.5:27b", ModelFamily::Qwen35, norm, 32, Thinking::On, false);
    row("Qwen/QVQ-72B-Preview", ModelFamily::QVQ, abs, 28, Thinking::Always, false);
    row("Qwen/Qwen-VL-Chat", ModelFamily::QwenVL, norm, 28, none, true);
    row("qwen2.5vl:7b", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("qwen3-vl:8b", ModelFamily::Qwen3VL, norm, 32, none, true);
    row("Qwen2.5-VL-7B-Instruct-Q4_K_M.gguf", ModelFamily::Qwen25VL, abs, 28, none, true);
    row("my-qwen3-vl-finetune", ModelFamily::Qwen3VL, norm, 32, none, true);
    // Not Qwen-VL: documented defaults, flagged unverified so the parser goes by format.
    row("gpt-4o", ModelFamily::Unknown, norm, 28, none, false);
    row("qwen2.5-7b-instruct", ModelFamily::Unknown, norm, 28, none, false);
    row("qwen3-32b", ModelFamily::Unknown, norm, 28, none, false);
}

void TestModelRegistry::lookup()
{
    QFETCH(QString, id);
    QFETCH(ModelFamily, family);
    QFETCH(CoordinateSpace, space);
    QFETCH(int, factor);
    QFETCH(Thinking, thinking);
    QFETCH(bool, verified);

    const ModelRegistry registry;
    const ModelInfo info = registry.find(id);
    QCOMPARE(info.id, id);
    QCOMPARE(info.family, family);
    QCOMPARE(info.space, space);
    QCOMPARE(info.budget.factor, factor);
    QCOMPARE(info.thinking, thinking);
    QCOMPARE(info.spaceVerified, verified);
    QCOMPARE(info.known, family != ModelFamily::Unknown);
}

void TestModelRegistry::budgetsFollowThe2026Table_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("minPixels");
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<qint64>("ceiling");
    QTest::addColumn<bool>("thinkingBudget");
    QTest::addColumn<bool>("streamingOnly");
    const auto row = [](const char *id, qint64 min, qint64 max, qint64 ceiling, bool budget,
                        bool streaming) {
        QTest::newRow(id) << QString::fromLatin1(id) << min << max << ceiling << budget
                          << streaming;
    };
    // docs/dashscope-protocol.md §8.1, column by column: min_pixels (the floor), default
    // max_pixels, ceiling; thinking_budget where thinking applies; QVQ streams only (§8).
    row("qwen3.6-plus", 65536, 2621440, 16777216, true, false);
    row("qwen3.5-plus", 65536, 2621440, 16777216, true, false);
    row("qwen3-vl-plus", 65536, 2621440, 16777216, true, false);
    row("qwen3-vl-8b-thinking", 65536, 2621440, 16777216, true, false);
    row("qwen-vl-max", 4096, 1310720, 16777216, false, false);
    row("qwen-vl-plus-2025-08-15", 4096, 1310720, 16777216, false, false);
    row("qwen2.5-vl-7b-instruct", 3136, 1003520, 12845056, false, false);
    row("qwen-vl-max-2025-04-08", 3136, 1003520, 12845056, false, false);
    row("qvq-max", 3136, 1003520, 12845056, false, true);
    row("qwen-vl-ocr", 3072, 8388608, 16777216, false, false);
}

void TestModelRegistry::budgetsFollowThe2026Table()
{
    QFETCH(QString, id);
    QFETCH(qint64, minPixels);
    QFETCH(qint64, maxPixels);
    QFETCH(qint64, ceiling);
    QFETCH(bool, thinkingBudget);
    QFETCH(bool, streamingOnly);
    const ModelInfo info = ModelRegistry().find(id);
    QCOMPARE(info.budget.minPixels, minPixels);
    QCOMPARE(info.budget.maxPixels, maxPixels);
    QCOMPARE(info.maxPixelsCeiling, ceiling);
    QCOMPARE(info.thinkingBudget && info.canThink(), thinkingBudget);
    QCOMPARE(info.streamingOnly, streamingOnly);
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
    QCOMPARE(info.thinking, Thinking::NotApplicable);
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
    QCOMPARE(plus.source, ModelSource::User);
    // With a family the user's entry replaces ours whole: qwen3-vl's defaults, no thinking.
    QCOMPARE(plus.thinking, Thinking::NotApplicable);
    const ModelInfo lab = registry.find(QStringLiteral("lab-grounder"));
    QCOMPARE(lab.family, ModelFamily::Qwen25VL);
    QCOMPARE(lab.budget.maxPixels, 12845056);
    QCOMPARE(lab.budget.minPixels, 3136);
    QVERIFY(!lab.spaceVerified);
    QCOMPARE(lab.source, ModelSource::User);
    // User patterns come before built-in ones ("^qwen3-vl-").
    const ModelInfo exp = registry.find(QStringLiteral("qwen3-vl-exp-1"));
    QCOMPARE(exp.family, ModelFamily::Qwen25VL);
    QCOMPARE(exp.space, CoordinateSpace::Absolute);
    // Built-in entries the user did not touch are still there, still built-in.
    QCOMPARE(registry.find(QStringLiteral("qvq-max")).family, ModelFamily::QVQ);
    QCOMPARE(registry.find(QStringLiteral("qvq-max")).source, ModelSource::BuiltIn);
    int pluses = 0;
    QStringList ids;
    for (const ModelInfo &info : registry.models()) {
        pluses += info.id.compare(QLatin1String("qwen3-vl-plus"), Qt::CaseInsensitive) == 0;
        ids.append(info.id);
    }
    QCOMPARE(pluses, 1);
    // A changed entry keeps its place; a new one is offered at the end.
    QStringList builtInIds;
    for (const ModelInfo &info : ModelRegistry().models())
        builtInIds.append(info.id);
    QCOMPARE(ids.indexOf(QStringLiteral("Qwen3-VL-Plus")),
             builtInIds.indexOf(QStringLiteral("qwen3-vl-plus")));
    QCOMPARE(ids.last(), QStringLiteral("lab-grounder"));
}

void TestModelRegistry::userEntryWithoutFamilyChangesOnlyWhatItNames()
{
    const QString path = writeFile(QStringLiteral("change.json"), R"({
        "models": [
            {"id": "qwen-vl-max", "factor": 28, "maxPixels": 1003520, "minPixels": 3136},
            {"id": "qwen3-vl-flash", "thinking": "on", "legacy": true}
        ]})");
    const ModelRegistry registry(path);
    QCOMPARE(registry.errors(), QStringList());
    const ModelInfo max = registry.find(QStringLiteral("qwen-vl-max"));
    // Named: patch and budget. Kept from the built-in entry: family, space, name, ceiling.
    QCOMPARE(max.budget.factor, 28);
    QCOMPARE(max.budget.maxPixels, 1003520);
    QCOMPARE(max.budget.minPixels, 3136);
    QCOMPARE(max.family, ModelFamily::Qwen25VL);
    QCOMPARE(max.space, CoordinateSpace::AbsResized);
    QCOMPARE(max.displayName, QStringLiteral("Qwen-VL Max"));
    QCOMPARE(max.maxPixelsCeiling, 16777216);
    QCOMPARE(max.source, ModelSource::User);
    const ModelInfo flash = registry.find(QStringLiteral("qwen3-vl-flash"));
    QCOMPARE(flash.thinking, Thinking::On);
    QCOMPARE(flash.budget.maxPixels, 2621440);
    QVERIFY(flash.legacy);
    QStringList offered;
    for (const ModelInfo &info : registry.models())
        offered.append(info.id);
    QVERIFY(!offered.contains(QStringLiteral("qwen3-vl-flash")));
    QVERIFY(offered.contains(QStringLiteral("qwen-vl-max")));
}

void TestModelRegistry::userFileErrorsAreReportedWithTheirLine()
{
    const QString path = writeFile(QStringLiteral("broken.json"),
                                   "{\n"
                                   "  \"models\": [\n"
                                   "    {\"id\": \"a\", \"family\": \"qwen9-vl\"},\n" // line 3
                                   "    {\"family\": \"qwen3-vl\"},\n" // 4
                                   "    {\"id\": \"b\", \"family\": \"qwen3-vl\",\n" // 5
                                   "     \"factor\": -3},\n"
                                   "    {\"id\": \"c\", \"family\": \"qwen3-vl\", \"space\": "
                                   "\"polar\"},\n" // 7
                                   "    {\"id\": \"d\", \"family\": \"qwen3-vl\", \"minTokens\": "
                                   "100, \"maxTokens\": 10},\n" // 8
                                   "    {\"id\": \"e\", \"family\": \"qwen3-vl\", \"maxPixel\": "
                                   "5},\n" // 9
                                   "    {\"id\": \"new-one\"},\n" // 10: no family, not built in
                                   "    \"qwen3-vl-plus\",\n" // 11
                                   "    {\"id\": \"good-one\", \"family\": \"qwen3-vl\"}\n"
                                   "  ],\n"
                                   "  \"patterns\": [ {\"match\": \"qwen(\", \"family\": "
                                   "\"qwen3-vl\"} ]\n" // 14
                                   "}\n");
    const ModelRegistry registry(path);
    const QStringList errors = registry.errors();
    const QStringList expectedPrefixes{
        path + QStringLiteral(":3: "),  path + QStringLiteral(":4: "),
        path + QStringLiteral(":5: "),  path + QStringLiteral(":7: "),
        path + QStringLiteral(":8: "),  path + QStringLiteral(":9: "),
        path + QStringLiteral(":10: "), path + QStringLiteral(":11: "),
        path + QStringLiteral(":14: "),
    };
    QCOMPARE(errors.size(), expectedPrefixes.size());
    for (int i = 0; i < errors.size(); ++i)
        QVERIFY2(errors[i].startsWith(expectedPrefixes[i]), qPrintable(errors[i]));
    QVERIFY(errors[0].contains(QLatin1String("qwen9-vl")));
    QVERIFY(errors[3].contains(QLatin1String("space")));
    QVERIFY(errors[5].contains(QLatin1String("maxPixel")));
    // The rest of the file counts; bad entries are ignored, never fatal.
    QCOMPARE(registry.find(QStringLiteral("good-one")).family, ModelFamily::Qwen3VL);
    for (const char *bad : {"a", "b", "c", "d", "e", "new-one"})
        QCOMPARE(registry.find(QString::fromLatin1(bad)).family, ModelFamily::Unknown);
    QCOMPARE(registry.find(QStringLiteral("qwen2.5-vl-7b-instruct")).family, ModelFamily::Qwen25VL);
    QCOMPARE(registry.find(QStringLiteral("qwen3-vl-plus")).source, ModelSource::BuiltIn);
}

void TestModelRegistry::invalidJsonIsReportedWithLineAndColumn()
{
    const QString path =
        writeFile(QStringLiteral("bad.json"), "{\"models\": [\n  {\"id\": \"x\",}\n]}\n");
    const ModelRegistry registry(path);
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY2(registry.errors().first().startsWith(path + QStringLiteral(":2: ")),
             qPrintable(registry.errors().first()));
    QVERIFY(registry.errors().first().contains(QLatin1String("column")));
    // Nothing of the file counts; the built-in list does.
    QCOMPARE(registry.find(QStringLiteral("x")).family, ModelFamily::Unknown);
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

void TestModelRegistry::elementLinesOfRootArrays()
{
    const QByteArray json =
        "{\"about\": [\"a [x] {y}\", \"b\"],\n"
        " \"models\": [\n"
        "   {\"id\": \"m1\", \"note\": \"a, b ] }\"},\n"
        "\n"
        "   {\"id\": \"m2\", \"nested\": [1, 2, {\"k\": [3]}]}, {\"id\": \"m3\"}\n"
        " ],\n"
        " \"patterns\": [], \"x\": {\"models\": [{}]}}";
    const auto lines = qvd::arrayElementLines(json);
    QCOMPARE(lines.value(QStringLiteral("about")), QList<int>({1, 1}));
    QCOMPARE(lines.value(QStringLiteral("models")), QList<int>({3, 5, 5}));
    QVERIFY(lines.contains(QStringLiteral("patterns")));
    QCOMPARE(lines.value(QStringLiteral("patterns")), QList<int>());
    const auto at = qvd::positionOf("ab\ncd\n中文x", 12);
    QCOMPARE(at.line, 3);
    QCOMPARE(at.column, 3); // two characters (six bytes) before it on its line
}

void TestModelRegistry::familyChosenForAnId()
{
    const ModelRegistry registry;
    ModelInfo guess = registry.find(QStringLiteral("my-finetune"));
    guess.displayName = QStringLiteral("Mine");
    QCOMPARE(guess.family, ModelFamily::Unknown);
    const ModelInfo chosen = ModelRegistry::withFamily(guess, ModelFamily::Qwen25VL);
    QCOMPARE(chosen.id, QStringLiteral("my-finetune"));
    QCOMPARE(chosen.displayName, QStringLiteral("Mine"));
    QCOMPARE(chosen.family, ModelFamily::Qwen25VL);
    QCOMPARE(chosen.space, CoordinateSpace::AbsResized);
    QCOMPARE(chosen.budget.factor, 28);
    QVERIFY(chosen.known);
    QCOMPARE(qvd::familyName(ModelFamily::Qwen35), QStringLiteral("qwen3.5"));
    QCOMPARE(qvd::familyFromName(u"qwen2.5-vl").value_or(ModelFamily::Unknown),
             ModelFamily::Qwen25VL);
    QCOMPARE(qvd::thinkingFromName(u"always").value_or(Thinking::NotApplicable), Thinking::Always);
    QCOMPARE(qvd::modelSourceName(ModelSource::Server), QStringLiteral("server"));
}

QVD_TEST_MAIN(TestModelRegistry)
#include "tst_ModelRegistry.moc"
