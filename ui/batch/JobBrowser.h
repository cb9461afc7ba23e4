#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace qvd {

class BatchJobs;
class InspectorPane;

// A job's images one at a time in the inspector, with the job's detections at the pixels of
// the upright original: next/previous, and filters by label, failed images only, or images
// where nothing was found (JobStore's ItemFilter). Failed images show their error.
class JobBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit JobBrowser(BatchJobs &jobs, QWidget *parent = nullptr);

    // Shows the job's images (empty: none); the shown image stays when it is still listed.
    void setJob(const QString &jobId);
    // Reads the job's images again (after a run stored results).
    void reload();
    QString jobId() const { return m_jobId; }
    InspectorPane *inspector() const { return m_inspector; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillLabels();
    void showItem();
    void step(int delta);
    void retranslate();

    BatchJobs &m_jobs;
    QString m_jobId;
    QComboBox *m_filter = nullptr;
    QComboBox *m_label = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_position = nullptr;
    QListWidget *m_items = nullptr;
    QLabel *m_message = nullptr;
    InspectorPane *m_inspector = nullptr;
    qint64 m_shownItem = 0;
};

} // namespace qvd
