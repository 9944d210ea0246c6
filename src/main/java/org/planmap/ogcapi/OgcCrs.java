package org.planmap.ogcapi;

import java.util.List;
import org.planmap.geo.Crs;

/** The CRSs offered by OGC API – Features Part 2 here; CRS84 first (the default and the storage CRS). */
final class OgcCrs {
    static final List<Crs> SUPPORTED = List.of(Crs.CRS84, Crs.WGS84, Crs.CGCS2000, Crs.WEB_MERCATOR, Crs.UTM_48N,
            Crs.CGCS2000_GK.get(3), Crs.CGCS2000_GK.get(4));
    static final List<String> URIS = SUPPORTED.stream().map(Crs::uri).toList();

    private OgcCrs() { }
}
