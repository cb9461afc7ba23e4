#include "core/api/ConnectionReport.h"

#include <QCoreApplication>

namespace qvd {
namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionReport)
};

QString headline(ConnectionReport::Outcome outcome)
{
    using Outcome = ConnectionReport::Outcome;
    switch (outcome) {
    case Outcome::KeyAccepted:
        return Text::tr("Connected. The server accepted the API key.");
    case Outcome::NoKeyNeeded:
        return Text::tr("Connected. The server answers without an API key.");
    case Outcome::KeyRejected:
        return Text::tr("Connected, but the server rejected the API key. DashScope keys belong to "
                        "one region: check that the key was created for this endpoint's region.");
    case Outcome::InvalidProfile:
        return Text::tr("The profile cannot be used.");
    case Outcome::Unreachable:
        return Text::tr("The server could not be reached.");
    case Outcome::TlsFailed:
        return Text::tr("The server's certificate could not be verified, so the connection was "
                        "refused.");
    case Outcome::ProxyFailed:
        return Text::tr("The proxy did not let the connection through.");
    case Outcome::TimedOut:
        return Text::tr("The server did not answer in time.");
    case Outcome::ServerError:
        return Text::tr("The server answered with an error.");
    case Outcome::Redirected:
        return Text::tr("The server redirected the request to another address. Redirects are "
                        "never followed, so the key went nowhere else: check the address of the "
                        "profile.");
    }
    return {};
}

} // namespace

QString ConnectionReport::summary() const
{
    QString text = headline(outcome);
    if (!serverMessage.isEmpty())
        //: %1 is the server's own message, %2 its error code
        text += QLatin1Char('\n')
            + Text::tr("Server: %1 (%2)")
                  .arg(serverMessage,
                       serverCode.isEmpty() ? QString::number(httpStatus) : serverCode);
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + detail;
    return text;
}

} // namespace qvd
