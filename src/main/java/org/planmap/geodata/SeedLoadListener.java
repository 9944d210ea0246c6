package org.planmap.geodata;

import java.util.List;
import java.util.Map;
import org.planmap.features.StoredFeature;

/**
 * Told by {@link GeodataLoader} when it has written a new seed ({@code geodata/} files that changed): inside the
 * loader's data write, after the changed collections and the catalogue were replaced, before the commit. The
 * editing package uses it to put staff versions back on top of the seed (docs/editing.md); an exception rolls the
 * whole load back.
 */
public interface SeedLoadListener {
    /**
     * @param reloaded the collections the load replaced, each with the seed file's features
     */
    void seedLoaded(Map<String, List<StoredFeature>> reloaded);
}
