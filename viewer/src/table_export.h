#pragma once

// A table as it is shown (filtered, sorted, the visible columns) to CSV or XLSX. CSV is UTF-8
// with a byte-order mark and CRLF, which Excel on Chinese Windows needs; XLSX goes through
// GDAL's XLSX driver. Both are written under a temporary name and renamed, so a failed export
// leaves no half file.

#include <QString>

class QAbstractItemModel;

namespace xj::viewer {

/// Throws xj::Error naming the file and the reason.
void export_table(const QAbstractItemModel& model, const QString& path);

} // namespace xj::viewer
