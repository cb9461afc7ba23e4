// Settings on a real INI file in a temporary directory.
#include "core/settings/Settings.h"

#include "TestMain.h"

#include <QDir>

using qvd::EndpointProfile;
using qvd::ProxySettings;
using qvd::Settings;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshSettingsListTheBuiltIns();
    void customProfileRoundTripsThroughTheFile();
    void changedBuiltInKeepsItsPlaceAndResets();
    void defaultProfileFallsBackWhenItsProfileIsGone();
    void defaultLocationIsSharedAndUnderXdgConfig();
    void handWrittenFileIsRead();
    void replyLimitsHaveGenerousDefaultsAndCanBeChanged();
    void familyChosenPerProfileAndModel();
    void modelsFileIsNextToTheSettings();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::freshSettingsListTheBuiltIns()
{
    Settings settings(iniPath());
    QCOMPARE(settings.profiles(), EndpointProfile::builtIns());
    QCOMPARE(settings.defaultProfileName(), EndpointProfile::defaultProfileName());
    QCOMPARE(settings.language(), QString());
}

void TestSettings::customProfileRoundTripsThroughTheFile()
{
    EndpointProfile custom;
    custom.name = QStringLiteral("my-vllm");
    custom.displayName = QStringLiteral("实验室 vLLM");
    custom.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    custom.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    custom.defaultModel = QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct");
    custom.keyRequired = false;
    custom.proxy = ProxySettings{ProxySettings::Mode::Socks5, QStringLiteral("127.0.0.1"), 1080,
                                 QStringLiteral("alice")};
    {
        Settings settings(iniPath());
        QSignalSpy changed(&settings, &Settings::profilesChanged);
        settings.saveProfile(custom);
        settings.setDefaultProfileName(custom.name);
        settings.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(changed.size(), 1);
    }
    Settings reopened(iniPath());
    const auto loaded = reopened.profile(custom.name);
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, custom);
    QCOMPARE(reopened.profiles().size(), EndpointProfile::builtIns().size() + 1);
    QCOMPARE(reopened.defaultProfileName(), custom.name);
    QCOMPARE(reopened.language(), QStringLiteral("zh_CN"));
}

void TestSettings::changedBuiltInKeepsItsPlaceAndResets()
{
    Settings settings(iniPath());
    EndpointProfile singapore = *settings.profile(QStringLiteral("dashscope-singapore"));
    singapore.defaultModel = QStringLiteral("qwen-vl-max");
    singapore.proxy.mode = ProxySettings::Mode::None;
    settings.saveProfile(singapore);

    const auto profiles = settings.profiles();
    QCOMPARE(profiles.size(), EndpointProfile::builtIns().size());
    QCOMPARE(profiles[1].name, QStringLiteral("dashscope-singapore"));
    QCOMPARE(profiles[1].defaultModel, QStringLiteral("qwen-vl-max"));
    QCOMPARE(profiles[1].proxy.mode, ProxySettings::Mode::None);

    settings.removeProfile(singapore.name);
    QCOMPARE(settings.profiles(), EndpointProfile::builtIns());
}

void TestSettings::defaultProfileFallsBackWhenItsProfileIsGone()
{
    Settings settings(iniPath());
    settings.setDefaultProfileName(QStringLiteral("deleted-long-ago"));
    QCOMPARE(settings.defaultProfileName(), EndpointProfile::defaultProfileName());
}

void TestSettings::defaultLocationIsSharedAndUnderXdgConfig()
{
    // The GUI and the CLI have different application names but must read the same file.
    Settings settings;
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    QVERIFY(!configHome.isEmpty());
    QVERIFY2(settings.fileName().startsWith(configHome), qPrintable(settings.fileName()));
    QCoreApplication::setApplicationName(QStringLiteral("something-else"));
    QCOMPARE(Settings().fileName(), settings.fileName());
}

void TestSettings::handWrittenFileIsRead()
{
    // What an administrator or a packager would write by hand.
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[app]\ndefaultProfile=lab\nlanguage=zh_CN\n\n[profiles]\n"
               "lab\\displayName=Lab\nlab\\protocol=openai\n"
               "lab\\baseUrl=http://127.0.0.1:8000/v1\nlab\\keyRequired=false\n");
    file.close();
    Settings settings(iniPath());
    QCOMPARE(settings.defaultProfileName(), QStringLiteral("lab"));
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    const auto lab = settings.profile(QStringLiteral("lab"));
    QVERIFY(lab.has_value());
    QCOMPARE(lab->protocol, EndpointProfile::Protocol::OpenAiCompatible);
    QVERIFY(!lab->keyRequired);
}

