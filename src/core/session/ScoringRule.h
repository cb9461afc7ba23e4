#pragma once

#include "core/eval/Evaluator.h"
#include "core/eval/LabelRule.h"

#include <QObject>

namespace qvd {

class Settings;

// How the inspector scores boxes against ground truth and matches two answers' boxes: the IoU
// threshold, how labels are compared (exactly or loosely) and the person's synonym table. The
// one owner of these choices; kept in the settings so they outlast the session. The figures come
// from core/eval's Evaluator, the same as `qwenvl-desk-cli eval` prints.
class ScoringRule : public QObject
{
    Q_OBJECT
public:
    static constexpr double kDefaultIou = 0.5;

    // `settings` may be null (nothing kept).
    explicit ScoringRule(Settings *settings, QObject *parent = nullptr);

    double iouThreshold() const { return m_iou; }
    void setIouThreshold(double threshold);
    LabelRule::Match match() const { return m_match; }
    void setMatch(LabelRule::Match match);
    // Groups of names that mean one class; the first names it ("dog", "狗").
    QList<QStringList> synonyms() const { return m_synonyms; }
    void setSynonyms(const QList<QStringList> &groups);

    LabelRule labelRule() const;
    Evaluator evaluator() const { return Evaluator(labelRule(), m_iou); }

Q_SIGNALS:
    void changed();

private:
    void save();

    Settings *m_settings;
    double m_iou = kDefaultIou;
    LabelRule::Match m_match = LabelRule::Match::Loose;
    QList<QStringList> m_synonyms;
};

} // namespace qvd
