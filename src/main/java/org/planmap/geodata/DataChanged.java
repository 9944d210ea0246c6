package org.planmap.geodata;

/**
 * Published after a new {@link DataSnapshot} has become the current one (so a listener that reads
 * {@link DataSnapshots#current()} sees it). Only for what keeps state outside the snapshot, such as a response
 * cache; views derived from the data belong in the snapshot ({@link DataSnapshot#get(DataSnapshot.View)}).
 *
 * @param previous the snapshot it replaced, {@code null} for the first one
 */
public record DataChanged(DataSnapshot previous, DataSnapshot current) { }
