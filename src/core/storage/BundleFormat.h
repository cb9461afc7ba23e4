#pragma once

namespace qvd::storage {

// The history bundle (HistoryTransfer writes it, HistoryImport reads it): one JSON object,
//   {"format": "qwenvl-desk-history", "version": 1,
//    "conversations": [RecordJson's conversation objects],
//    "images": [{"sha256": "<64 hex>", "data": "<base64 of the original file>"}, …]}
// Members may come in any order. A reader refuses a file without this format, or of a newer
// version; it stores no image of a file before it has seen the format.
inline constexpr char kBundleFormat[] = "qwenvl-desk-history";
inline constexpr int kBundleVersion = 1;

} // namespace qvd::storage
