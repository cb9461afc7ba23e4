#include "ui/batch/ExportJobDialog.h"

#include "core/batch/JobExport.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qvd {

ExportJobDialog::ExportJobDialog(const QString &folder, DatasetFormats jobFormats, QWidget *parent)
    : QDialog(parent),
      m_formatLabel(new QLabel(this)),
      m_coco(new QCheckBox(this)),
      m_labelMe(new QCheckBox(this)),
      m_yolo(new QCheckBox(this)),
      m_folderLabel(new QLabel(this)),
      m_folder(new QLineEdit(QDir::toNativeSeparators(folder), this)),
      m_browse(new QPushButton(this)),
      m_message(new QLabel(this)),
      m_cancel(new QPushButton(this)),
      m_export(new QPushButton(this))
{
    setObjectName(QStringLiteral("exportJobDialog"));
    m_coco->setObjectName(QStringLiteral("cocoCheck"));
    m_labelMe->setObjectName(QStringLiteral("labelMeCheck"));
    m_yolo->setObjectName(QStringLiteral("yoloCheck"));
    m_folder->setObjectName(QStringLiteral("exportFolderEdit"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_message->setWordWrap(true);
    m_formatLabel->setBuddy(m_coco);
    m_folderLabel->setBuddy(m_folder);
    const bool any = jobFormats & JobExport::offered();
    m_coco->setChecked(!any || jobFormats.testFlag(DatasetFormat::Coco));
    m_labelMe->setChecked(jobFormats.testFlag(DatasetFormat::LabelMe));
    m_yolo->setChecked(jobFormats.testFlag(DatasetFormat::Yolo));
    auto *formatColumn = new QVBoxLayout;
    formatColumn->addWidget(m_coco);
    formatColumn->addWidget(m_labelMe);
    formatColumn->addWidget(m_yolo);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_formatLabel, formatColumn);
    form->addRow(m_folderLabel, folderRow);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    m_export->setDefault(true);
    m_browse->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    resize(520, height());

    connect(m_browse, &QPushButton::clicked, this, &ExportJobDialog::chooseFolder);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_folder->text().trimmed().isEmpty()) {
            m_message->setText(tr("Choose the folder the data set is written to."));
            return;
        }
        if (!formats()) {
            m_message->setText(tr("Tick at least one format."));
            return;
        }
        accept();
    });
    retranslate();
}

DatasetFormats ExportJobDialog::formats() const
{
    DatasetFormats formats;
    formats.setFlag(DatasetFormat::Coco, m_coco->isChecked());
    formats.setFlag(DatasetFormat::LabelMe, m_labelMe->isChecked());
    formats.setFlag(DatasetFormat::Yolo, m_yolo->isChecked());
    return formats;
}

QString ExportJobDialog::folder() const
{
    return QDir(QDir::fromNativeSeparators(m_folder->text().trimmed())).absolutePath();
}

void ExportJobDialog::chooseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Data set folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void ExportJobDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ExportJobDialog::retranslate()
{
    setWindowTitle(tr("Export Job"));
    m_formatLabel->setText(tr("&Formats:"));
    m_coco->setText(tr("COCO (one JSON file)"));
    m_labelMe->setText(tr("LabelMe (one JSON file per image)"));
    m_yolo->setText(tr("YOLO (one text file per image and classes.txt)"));
    m_folderLabel->setText(tr("&Data set folder:"));
    m_browse->setText(tr("&Browse…"));
    m_cancel->setText(tr("Cancel"));
    m_export->setText(tr("&Export"));
}

} // namespace qvd
