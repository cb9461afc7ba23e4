#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace qvd::storage {

// Reads one JSON text from a device a block at a time, for files too large to hold in memory
// (history bundles). The caller walks objects and arrays member by member and takes each value
// as JSON text, as a string, as a stream of string pieces, or skips it: memory stays bounded by
// the largest value it asks to hold, whatever the size of the file. The structure walked is
// checked here; a value taken as JSON text is checked by whoever parses it (QJsonDocument).
class JsonStream
{
public:
    enum class Status { Ok, TooLarge, Failed };

    explicit JsonStream(QIODevice *device);

    // Called after each block is read, with the bytes read so far; returning false stops the
    // reading: everything fails from there on, and stopped() is true.
    void setProgress(std::function<bool(qint64)> progress) { m_progress = std::move(progress); }

    bool failed() const { return m_failed; }
    bool stopped() const { return m_stopped; }
    // What went wrong and at which byte (technical, not translated).
    QString errorString() const { return m_error; }
    qint64 position() const { return m_offset + m_pos; }

    // The '{' or '[' of the value about to be read; false (failed) when it is something else.
    bool enterObject();
    bool enterArray();
    // In an object: reads the next member's name and its ':'; false at the object's end (its
    // '}' is read) or on failure.
    bool nextMember(QString *name);
    // In an array: true when another element follows (read it next); false at the array's end
    // (its ']' is read) or on failure.
    bool nextElement();
    // True when only white space is left.
    bool atEnd();

    bool skipValue();
    // The next value as JSON text of at most `maxBytes`; TooLarge (the value is skipped) when
    // longer.
    Status readValue(qint64 maxBytes, QByteArray *json);
    // The next value, a string of at most `maxBytes` UTF-8 bytes; TooLarge (skipped) when
    // longer, Failed when it is not a string.
    Status readString(qint64 maxBytes, QString *text);
    // The next value, a string, handed to `sink` in decoded UTF-8 pieces. When the sink returns
    // false it gets nothing more and the rest of the string is skipped. False on failure.
    bool streamString(const std::function<bool(const QByteArray &)> &sink);

private:
    struct Level
    {
        bool object = false;
        bool first = true;
    };

    bool fill();
    int peek();
    int take();
    void skipSpace();
    bool fail(const QString &what);
    bool expect(char c);
    bool separator(char close, bool *more);
    Status scanValue(QByteArray *out, qint64 maxBytes);
    bool scanString(const std::function<void(const char *, qsizetype)> &copy);
    bool readEscape(QByteArray &piece);
    bool readHex4(uint *value);

    QIODevice *m_device;
    std::function<bool(qint64)> m_progress;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_offset = 0; // bytes before m_buffer
    QList<Level> m_levels;
    bool m_failed = false;
    bool m_stopped = false;
    QString m_error;
};

} // namespace qvd::storage
