#pragma once

#include "core/dataset/DatasetFormat.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace qvd {

// Export… of a job: the formats JobExport::offered(), as many as ticked, into a folder the person
// chooses (JobExport writes). The formats chosen when the job was created are ticked to begin
// with (COCO when it has none of them).
class ExportJobDialog : public QDialog
{
    Q_OBJECT

public:
    ExportJobDialog(const QString &folder, DatasetFormats jobFormats, QWidget *parent = nullptr);

    DatasetFormats formats() const;
    QString folder() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFolder();
    void retranslate();

    QLabel *m_formatLabel = nullptr;
    QCheckBox *m_coco = nullptr;
    QCheckBox *m_labelMe = nullptr;
    QCheckBox *m_yolo = nullptr;
    QLabel *m_folderLabel = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace qvd
