#include "table_export.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <gdal.h>
#include <memory>
#include <ogrsf_frmts.h>

namespace xj::viewer {

namespace {

QString csv_field(QString text) {
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QStringLiteral("\"") + text + QStringLiteral("\"");
    }
    return text;
}

[[noreturn]] void fail(const QString& path, const std::string& reason) {
    throw Error(path.toStdString() + text("：无法写出表格：", ": cannot write the table: ") +
                reason);
}

void write_csv(const QAbstractItemModel& model, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(path, file.errorString().toStdString());
    }
    QByteArray out("\xEF\xBB\xBF");
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c) {
        cells << csv_field(model.headerData(c, Qt::Horizontal).toString());
    }
    out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < model.columnCount(); ++c) {
            cells << csv_field(model.index(r, c).data().toString());
        }
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    file.write(out);
    if (!file.commit()) {
        fail(path, file.errorString().toStdString());
    }
}

void write_xlsx(const QAbstractItemModel& model, const QString& path) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (driver == nullptr) {
        fail(path, text("此 GDAL 没有 XLSX 驱动", "this GDAL has no XLSX driver"));
    }
    // Not "<name>.xlsx.part.xlsx": GDAL's zip layer takes a name with ".xlsx" inside it for a
    // path into an archive, and fails saving.
    const QString temporary = QFileInfo(path).absoluteDir().filePath(
        QStringLiteral(".xiangjian-export-%1.xlsx").arg(QCoreApplication::applicationPid()));
    QFile::remove(temporary);
    {
        std::unique_ptr<GDALDataset> dataset(
            driver->Create(temporary.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) {
            fail(path, CPLGetLastErrorMsg());
        }
        OGRLayer* layer = dataset->CreateLayer("table", nullptr, wkbNone, nullptr);
        if (layer == nullptr) {
            fail(path, CPLGetLastErrorMsg());
        }
        // A column whose every value is a number is written as numbers (Excel sums them).
        std::vector<bool> numeric(static_cast<std::size_t>(model.columnCount()), true);
        for (int c = 0; c < model.columnCount(); ++c) {
            for (int r = 0; r < model.rowCount() && numeric[c]; ++r) {
                const QString value = model.index(r, c).data().toString();
                bool ok = value.isEmpty();
                value.toDouble(&ok);
                numeric[c] = ok || value.isEmpty();
            }
            // Codes and ids stay text: a 12-digit code is not a number to sum.
            const QString first = model.rowCount() > 0 ? model.index(0, c).data().toString() : "";
            if (first.size() >= 9 && !first.contains(QLatin1Char('.'))) {
                numeric[c] = false;
            }
            OGRFieldDefn field(model.headerData(c, Qt::Horizontal).toString().toUtf8().constData(),
                               numeric[c] ? OFTReal : OFTString);
            if (layer->CreateField(&field) != OGRERR_NONE) {
                fail(path, CPLGetLastErrorMsg());
            }
        }
        for (int r = 0; r < model.rowCount(); ++r) {
            OGRFeature feature(layer->GetLayerDefn());
            for (int c = 0; c < model.columnCount(); ++c) {
                const QString value = model.index(r, c).data().toString();
                if (value.isEmpty()) {
                    continue;
                }
                if (numeric[c]) {
                    feature.SetField(c, value.toDouble());
                } else {
                    feature.SetField(c, value.toUtf8().constData());
                }
            }
            if (layer->CreateFeature(&feature) != OGRERR_NONE) {
                fail(path, CPLGetLastErrorMsg());
            }
        }
        CPLErrorReset();
        dataset.reset(); // the XLSX driver writes the file here
        if (CPLGetLastErrorType() == CE_Failure || QFileInfo(temporary).size() < 100) {
            const std::string reason = CPLGetLastErrorMsg();
            QFile::remove(temporary);
            fail(path, reason);
        }
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        fail(path, text("无法改名", "cannot rename the temporary file"));
    }
}

} // namespace

void export_table(const QAbstractItemModel& model, const QString& path) {
    if (!QFileInfo(path).absoluteDir().exists()) {
        fail(path, text("文件夹不存在", "the folder does not exist"));
    }
    if (path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)) {
        write_xlsx(model, path);
    } else if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        write_csv(model, path);
    } else {
        fail(path, text("请用 .csv 或 .xlsx", "use .csv or .xlsx"));
    }
}

} // namespace xj::viewer
