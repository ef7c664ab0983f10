package org.gridcase.organization;

import java.util.List;

/**
 * An active grid's polygon and where it sits in the tree, for maps: corners as [longitude, latitude] in
 * WGS 84, the ring not closed.
 */
public record GridOutline(String gridCode, String gridName, String communityCode, String streetCode,
    List<double[]> corners) {
}
