#pragma once

#include "core/batch/JobPlan.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace Ui {
class NewJobDialog;
}

namespace qvd {

struct AppContext;

// New Job…: a folder (recursive, with a file type filter), a prompt, the profile and model
// (the session's by default), batch or direct mode, requests at a time and data set formats;
// then the estimate (JobPlan: images, image and prompt tokens, the price at the batch discount
// when the price list has the model), which the person confirms before anything is stored or
// sent. plan() is the confirmed plan once accepted.
class NewJobDialog : public QDialog
{
    Q_OBJECT

public:
    NewJobDialog(AppContext &context, const QString &profileName, const QString &modelId,
                 QWidget *parent = nullptr);
    ~NewJobDialog() override;

    const std::optional<JobPlan> &plan() const { return m_plan; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFolder();
    void profileChosen();
    void estimate();
    void estimated();
    void setFormEnabled(bool enabled);
    void showPage(int page);
    std::optional<JobSpec> specFromForm(QString *error) const;
    void retranslate();

    AppContext &m_context;
    std::unique_ptr<Ui::NewJobDialog> m_ui;
    QThreadPool m_scanPool; // the folder is read off the window's thread
    QFutureWatcher<std::optional<JobPlan>> m_watcher;
    std::atomic_bool m_cancelScan{false};
    QString m_scanError;
    QString m_warning;
    std::optional<JobPlan> m_plan;
};

} // namespace qvd
