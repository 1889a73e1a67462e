# The module rules of docs/architecture.md, checked when the build is configured: a target that
# links what its module may not fails the configuration, naming the target and the library.
#   core        no GDAL, GEOS, PROJ, Qt or SQLite, directly or through another target;
#   SQLite      only gis/gpkg (the GeoPackage backend) and its own tests.

# Every target linked by `target`, directly or through others (LINK_LIBRARIES and
# INTERFACE_LINK_LIBRARIES), into `out`.
function(xj_linked_closure target out)
    set(seen "")
    set(todo "${target}")
    while(todo)
        list(POP_FRONT todo current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen "${current}")
        if(NOT TARGET "${current}")
            continue()
        endif()
        get_target_property(imported "${current}" IMPORTED)
        set(links "")
        if(NOT imported)
            get_target_property(direct "${current}" LINK_LIBRARIES)
            if(direct)
                list(APPEND links ${direct})
            endif()
        endif()
        get_target_property(interface "${current}" INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND links ${interface})
        endif()
        foreach(link IN LISTS links)
            # $<LINK_ONLY:x> and other generator expressions around a name
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(NOT link MATCHES "^\\$<" AND NOT link IN_LIST seen)
                list(APPEND todo "${link}")
            endif()
        endforeach()
    endwhile()
    list(REMOVE_ITEM seen "${target}")
    set(${out} "${seen}" PARENT_SCOPE)
endfunction()

# The targets defined in `dir` and below.
function(xj_targets_in dir out)
    get_property(here DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(children DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(child IN LISTS children)
        xj_targets_in("${child}" below)
        list(APPEND here ${below})
    endforeach()
    set(${out} "${here}" PARENT_SCOPE)
endfunction()

function(xj_check_module_rules)
    set(forbidden_in_core GDAL::GDAL GEOS::geos_c GEOS::geos PROJ::proj Qt6::Core Qt6::Gui
        Qt6::Widgets Qt6::Svg SQLite::SQLite3)
    xj_linked_closure(xj_core core_links)
    foreach(link IN LISTS core_links)
        if(link IN_LIST forbidden_in_core)
            message(FATAL_ERROR "module rules: xj_core (core/) links ${link}; the domain model "
                                "and the engine use no GDAL, GEOS, PROJ, Qt or SQLite "
                                "(docs/architecture.md)")
        endif()
    endforeach()
    # SQLite: the GeoPackage backend and its tests only.
    set(allowed_sqlite xj_gpkg xj_gpkg_tests)
    xj_targets_in("${PROJECT_SOURCE_DIR}" targets)
    foreach(target IN LISTS targets)
        if(target IN_LIST allowed_sqlite)
            continue()
        endif()
        get_target_property(direct "${target}" LINK_LIBRARIES)
        get_target_property(interface "${target}" INTERFACE_LINK_LIBRARIES)
        foreach(link IN LISTS direct interface)
            if(link MATCHES "SQLite" OR link MATCHES "sqlite3")
                message(FATAL_ERROR "module rules: ${target} links ${link}; only gis/gpkg (the "
                                    "GeoPackage backend) may use SQLite (docs/architecture.md)")
            endif()
        endforeach()
    endforeach()
endfunction()
