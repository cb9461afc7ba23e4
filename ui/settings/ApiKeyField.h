#pragma once

#include "core/api/ConnectionReport.h"
#include "core/settings/EndpointProfile.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;

namespace qvd {

struct AppContext;
class ConnectionTester;

// An API key entry: masked unless the user asks to see it, with "Test Connection" beside it
// that shows what the server said (ConnectionReport::summary()), never the key itself.
class ApiKeyField : public QWidget
{
    Q_OBJECT
public:
    // What to test: the profile as edited, and the proxy password typed for it (nullopt: use
    // the application's network with its installed proxies).
    struct Target
    {
        EndpointProfile profile;
        std::optional<QString> proxyPassword;
    };

    explicit ApiKeyField(QWidget *parent = nullptr);
    ~ApiKeyField() override;

    // Must be called once before the first test (forms create the widget without a context).
    void setContext(AppContext *context);
    void setTargetProvider(std::function<Target()> provider);

    QString key() const; // as typed, trimmed
    void clear();
    void setPlaceholder(const QString &text);
    bool isRevealed() const;
    void setRevealed(bool revealed);
    QLineEdit *lineEdit() const { return m_edit; }
    QString resultText() const;

    void testConnection();

Q_SIGNALS:
    void keyEdited();
    void testFinished(const qvd::ConnectionReport &report);

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void runTest(const Target &target, const QString &key);
    void showReport(const ConnectionReport &report);
    void showResult();

    AppContext *m_context = nullptr;
    std::function<Target()> m_target;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_reveal = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    ConnectionTester *m_tester = nullptr;
    std::optional<ConnectionReport> m_report;
    QString m_testedKey; // only to strip it from a server's echo; cleared after the test
    bool m_testing = false;
};

} // namespace qvd
