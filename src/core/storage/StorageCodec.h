#pragma once

#include "core/conversation/GenerationParameters.h"
#include "core/conversation/Message.h"
#include "core/grounding/Detection.h"
#include "core/grounding/GroundingNames.h"
#include "core/grounding/SpaceChoice.h"
#include "core/imaging/ImageTransform.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QPolygonF>
#include <QString>
#include <QVariant>

#include <optional>

namespace qvd::storage {

// Stable names for enums and JSON for small values, shared by the database rows and the export
// file. Names are written to disk: never rename one, only add. Grounding's own enums are named
// in core/grounding/GroundingNames.

QString roleName(Message::Role role);
std::optional<Message::Role> roleFromName(const QString &name);
QString stateName(Message::State state);
std::optional<Message::State> stateFromName(const QString &name);
QString partKindName(Part::Kind kind);
std::optional<Part::Kind> partKindFromName(const QString &name);

QJsonObject parametersToJson(const GenerationParameters &parameters);
GenerationParameters parametersFromJson(const QJsonObject &object);
QJsonObject transformToJson(const ImageTransform &transform);
ImageTransform transformFromJson(const QJsonObject &object);
QJsonArray quadToJson(const QPolygonF &quad);
QPolygonF quadFromJson(const QJsonArray &array);

// Compact one-line JSON text, and back (an empty object for anything that is not one).
QString jsonText(const QJsonObject &object);
QString jsonText(const QJsonArray &array);
QJsonObject jsonObject(const QString &text);
QJsonArray jsonArray(const QString &text);

// Milliseconds since the epoch (UTC) ↔ QDateTime; 0 ↔ invalid.
qint64 toMsecs(const QDateTime &time);
QDateTime fromMsecs(qint64 msecs);

QString hexOf(const QByteArray &sha256);

// Qt SQL binds a null QString as SQL NULL; text columns are NOT NULL, so bind "" instead.
QVariant textValue(const QString &text);
QByteArray sha256FromHex(const QString &hex); // empty unless 64 hex digits

} // namespace qvd::storage
