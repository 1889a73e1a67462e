# The module rules of docs/architecture.md, checked in the sources (a test runs this script with
# -DSOURCE_DIR=…): core/ includes no GDAL, OGR, GEOS, PROJ, Qt or SQLite header, and only gis/gpkg
# (and its tests) include SQLite's. Prints each offending line and fails.
set(failures "")
file(GLOB_RECURSE core_files "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp")
foreach(file IN LISTS core_files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](gdal|ogr|cpl_|geos|proj|Q|sqlite3)")
    foreach(line IN LISTS lines)
        list(APPEND failures "${file}: ${line} (core/ uses no GDAL, GEOS, PROJ, Qt or SQLite)")
    endforeach()
endforeach()
file(GLOB_RECURSE all_files "${SOURCE_DIR}/core/*.[ch]*" "${SOURCE_DIR}/gis/*.[ch]*"
     "${SOURCE_DIR}/cli/*.[ch]*" "${SOURCE_DIR}/data/*.[ch]*" "${SOURCE_DIR}/bench/*.[ch]*"
     "${SOURCE_DIR}/viewer/*.[ch]*" "${SOURCE_DIR}/tests/*.[ch]*")
foreach(file IN LISTS all_files)
    if(file MATCHES "/gis/gpkg/" OR file MATCHES "/tests/gis/gpkg/")
        continue()
    endif()
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]sqlite3")
    foreach(line IN LISTS lines)
        list(APPEND failures "${file}: ${line} (only gis/gpkg uses SQLite)")
    endforeach()
endforeach()
if(failures)
    list(JOIN failures "\n" text)
    message(FATAL_ERROR "module rules broken:\n${text}")
endif()
message(STATUS "module rules hold")
