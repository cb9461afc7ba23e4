#include "ui/inspector/InspectOnlyWindow.h"

#include "core/grounding/GroundingParser.h"
#include "ui/inspector/InspectorPane.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace qvd {

InspectOnlyWindow::InspectOnlyWindow(const ModelRegistry *models, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_models(models ? models : &m_builtIn),
      m_open(new QPushButton(this)),
      m_imageName(new QLabel(this)),
      m_modelLabel(new QLabel(this)),
      m_model(new QComboBox(this)),
      m_answerLabel(new QLabel(this)),
      m_answer(new QPlainTextEdit(this)),
      m_status(new QLabel(this)),
      m_inspector(new InspectorPane(this))
{
    setObjectName(QStringLiteral("inspectOnlyWindow"));
    m_model->addItem(QString(), QString()); // "unknown model", text set in retranslate()
    for (const ModelInfo &model : m_models->models())
        m_model->addItem(model.displayName.isEmpty() ? model.id : model.displayName, model.id);
    m_modelLabel->setBuddy(m_model);
    m_answerLabel->setBuddy(m_answer);
    m_imageName->setWordWrap(true);
    m_status->setWordWrap(true);
    m_answer->setObjectName(QStringLiteral("answerEdit"));
    m_inspector->setModelRegistry(m_models);

    auto *side = new QWidget(this);
    auto *column = new QVBoxLayout(side);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_open);
    column->addWidget(m_imageName);
    column->addWidget(m_modelLabel);
    column->addWidget(m_model);
    column->addWidget(m_answerLabel);
    column->addWidget(m_answer, 1);
    column->addWidget(m_status);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(side);
    split->addWidget(m_inspector);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1100, 700);

    connect(m_open, &QPushButton::clicked, this, &InspectOnlyWindow::chooseImage);
    connect(m_model, &QComboBox::currentIndexChanged, this, &InspectOnlyWindow::update);
    connect(m_answer, &QPlainTextEdit::textChanged, this, &InspectOnlyWindow::update);
    retranslate();
}

void InspectOnlyWindow::chooseImage()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), folder, tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"));
    if (!path.isEmpty())
        openImage(path);
}

bool InspectOnlyWindow::openImage(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_status->setText(tr("Could not open “%1”: %2")
                              .arg(QDir::toNativeSeparators(path), reader.errorString()));
        return false;
    }
    setImage(image, QFileInfo(path).fileName());
    return true;
}

void InspectOnlyWindow::setImage(const QImage &image, const QString &fileName)
{
    m_image = image;
    m_imageDirty = true;
    m_imageName->setText(fileName);
    m_status->clear();
    update();
}

void InspectOnlyWindow::setModelId(const QString &modelId)
{
    const int index = m_model->findData(modelId);
    if (index >= 0) {
        m_model->setCurrentIndex(index);
        return;
    }
    m_model->addItem(modelId, modelId); // a model the list does not name: the registry guesses
    m_model->setCurrentIndex(m_model->count() - 1);
}

void InspectOnlyWindow::setAnswerText(const QString &text)
{
    m_answer->setPlainText(text);
}

void InspectOnlyWindow::update()
{
    const ModelInfo model = m_models->find(m_model->currentData().toString());
    ImageTransform transform;
    transform.storedSize = transform.originalSize = m_image.size();
    transform.budget = model.budget;
    transform.sentSize = smartResize(m_image.size(), model.budget).value_or(QSize());
    // The image (and its assumed input size) only when it or the model changed: setting it
    // resets the zoom.
    if (m_imageDirty || model.id != m_shownModelId) {
        m_inspector->setImage(m_image, transform, 0, m_imageName->text());
        m_imageDirty = false;
        m_shownModelId = model.id;
    }
    const QList<Detection> detections = GroundingParser().parse(m_answer->toPlainText());
    m_inspector->setAnswer(m_answer->toPlainText(), detections, model, {transform});
    if (!m_image.isNull() && !m_answer->toPlainText().trimmed().isEmpty())
        m_status->setText(tr("%n detection(s) found in the answer.", "", int(detections.size())));
}

void InspectOnlyWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InspectOnlyWindow::retranslate()
{
    setWindowTitle(tr("Inspect an answer"));
    m_open->setText(tr("Open image…"));
    m_modelLabel->setText(tr("&Model that wrote the answer:"));
    m_model->setItemText(0, tr("Unknown (guess from the format)"));
    m_answerLabel->setText(tr("&Paste the model's answer:"));
    m_answer->setPlaceholderText(
        tr("For example: ```json [{\"bbox_2d\": [10, 20, 300, 400], \"label\": \"cat\"}] ```"));
    if (m_imageName->text().isEmpty())
        m_imageName->setText(tr("No image opened."));
}

} // namespace qvd
