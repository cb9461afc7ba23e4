#include "ui/inspector/SynonymDialog.h"

#include "core/eval/LabelRule.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace qvd {

SynonymDialog::SynonymDialog(const QList<QStringList> &groups, QWidget *parent)
    : QDialog(parent),
      m_help(new QLabel(this)),
      m_edit(new QPlainTextEdit(this)),
      m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_groups(groups)
{
    setObjectName(QStringLiteral("synonymDialog"));
    setWindowTitle(tr("Label synonyms"));
    m_help->setWordWrap(true);
    m_help->setText(tr("Names that mean the same class, one group per line, separated by commas; "
                       "the first names the class. For example: dog, 狗, 犬"));
    m_edit->setObjectName(QStringLiteral("synonymsEdit"));
    m_edit->setPlainText(LabelRule::synonymsText(groups));
    m_error->setObjectName(QStringLiteral("synonymsError"));
    m_error->setWordWrap(true);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x2e));
    m_error->setPalette(warning);
    m_error->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SynonymDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SynonymDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_help);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(420, 300);
}

void SynonymDialog::accept()
{
    const QByteArray text = m_edit->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        m_groups.clear();
        QDialog::accept();
        return;
    }
    QString error;
    const auto groups = LabelRule::parseSynonyms(text, &error);
    if (!groups) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_groups = *groups;
    QDialog::accept();
}

} // namespace qvd
