#include "core/dataset/DatasetImage.h"

#include <QFileInfo>

namespace qvd {

QString DatasetImage::imageName() const
{
    return name.isEmpty() ? QFileInfo(imagePath).completeBaseName() : name;
}

} // namespace qvd
