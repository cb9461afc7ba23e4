// Thinking as a person sets it: the real chat pane, its composer's model picker and parameters
// popover, and a loopback DashScope server. On, off and a budget go on the wire where the model
// takes them; a model that always thinks (QVQ) or never does says so and sends nothing.
#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"

#include "core/conversation/ChatSession.h"
#include "core/session/DeskSession.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/ParametersPopup.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

using namespace qvd;
using qvd::test::HttpTestServer;

class TestThinkingControls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void switchedOnWithABudget();
    void switchedOffIsSentAsOff();
    void alwaysThinkingModelSaysSoAndSendsNothing();
    void modelWithoutThinkingOffersNone();
    void pickerSaysWhichModelsAlwaysThink();

private:
    void pickModel(const QString &id);
    ParametersPopup *openPopup();
    QJsonObject askAndGetParameters();

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<DeskSession> m_desk;
    std::unique_ptr<ChatPane> m_pane;
};

void TestThinkingControls::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    m_app->useLoopback(m_server->url(QStringLiteral("/api/v1")));
    m_desk = m_app->makeSession();
    m_pane = std::make_unique<ChatPane>(*m_desk);
    m_pane->session()->setMaxAttempts(1);
    m_pane->resize(900, 700);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestThinkingControls::cleanup()
{
    m_pane.reset();
    m_desk.reset();
    m_app.reset();
    m_server.reset();
}

// Chooses `id` in the model picker, as a click in its list does.
void TestThinkingControls::pickModel(const QString &id)
{
    QComboBox *picker = m_pane->composer()->modelPicker();
    const int index = picker->findText(id);
    QVERIFY2(index >= 0, qPrintable(id));
    picker->setCurrentIndex(index);
    Q_EMIT picker->activated(index);
}

ParametersPopup *TestThinkingControls::openPopup()
{
    auto *button = m_pane->composer()->findChild<QToolButton *>(QStringLiteral("parametersButton"));
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ParametersPopup *popup = m_pane->composer()->parametersPopup();
    if (!QTest::qWaitFor([popup] { return popup->isVisible(); }, 5000))
        return nullptr;
    return popup;
}

QJsonObject TestThinkingControls::askAndGetParameters()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral("好的。")));
    Composer *composer = m_pane->composer();
    composer->input()->setFocus();
    composer->input()->insertPlainText(QStringLiteral("为什么？"));
    QTest::keyClick(composer->input(), Qt::Key_Return);
    if (!QTest::qWaitFor([this] { return !m_pane->session()->isBusy(); }, 20000)
        || m_server->requests().isEmpty())
        return {};
    return QJsonDocument::fromJson(m_server->requests().last().body)
        .object()
        .value(QLatin1String("parameters"))
        .toObject();
}

void TestThinkingControls::switchedOnWithABudget()
{
    pickModel(QStringLiteral("qwen3-vl-plus"));
    ParametersPopup *popup = openPopup();
    QVERIFY(popup);
    auto *thinking = popup->findChild<QComboBox *>(QStringLiteral("thinking"));
    auto *budget = popup->findChild<QSpinBox *>(QStringLiteral("thinkingBudget"));
    QVERIFY(thinking && budget);
    QVERIFY(thinking->isEnabled());
    QCOMPARE(thinking->currentText(), QStringLiteral("Model default (off)"));
    QVERIFY(!budget->isEnabled()); // off by default: no budget to give
    thinking->setCurrentIndex(thinking->findText(QStringLiteral("On: reason before answering")));
    QVERIFY(budget->isEnabled());
    budget->setValue(2048);
    popup->close();
    const QJsonObject parameters = askAndGetParameters();
    QCOMPARE(parameters.value(QLatin1String("enable_thinking")), QJsonValue(true));
    QCOMPARE(parameters.value(QLatin1String("thinking_budget")).toInt(), 2048);
    QCOMPARE(parameters.value(QLatin1String("incremental_output")), QJsonValue(true));
}

