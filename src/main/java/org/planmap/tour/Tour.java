package org.planmap.tour;

import java.util.List;
import org.planmap.indicators.QuantifiedTarget;

/**
 * A presenter tour, resolved: each step with its quote, its features and their bounding box, and its targets.
 *
 * @param id    the file name without {@code .json}; used in {@code #tour=id&step=n}
 * @param file  the file name
 */
public record Tour(String id, String file, String title, String titleEn, String description, List<Step> steps) {

    /**
     * One step.
     *
     * @param number       1-based
     * @param sectionId    the plan section the quote is taken from
     * @param sectionTitle that section's number and title
     * @param quote        at most two sentences of the section, verbatim
     * @param features     features framed on the map (listed, of the listed collections, and referring to the sections)
     * @param bbox         [west, south, east, north] of the features, or {@code null}
     * @param targets      the section's quantified targets (at most {@code planmap.tours.max-targets})
     */
    public record Step(int number, String title, String titleEn, String sectionId, String sectionTitle,
            List<String> sections, String quote, List<String> features, double[] bbox,
            List<QuantifiedTarget> targets) {
    }

    /** The entry of a tour in the list. */
    public record Summary(String id, String file, String title, String titleEn, String description, int steps) {
    }

    Summary summary() {
        return new Summary(id, file, title, titleEn, description, steps.size());
    }
}
