#include "core/session/ScoringRule.h"

#include "core/settings/Settings.h"

#include <algorithm>

namespace qvd {

namespace {

const QString kIouKey = QStringLiteral("scoring/iou");
const QString kMatchKey = QStringLiteral("scoring/match");
const QString kSynonymsKey = QStringLiteral("scoring/synonyms");

} // namespace

ScoringRule::ScoringRule(Settings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    if (!settings)
        return;
    const double iou = settings->uiValue(kIouKey, kDefaultIou).toDouble();
    m_iou = iou > 0 && iou <= 1 ? iou : kDefaultIou;
    m_match = settings->uiValue(kMatchKey).toString() == u"exact" ? LabelRule::Match::Exact
                                                                  : LabelRule::Match::Loose;
    const QString text = settings->uiValue(kSynonymsKey).toString();
    if (!text.trimmed().isEmpty())
        m_synonyms = LabelRule::parseSynonyms(text.toUtf8(), nullptr).value_or(m_synonyms);
}

void ScoringRule::setIouThreshold(double threshold)
{
    threshold = std::clamp(threshold, 0.01, 1.0);
    if (qFuzzyCompare(threshold, m_iou))
        return;
    m_iou = threshold;
    save();
}

void ScoringRule::setMatch(LabelRule::Match match)
{
    if (match == m_match)
        return;
    m_match = match;
    save();
}

void ScoringRule::setSynonyms(const QList<QStringList> &groups)
{
    if (groups == m_synonyms)
        return;
    m_synonyms = groups;
    save();
}

LabelRule ScoringRule::labelRule() const
{
    LabelRule rule(m_match);
    for (const QStringList &group : m_synonyms)
        rule.addSynonyms(group);
    return rule;
}

void ScoringRule::save()
{
    if (m_settings) {
        m_settings->setUiValue(kIouKey, m_iou);
        m_settings->setUiValue(kMatchKey,
                               m_match == LabelRule::Match::Exact ? QStringLiteral("exact")
                                                                  : QStringLiteral("loose"));
        m_settings->setUiValue(kSynonymsKey, LabelRule::synonymsText(m_synonyms));
    }
    Q_EMIT changed();
}

} // namespace qvd
