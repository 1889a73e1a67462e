# Writes a C++ source holding each table's text as a raw string literal.
string(REPLACE "|" ";" TABLES "${TABLES}")
set(body "")
foreach(path ${TABLES})
    get_filename_component(name ${path} NAME)
    file(READ ${path} content)
    string(APPEND body "    {\"${name}\", R\"xjtable(${content})xjtable\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from data/ruyang/*.csv by data/cmake/embed_tables.cmake. Do not edit.
#include \"embedded_tables.h\"

namespace xj::demo {

namespace {
const EmbeddedTable tables[] = {
${body}};
} // namespace

std::span<const EmbeddedTable> embedded_tables() { return tables; }

} // namespace xj::demo
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
