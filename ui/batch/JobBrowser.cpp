#include "ui/batch/JobBrowser.h"

#include "core/batch/JobStore.h"
#include "core/batch/JobTarget.h"
#include "core/grounding/GroundingParser.h"
#include "core/models/ModelRegistry.h"
#include "ui/AppContext.h"
#include "ui/batch/BatchJobs.h"
#include "ui/batch/BatchText.h"
#include "ui/inspector/InspectorPane.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace qvd {

JobBrowser::JobBrowser(BatchJobs &jobs, QWidget *parent)
    : QWidget(parent),
      m_jobs(jobs),
      m_filter(new QComboBox(this)),
      m_label(new QComboBox(this)),
      m_previous(new QPushButton(this)),
      m_next(new QPushButton(this)),
      m_position(new QLabel(this)),
      m_items(new QListWidget(this)),
      m_message(new QLabel(this)),
      m_inspector(new InspectorPane(this))
{
    setObjectName(QStringLiteral("jobBrowser"));
    m_filter->setObjectName(QStringLiteral("itemFilter"));
    m_label->setObjectName(QStringLiteral("labelFilter"));
    m_previous->setObjectName(QStringLiteral("previousItemButton"));
    m_next->setObjectName(QStringLiteral("nextItemButton"));
    m_position->setObjectName(QStringLiteral("itemPosition"));
    m_items->setObjectName(QStringLiteral("itemList"));
    m_message->setObjectName(QStringLiteral("itemMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inspector->setModelRegistry(m_jobs.context().models);
    for (const char *key : {"all", "errors", "none", "label"})
        m_filter->addItem(QString(), QString::fromLatin1(key));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addWidget(m_label);
    bar->addStretch(1);
    bar->addWidget(m_position);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    auto *shown = new QWidget(this);
    auto *shownLayout = new QVBoxLayout(shown);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    shownLayout->addWidget(m_message);
    shownLayout->addWidget(m_inspector, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_items);
    split->addWidget(shown);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &JobBrowser::reload);
    connect(m_label, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filter->currentData().toString() == u"label")
            reload();
    });
    connect(m_items, &QListWidget::currentRowChanged, this, &JobBrowser::showItem);
    connect(m_previous, &QPushButton::clicked, this, [this] { step(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { step(1); });
    retranslate();
    reload();
}

void JobBrowser::setJob(const QString &jobId)
{
    if (jobId == m_jobId)
        return;
    m_jobId = jobId;
    m_shownItem = 0;
    reload();
}

void JobBrowser::fillLabels()
{
    const QString chosen = m_label->currentText();
    const QStringList labels = m_jobId.isEmpty() ? QStringList() : m_jobs.store().labels(m_jobId);
    QStringList listed;
    for (int i = 0; i < m_label->count(); ++i)
        listed.append(m_label->itemText(i));
    if (listed == labels)
        return;
    const QSignalBlocker blocker(m_label);
    m_label->clear();
    m_label->addItems(labels);
    m_label->setCurrentIndex(qMax(0, m_label->findText(chosen)));
}

void JobBrowser::reload()
{
    fillLabels();
    const QString filterKey = m_filter->currentData().toString();
    m_label->setEnabled(filterKey == u"label");
    QList<BatchItem> items;
    if (!m_jobId.isEmpty()) {
        ItemFilter filter;
        filter.errorsOnly = filterKey == u"errors";
        filter.noDetections = filterKey == u"none";
        if (filterKey == u"label")
            filter.label = m_label->currentText();
        if (filterKey != u"label" || !filter.label.isEmpty())
            items = m_jobs.store().items(m_jobId, filter);
    }
    // The same rows in the same order: only their texts change (the shown image stays).
    bool same = items.size() == m_items->count();
    for (int i = 0; same && i < items.size(); ++i)
        same = m_items->item(i)->data(Qt::UserRole).toLongLong() == items[i].id;
    const qint64 keep = m_shownItem;
    {
        const QSignalBlocker blocker(m_items);
        if (!same)
            m_items->clear();
        int current = -1;
        for (int i = 0; i < items.size(); ++i) {
            const BatchItem &item = items[i];
            QString text = QStringLiteral("%1 — %2").arg(QFileInfo(item.path).fileName(),
                                                         BatchText::itemState(item.state));
            if (item.state == ItemState::Done)
                text += tr(", %n detection(s)", "", item.detectionCount);
            const QString error = BatchText::error(item.errorCode, item.errorMessage);
            if (!error.isEmpty())
                text += QStringLiteral(": ") + error;
            if (!same) {
                auto *row = new QListWidgetItem(text, m_items);
                row->setData(Qt::UserRole, QString::number(item.id));
                row->setToolTip(QDir::toNativeSeparators(item.path));
            } else {
                m_items->item(i)->setText(text);
            }
            if (item.id == keep)
                current = i;
        }
        if (current < 0 && !items.isEmpty())
            current = 0;
        m_items->setCurrentRow(current);
    }
    showItem();
}

void JobBrowser::step(int delta)
{
    const int row = m_items->currentRow() + delta;
    if (row >= 0 && row < m_items->count())
        m_items->setCurrentRow(row);
}

void JobBrowser::showItem()
{
    const int row = m_items->currentRow();
    m_previous->setEnabled(row > 0);
    m_next->setEnabled(row >= 0 && row + 1 < m_items->count());
    m_position->setText(row < 0 ? QString() : tr("%1 of %2").arg(row + 1).arg(m_items->count()));
    const qint64 id = row < 0 ? 0 : m_items->item(row)->data(Qt::UserRole).toLongLong();
    const std::optional<BatchItem> item =
        id > 0 ? m_jobs.store().item(id) : std::optional<BatchItem>();
    if (!item) {
        m_shownItem = 0;
        m_message->clear();
        m_inspector->clearAnswer();
        m_inspector->clearImage();
        return;
    }
    const bool sameImage = id == m_shownItem;
    m_shownItem = id;
    QString message = BatchText::error(item->errorCode, item->errorMessage);
    if (!sameImage) {
        // The upright original, as the boxes were mapped onto it.
        QImageReader reader(item->path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) {
            m_inspector->clearAnswer();
            m_inspector->clearImage();
            message = tr("Could not open “%1”: %2")
                          .arg(QDir::toNativeSeparators(item->path), reader.errorString());
            m_message->setText(message);
            return;
        }
        m_inspector->setImage(image, item->transform, 0, QFileInfo(item->path).fileName());
    }
    m_message->setText(message);
    if (item->state != ItemState::Done) {
        m_inspector->clearAnswer();
        return;
    }
    // The model as the job's run resolved it (its family decides the coordinate space).
    ModelInfo model;
    if (const std::optional<BatchJob> job = m_jobs.store().job(item->jobId)) {
        QString error;
        if (const auto target = JobTarget::resolve(*m_jobs.context().settings,
                                                   *m_jobs.context().models, job->spec, &error))
            model = target->model;
        else
            model = m_jobs.context().models->find(job->spec.modelId);
    }
    m_inspector->setAnswer(item->answer, GroundingParser().parse(item->answer), model,
                           {item->transform});
}

void JobBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void JobBrowser::retranslate()
{
    m_filter->setItemText(0, tr("All images"));
    m_filter->setItemText(1, tr("Failed images"));
    m_filter->setItemText(2, tr("Nothing found"));
    m_filter->setItemText(3, tr("With the label:"));
    m_previous->setText(tr("&Previous"));
    m_next->setText(tr("&Next"));
    m_label->setToolTip(tr("The label the images are filtered by"));
    if (!m_jobId.isEmpty())
        reload();
}

} // namespace qvd
