#pragma once

#include <QString>

namespace qvd {

// Where jobs live: jobs.sqlite beside the history (the platform's generic data folder and the
// app's settings name, ~/.local/share/qwenvl-desk on Linux), and a work folder per job for its
// batch files and downloaded results, removed as soon as they are stored. The app and the
// command line use the same place, so a job started in one is seen in the other.
class JobLocation
{
public:
    static JobLocation standard();
    explicit JobLocation(const QString &dataDir);

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;
    // Made on demand (owner-only), one per job.
    QString workFolder(const QString &jobId) const;
    bool makeWorkFolder(const QString &jobId) const;

private:
    QString m_dataDir;
};

} // namespace qvd