void TestThinkingControls::switchedOffIsSentAsOff()
{
    // Qwen3.5 thinks unless switched off.
    pickModel(QStringLiteral("qwen3.5-plus"));
    ParametersPopup *popup = openPopup();
    QVERIFY(popup);
    auto *thinking = popup->findChild<QComboBox *>(QStringLiteral("thinking"));
    QCOMPARE(thinking->currentText(), QStringLiteral("Model default (on)"));
    thinking->setCurrentIndex(thinking->findText(QStringLiteral("Off")));
    QVERIFY(!popup->findChild<QSpinBox *>(QStringLiteral("thinkingBudget"))->isEnabled());
    popup->close();
    const QJsonObject parameters = askAndGetParameters();
    QCOMPARE(parameters.value(QLatin1String("enable_thinking")), QJsonValue(false));
    QVERIFY(!parameters.contains(QLatin1String("thinking_budget")));
}

void TestThinkingControls::alwaysThinkingModelSaysSoAndSendsNothing()
{
    // Asked on for one model, then QVQ is picked: it always reasons and takes no switch (§8.1).
    pickModel(QStringLiteral("qwen3-vl-plus"));
    ParametersPopup *popup = openPopup();
    QVERIFY(popup);
    auto *thinking = popup->findChild<QComboBox *>(QStringLiteral("thinking"));
    thinking->setCurrentIndex(thinking->findText(QStringLiteral("On: reason before answering")));
    popup->findChild<QSpinBox *>(QStringLiteral("thinkingBudget"))->setValue(4096);
    popup->close();
    pickModel(QStringLiteral("qvq-max"));
    popup = openPopup();
    QVERIFY(popup);
    QVERIFY(!thinking->isEnabled());
    QCOMPARE(thinking->itemText(0), QStringLiteral("Always (this model cannot switch it off)"));
    auto *note = popup->findChild<QLabel *>(QStringLiteral("thinkingNote"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("thinks before every answer")));
    QVERIFY(!popup->findChild<QSpinBox *>(QStringLiteral("thinkingBudget"))->isEnabled());
    popup->close();
    const QJsonObject parameters = askAndGetParameters();
    QVERIFY(!parameters.isEmpty());
    QVERIFY(!parameters.contains(QLatin1String("enable_thinking")));
    QVERIFY(!parameters.contains(QLatin1String("thinking_budget")));
    QCOMPARE(m_server->requests().last().header("X-DashScope-SSE"), QByteArray("enable"));
}

void TestThinkingControls::modelWithoutThinkingOffersNone()
{
    pickModel(QStringLiteral("qwen2.5-vl-72b-instruct"));
    ParametersPopup *popup = openPopup();
    QVERIFY(popup);
    auto *thinking = popup->findChild<QComboBox *>(QStringLiteral("thinking"));
    QVERIFY(!thinking->isEnabled());
    QCOMPARE(thinking->currentText(), QStringLiteral("Not available for this model"));
    QVERIFY(!popup->findChild<QSpinBox *>(QStringLiteral("thinkingBudget"))->isEnabled());
    popup->close();
    const QJsonObject parameters = askAndGetParameters();
    QVERIFY(!parameters.contains(QLatin1String("enable_thinking")));
}

void TestThinkingControls::pickerSaysWhichModelsAlwaysThink()
{
    QComboBox *picker = m_pane->composer()->modelPicker();
    const auto tip = [picker](const char *id) {
        return picker->itemData(picker->findText(QString::fromLatin1(id)), Qt::ToolTipRole)
            .toString();
    };
    QVERIFY2(tip("qvq-max").contains(QStringLiteral("always thinks")), qPrintable(tip("qvq-max")));
    QVERIFY(tip("qwen3-vl-8b-thinking").contains(QStringLiteral("always thinks")));
    QVERIFY(tip("qwen3-vl-plus").contains(QStringLiteral("can think when switched on")));
    QVERIFY(!tip("qwen2.5-vl-72b-instruct").contains(QStringLiteral("think")));
    // Legacy ids are not offered.
    QCOMPARE(picker->findText(QStringLiteral("qwen-vl-chat-v1")), -1);
    QVERIFY(picker->findText(QStringLiteral("qwen3.6-plus")) >= 0);
}

QVD_TEST_WIDGETS_MAIN(TestThinkingControls)
#include "tst_ThinkingControls.moc"
