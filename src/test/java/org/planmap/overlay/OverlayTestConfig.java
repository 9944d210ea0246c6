package org.planmap.overlay;

/** Properties every overlay/export Spring test uses: the stand-in geodata and lowered limits (so the corpus stays small). */
public final class OverlayTestConfig {
    public static final String GEODATA = "planmap.geodata.dir=src/test/resources/overlay/geodata";
    public static final String[] PROPERTIES = {
        GEODATA,
        "planmap.overlay.max-features=500",
        "planmap.overlay.max-vertices=20000",
        "planmap.overlay.max-zip-uncompressed-bytes=52428800",
    };

    private OverlayTestConfig() { }
}
