#pragma once

#include <QStringList>

#include <optional>

namespace qvd {

// Sampling and feature switches of a request. Each goes on the wire only when set
// (docs/dashscope-protocol.md §2.2; the OpenAI-compatible endpoint takes the same names, §7).
struct GenerationParameters
{
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK;
    std::optional<qint64> seed;
    std::optional<int> maxTokens;
    std::optional<double> repetitionPenalty;
    std::optional<double> presencePenalty;
    QStringList stop;
    std::optional<bool> highResolutionImages; // vl_high_resolution_images
    // enable_thinking and thinking_budget: sent only to models that take them (ChatBackend).
    std::optional<bool> enableThinking;
    std::optional<int> thinkingBudget;

    friend bool operator==(const GenerationParameters &a, const GenerationParameters &b)
    {
        return a.temperature == b.temperature && a.topP == b.topP && a.topK == b.topK
            && a.seed == b.seed && a.maxTokens == b.maxTokens
            && a.repetitionPenalty == b.repetitionPenalty && a.presencePenalty == b.presencePenalty
            && a.stop == b.stop && a.highResolutionImages == b.highResolutionImages
            && a.enableThinking == b.enableThinking && a.thinkingBudget == b.thinkingBudget;
    }
    friend bool operator!=(const GenerationParameters &a, const GenerationParameters &b)
    {
        return !(a == b);
    }
};

} // namespace qvd
