package org.planmap.export;

import org.planmap.geo.Crs;

/**
 * WKT definitions of the CRSs planmap exports to: ESRI flavour for Shapefile {@code .prj} (what ArcGIS and
 * GDAL write), OGC WKT 1 with EPSG authority for {@code gpkg_spatial_ref_sys}. Texts as {@code gdalsrsinfo}
 * prints them.
 */
final class CrsWkt {
    private static final String ESRI_WGS = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String ESRI_CGCS = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String OGC_WGS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";
    private static final String OGC_CGCS = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\","
            + "6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]]";

    private CrsWkt() { }

    static String esri(Crs crs) {
        int code = crs.epsg() == 0 ? 4326 : crs.epsg();
        if (code == 4326) return ESRI_WGS;
        if (code == 4490) return ESRI_CGCS;
        if (code == 32648) {
            return "PROJCS[\"WGS_1984_UTM_Zone_48N\"," + ESRI_WGS + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],"
                    + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",0.9996],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        }
        Gk gk = gk(code);
        String name = gk.prefixed ? "CGCS2000_3_Degree_GK_Zone_" + gk.zone : "CGCS2000_3_Degree_GK_CM_" + gk.cm + "E";
        return "PROJCS[\"" + name + "\"," + ESRI_CGCS + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\"," + gk.falseEasting + ".0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + gk.cm + ".0],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    static String ogc(Crs crs) {
        int code = crs.epsg() == 0 ? 4326 : crs.epsg();
        if (code == 4326) return OGC_WGS;
        if (code == 4490) return OGC_CGCS;
        String geog = code == 32648 ? OGC_WGS : OGC_CGCS;
        int cm = code == 32648 ? 105 : gk(code).cm;
        long fe = code == 32648 ? 500000 : gk(code).falseEasting;
        String k = code == 32648 ? "0.9996" : "1";
        return "PROJCS[\"" + crs.titleEn().replaceAll(" \\(.*\\)$", "") + "\"," + geog + ",PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\"," + cm + "],PARAMETER[\"scale_factor\"," + k + "],"
                + "PARAMETER[\"false_easting\"," + fe + "],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AUTHORITY[\"EPSG\",\"" + code + "\"]]";
    }

    private record Gk(int zone, int cm, long falseEasting, boolean prefixed) { }

    private static Gk gk(int code) {
        if (code >= 4523 && code <= 4525) {
            int zone = 35 + code - 4523;
            return new Gk(zone, zone * 3, zone * 1_000_000L + 500_000, true);
        }
        if (code >= 4544 && code <= 4546) {
            int zone = 35 + code - 4544;
            return new Gk(zone, zone * 3, 500_000, false);
        }
        throw new IllegalArgumentException("no WKT for EPSG:" + code);
    }
}
