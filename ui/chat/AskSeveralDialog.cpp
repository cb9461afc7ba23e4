#include "ui/chat/AskSeveralDialog.h"

#include "core/models/ModelRegistry.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qvd {

AskSeveralDialog::AskSeveralDialog(DeskSession &desk, QWidget *parent)
    : QDialog(parent),
      m_desk(desk),
      m_help(new QLabel(this)),
      m_rowsLayout(new QVBoxLayout),
      m_add(new QPushButton(this)),
      m_ask(new QPushButton(this)),
      m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("askSeveralDialog"));
    m_help->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addTarget"));
    m_ask->setObjectName(QStringLiteral("askSeveralSend"));
    m_ask->setDefault(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ask, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_help);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // The current model, and the next one in the list to compare it with.
    const QString current = desk.model().id;
    addRow(current);
    const QList<ModelInfo> models = desk.offeredModels();
    QString next;
    for (qsizetype i = 0; i < models.size(); ++i) {
        if (models[i].id == current) {
            next = models.value((i + 1) % models.size()).id;
            break;
        }
    }
    addRow(next.isEmpty() || next == current ? models.value(0).id : next);
    retranslate();
    resize(520, sizeHint().height());
}

void AskSeveralDialog::addRow(const QString &modelId)
{
    if (m_rows.size() >= kMaxAskTargets)
        return;
    Row row;
    row.widget = new QWidget(this);
    row.widget->setObjectName(QStringLiteral("askTargetRow"));
    row.profile = new QComboBox(row.widget);
    row.profile->setObjectName(QStringLiteral("targetProfile"));
    const QString active = m_desk.endpoint()->profile().name;
    for (const EndpointProfile &profile : m_desk.settings()->profiles())
        row.profile->addItem(profile.displayName, profile.name);
    row.profile->setCurrentIndex(std::max(0, row.profile->findData(active)));
    row.model = new QComboBox(row.widget);
    row.model->setObjectName(QStringLiteral("targetModel"));
    row.model->setEditable(true); // a server's own models are typed in
    row.model->setInsertPolicy(QComboBox::NoInsert);
    for (const ModelInfo &model : m_desk.offeredModels())
        row.model->addItem(model.id);
    row.model->setCurrentText(modelId);
    row.remove = new QPushButton(row.widget);
    row.remove->setObjectName(QStringLiteral("removeTarget"));
    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(row.profile);
    layout->addWidget(row.model, 1);
    layout->addWidget(row.remove);
    QWidget *widget = row.widget;
    connect(row.remove, &QPushButton::clicked, this, [this, widget] { removeRow(widget); });
    connect(row.model, &QComboBox::currentTextChanged, this, &AskSeveralDialog::updateButtons);
    m_rowsLayout->addWidget(row.widget);
    m_rows.append(row);
    retranslate();
    updateButtons();
}

void AskSeveralDialog::removeRow(QWidget *widget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].widget == widget) {
            m_rows.removeAt(i);
            widget->deleteLater();
            break;
        }
    }
    updateButtons();
}

QComboBox *AskSeveralDialog::modelBox(int row) const
{
    return m_rows.value(row).model;
}

QComboBox *AskSeveralDialog::profileBox(int row) const
{
    return m_rows.value(row).profile;
}

QList<AskTarget> AskSeveralDialog::targets() const
{
    QList<AskTarget> targets;
    const QString active = m_desk.endpoint()->profile().name;
    for (const Row &row : m_rows) {
        const QString model = row.model->currentText().trimmed();
        if (model.isEmpty())
            continue;
        const QString profile = row.profile->currentData().toString();
        targets.append({profile == active ? QString() : profile, model});
    }
    return targets;
}

void AskSeveralDialog::updateButtons()
{
    m_add->setEnabled(m_rows.size() < kMaxAskTargets);
    for (const Row &row : std::as_const(m_rows))
        row.remove->setEnabled(m_rows.size() > 1);
    m_ask->setEnabled(!targets().isEmpty());
}

void AskSeveralDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AskSeveralDialog::retranslate()
{
    setWindowTitle(tr("Ask several models"));
    m_help->setText(tr("The question goes to each of these models at once (at most %1). Their "
                       "answers arrive side by side, each with its boxes, and the boxes are "
                       "paired in one table.")
                        .arg(kMaxAskTargets));
    m_add->setText(tr("Add a model"));
    m_ask->setText(tr("Ask"));
    m_cancel->setText(tr("Cancel"));
    for (const Row &row : std::as_const(m_rows)) {
        row.profile->setAccessibleName(tr("Where to send it"));
        row.model->setAccessibleName(tr("Model"));
        row.remove->setText(tr("Remove"));
    }
}

} // namespace qvd
