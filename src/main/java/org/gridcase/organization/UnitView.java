package org.gridcase.organization;

/** A unit of the territory or a department, as other modules see it. */
public record UnitView(String code, String name, UnitLevel level, GridType gridType, String parentCode, boolean active) {
}
