#pragma once

#include "core/models/ModelRegistry.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace qvd {

class InspectorPane;

// Inspect-only mode: open any image, paste a model answer from elsewhere, pick the model that
// wrote it, and see its boxes in an inspector of its own (with the space badge's override for
// answers from unknown setups). Nothing is sent anywhere. The image is taken as sent to the
// model at the model's default smart_resize size.
class InspectOnlyWindow : public QWidget
{
    Q_OBJECT
public:
    // `models` may be null: the built-in model list is used.
    explicit InspectOnlyWindow(const ModelRegistry *models, QWidget *parent = nullptr);

    // Decodes with EXIF orientation; false (and a message in the window) if it cannot.
    bool openImage(const QString &path);
    void setImage(const QImage &image, const QString &fileName);
    void setModelId(const QString &modelId);
    void setAnswerText(const QString &text);

    InspectorPane *inspector() const { return m_inspector; }
    QPlainTextEdit *answerEdit() const { return m_answer; }
    QComboBox *modelBox() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseImage();
    void update();
    void retranslate();

    ModelRegistry m_builtIn;
    const ModelRegistry *m_models;
    QImage m_image;
    bool m_imageDirty = true;
    QString m_shownModelId;
    QPushButton *m_open = nullptr;
    QLabel *m_imageName = nullptr;
    QLabel *m_modelLabel = nullptr;
    QComboBox *m_model = nullptr;
    QLabel *m_answerLabel = nullptr;
    QPlainTextEdit *m_answer = nullptr;
    QLabel *m_status = nullptr;
    InspectorPane *m_inspector = nullptr;
};

} // namespace qvd
