#pragma once

#include "core/dataset/DatasetFormat.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace qvd {

// Export… of a job: COCO, LabelMe or YOLO into a folder the person chooses (JobExport writes).
class ExportJobDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportJobDialog(const QString &folder, QWidget *parent = nullptr);

    DatasetFormat format() const;
    QString folder() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFolder();
    void retranslate();

    QLabel *m_formatLabel = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_folderLabel = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace qvd
