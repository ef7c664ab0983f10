package org.gridcase.organization;

/** The levels of the territorial tree, plus the district's departments (包网部门) that serve its grids. */
public enum UnitLevel {
  DISTRICT("区"),
  STREET("街道"),
  COMMUNITY("社区"),
  GRID("网格"),
  DEPARTMENT("部门");

  private final String label;

  UnitLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The level a unit of this level hangs under; departments hang under the district. */
  UnitLevel parentLevel() {
    return switch (this) {
      case DISTRICT -> null;
      case STREET, DEPARTMENT -> DISTRICT;
      case COMMUNITY -> STREET;
      case GRID -> COMMUNITY;
    };
  }
}
