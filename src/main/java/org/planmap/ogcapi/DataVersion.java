package org.planmap.ogcapi;

import java.time.Instant;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.springframework.stereotype.Component;

/**
 * Which data the OGC responses are made of: the current snapshot's tag (its {@code data_version} counter and the
 * time that counter last moved) and that time to the second. ETags derive from the tag, so any data write changes
 * every ETag as soon as the snapshot it made is current.
 */
@Component
class DataVersion {
    private final DataSnapshots snapshots;

    record Snapshot(String hash, Instant loadedAt) { }

    DataVersion(DataSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    Snapshot current() {
        DataSnapshot s = snapshots.current();
        return new Snapshot(s.tag(), s.changedAt());
    }
}