void TestSettings::replyLimitsHaveGenerousDefaultsAndCanBeChanged()
{
    {
        Settings settings(iniPath());
        const qvd::ReplyLimits limits = settings.replyLimits();
        QCOMPARE(limits.maxAnswerBytes, 4 * qvd::ReplyLimits::kMiB);
        QCOMPARE(limits.maxEventBytes, 8 * qvd::ReplyLimits::kMiB);
        QCOMPARE(limits.maxBodyBytes, 16 * qvd::ReplyLimits::kMiB);
        QCOMPARE(limits.deadline, std::chrono::milliseconds(std::chrono::minutes(30)));
        qvd::ReplyLimits changed = limits;
        changed.maxAnswerBytes = 12 * qvd::ReplyLimits::kMiB;
        changed.deadline = std::chrono::minutes(90);
        settings.setReplyLimits(changed);
    }
    const qvd::ReplyLimits read = Settings(iniPath()).replyLimits();
    QCOMPARE(read.maxAnswerBytes, 12 * qvd::ReplyLimits::kMiB);
    QCOMPARE(read.deadline, std::chrono::milliseconds(std::chrono::minutes(90)));
    // Hand-written nonsense falls back to the defaults.
    QSettings file(iniPath(), QSettings::IniFormat);
    file.setValue(QStringLiteral("limits/answerMiB"), QStringLiteral("lots"));
    file.setValue(QStringLiteral("limits/deadlineMinutes"), -5);
    file.sync();
    QCOMPARE(Settings(iniPath()).replyLimits().maxAnswerBytes, 4 * qvd::ReplyLimits::kMiB);
    QCOMPARE(Settings(iniPath()).replyLimits().deadline,
             std::chrono::milliseconds(std::chrono::minutes(30)));
}

void TestSettings::familyChosenPerProfileAndModel()
{
    // Ids with "/" and ":" (Hugging Face names, Ollama tags) are one key each, not groups.
    const QString hf = QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct");
    const QString tag = QStringLiteral("qwen2.5vl:7b");
    {
        Settings settings(iniPath());
        settings.setModelFamily(QStringLiteral("lab"), hf, qvd::ModelFamily::Qwen3VL);
        settings.setModelFamily(QStringLiteral("lab"), tag, qvd::ModelFamily::QVQ);
        settings.setModelFamily(QStringLiteral("other"), hf, qvd::ModelFamily::Qwen25VL);
        settings.sync();
    }
    Settings settings(iniPath());
    const auto family = [&settings](const char *profile, const QString &id) {
        return settings.modelFamily(QString::fromLatin1(profile), id)
            .value_or(qvd::ModelFamily::Unknown);
    };
    QCOMPARE(family("lab", hf), qvd::ModelFamily::Qwen3VL);
    QCOMPARE(family("other", hf), qvd::ModelFamily::Qwen25VL);
    QVERIFY(!settings.modelFamily(QStringLiteral("lab"), QStringLiteral("qwen2.5vl")));
    const auto families = settings.modelFamilies(QStringLiteral("lab"));
    QCOMPARE(families.size(), 2);
    QCOMPARE(families.value(tag), qvd::ModelFamily::QVQ);
    QCOMPARE(families.value(hf), qvd::ModelFamily::Qwen3VL);
    settings.setModelFamily(QStringLiteral("lab"), tag, std::nullopt);
    QCOMPARE(settings.modelFamilies(QStringLiteral("lab")).size(), 1);
    // The names in the file are the registry's family names.
    settings.sync();
    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("qwen3-vl"));
}

void TestSettings::modelsFileIsNextToTheSettings()
{
    Settings settings(iniPath());
    QCOMPARE(settings.modelsFilePath(), m_dir->filePath(QStringLiteral("models.json")));
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    QCOMPARE(Settings().modelsFilePath(),
             QDir(configHome).filePath(QStringLiteral("qwenvl-desk/models.json")));
}

QVD_TEST_MAIN(TestSettings)
#include "tst_Settings.moc"
