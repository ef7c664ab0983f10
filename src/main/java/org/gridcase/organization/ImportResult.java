package org.gridcase.organization;

/** What an import wrote; {@code imported} is false when the dataset was unchanged and skipped. */
public record ImportResult(boolean imported, String version, int units, int departments, int people,
    int roleAssignments) {
}
