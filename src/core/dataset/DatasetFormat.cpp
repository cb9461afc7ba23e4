#include "core/dataset/DatasetFormat.h"

#include "core/NameTable.h"

namespace qvd {

namespace {

constexpr NameTable<DatasetFormat, 5> kFormats{{
    {DatasetFormat::AnnotatedPng, u"png"},
    {DatasetFormat::Coco, u"coco"},
    {DatasetFormat::LabelMe, u"labelme"},
    {DatasetFormat::Yolo, u"yolo"},
    {DatasetFormat::Voc, u"voc"},
}};

} // namespace

QString datasetFormatName(DatasetFormat format)
{
    return nameOf(kFormats, format);
}

std::optional<DatasetFormat> datasetFormatFromName(QStringView name)
{
    return valueOf(kFormats, name);
}

} // namespace qvd
